#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import NewsKBCore

/// The typed columns of one `fact` row, made from a processed document's ``Fact``
/// (`ingest`) or from a fact record of `extract`'s JSONL (`load`), so both store the same row.
struct FactRow {
    var factID: String
    var docID: String
    var ord: Int
    var recipient: String
    var recipientText: String
    var funder: String?
    var funderText: String?
    var currency: String
    /// Amounts as decimal text; the NUMERIC columns store them as integers where whole.
    var amountMin: String?
    var amountMax: String?
    var approximate: Bool
    var dateStart: String?
    var dateEnd: String?
    var dateGranularity: String?
    var dateSource: String?
    var purpose: String?
    var evidence: TextSpan
    var sentence: TextSpan
    /// The fact_id of the fact this one is part of (a first tranche of a total), or nil.
    var partOf: String?
    var record: String

    static let insertSQL = """
        INSERT INTO fact (fact_id, doc_id, ord, type, recipient, recipient_text, funder, funder_text, currency, amount_min, amount_max,
                          approximate, date_start, date_end, date_granularity, date_source, purpose,
                          evidence_start, evidence_end, sentence_start, sentence_end, part_of, record)
        VALUES (?, ?, ?, 'funding', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    func bind(to w: inout RowWriter) {
        for v in [factID, docID] { w.text(v) }
        w.int(ord)
        for v in [recipient, recipientText, funder, funderText, currency, amountMin, amountMax] { w.text(v) }
        w.int(approximate ? 1 : 0)
        for v in [dateStart, dateEnd, dateGranularity, dateSource, purpose] { w.text(v) }
        for v in [evidence.start, evidence.end, sentence.start, sentence.end] { w.int(v) }
        w.text(partOf)
        w.text(record)
    }

    init(_ f: Fact, id: String, docID: String, ord: Int, record: String) {
        factID = id
        self.docID = docID
        self.ord = ord
        recipient = f.recipient
        recipientText = f.recipientText
        funder = f.funder
        funderText = f.funderText
        currency = f.amount.currency
        amountMin = f.amount.min.map(JSONValue.format)
        amountMax = f.amount.max.map(JSONValue.format)
        approximate = f.amount.approximate
        dateStart = f.date?.start.description
        dateEnd = f.date?.end.description
        dateGranularity = f.date?.granularity.rawValue
        dateSource = f.dateSource?.rawValue
        purpose = f.purpose
        evidence = f.evidence
        sentence = f.sentence
        partOf = f.partOfID(docID: docID)
        self.record = record
    }

    /// A fact record as `extract` writes it.
    struct Record: Decodable {
        struct Amount: Decodable { var currency: String; var min: Decimal?; var max: Decimal?; var approximate: Bool? }
        struct DateJSON: Decodable { var start: String; var end: String; var granularity: String? }
        struct Span: Decodable { var start: Int; var end: Int }
        var fact_id: String
        var doc_id: String
        var recipient: String
        var recipient_text: String?
        var funder: String?
        var funder_text: String?
        var amount: Amount
        var date: DateJSON?
        var date_source: String?
        var purpose: String?
        var evidence: Span
        var sentence: Span
        var part_of: String?
    }

    init(_ r: Record, ord: Int, record: String) {
        factID = r.fact_id
        docID = r.doc_id
        self.ord = ord
        recipient = r.recipient
        recipientText = r.recipient_text ?? r.recipient
        funder = r.funder
        funderText = r.funder_text
        currency = r.amount.currency
        amountMin = r.amount.min.map { "\($0)" }
        amountMax = r.amount.max.map { "\($0)" }
        approximate = r.amount.approximate ?? false
        dateStart = r.date?.start
        dateEnd = r.date?.end
        dateGranularity = r.date?.granularity
        dateSource = r.date_source
        purpose = r.purpose
        evidence = TextSpan(r.evidence.start, r.evidence.end)
        sentence = TextSpan(r.sentence.start, r.sentence.end)
        partOf = r.part_of
        self.record = record
    }
}
