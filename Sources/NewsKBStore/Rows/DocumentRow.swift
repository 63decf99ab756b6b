import NewsKBCore

/// A row of `document`: provenance as columns, the export's record as `record` (the clean
/// text is the generated column `text`, read from the record, never stored twice).
struct DocumentRow {
    var docID: String
    var source: String
    var origin: String?
    var sha256: String
    var pipeline: String
    var published: String?
    var language: String
    var region: String?
    var title: String?
    var url: String?
    var record: String

    static let insertSQL = """
        INSERT INTO document (doc_id, source, origin, sha256, pipeline, published, language, region, title, url, record)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    func bind(to w: inout RowWriter) {
        for v in [docID, source, origin, sha256, pipeline, published, language, region, title, url, record] { w.text(v) }
    }
}

/// A row of `sentence`: one sentence of a document's text, as `segment.sentences.v1` cut it;
/// mentions point to it by `(doc_id, sentence)`.
struct SentenceRow {
    var docID: String
    var ord: Int
    var start: Int
    var end: Int
    var text: String

    static let insertSQL = "INSERT INTO sentence (doc_id, ord, start, \"end\", text) VALUES (?, ?, ?, ?, ?)"

    func bind(to w: inout RowWriter) {
        w.text(docID); w.int(ord); w.int(start); w.int(end); w.text(text)
    }

    /// The sentences of a processed document.
    static func rows(of doc: NewsDocument) -> [SentenceRow] {
        doc.sentences.enumerated().map { i, r in SentenceRow(docID: doc.id, ord: i, start: r.lowerBound, end: r.upperBound, text: doc.slice(r.lowerBound, r.upperBound)) }
    }

    /// The sentences of a document known only by its text (`load`, and the migration that
    /// fills the table for documents stored before it): the same segmenter, so the ordinals
    /// agree with the mentions' `sentence`.
    static func rows(docID: String, text: String) -> [SentenceRow] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSegmenter.sentences(of: scalars).enumerated().map { i, r in
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[r])
            return SentenceRow(docID: docID, ord: i, start: r.lowerBound, end: r.upperBound, text: String(s))
        }
    }
}
