#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One unit of work from the inputs: a document to run, a JSONL record still to parse,
/// or an input that failed to read.
public enum InputItem: Sendable {
    case document(NewsDocument)
    /// A JSONL line, parsed by whichever thread runs it (reading stays cheap on the reading thread).
    case record(JSONLine)
    case failure(source: String, docID: String?, error: String)

    /// The item with a JSONL line parsed into a document or a failure.
    public var parsed: InputItem {
        if case .record(let line) = self { return line.parse() }
        return self
    }
}

/// One line of a JSONL input, as read.
public struct JSONLine: Sendable {
    public let bytes: [UInt8]
    public let source: String
    /// The line number in its file; nil on a stream.
    public let line: Int?
    let reader: InputReader

    /// The document the line describes, or an error record for it.
    public func parse() -> InputItem { reader.record(bytes, source: source, line: line) }
}

/// A JSONL input record (`id`, `url`, `published`, `region`, `title`, `text` or `html`).
public struct InputRecord: Codable, Sendable {
    public var id: String?
    public var url: String?
    public var published: String?
    public var region: String?
    public var title: String?
    public var text: String?
    public var html: String?
    public var charset: String?

    /// The fields a record may carry, all strings.
    static let fields = ["id", "url", "published", "region", "title", "text", "html", "charset"]
}

/// Turns paths (files, folders, `.jsonl`, `.warc`, any of them gzipped) into documents,
/// streaming: one document at a time, never a whole archive in memory.
public struct InputReader: Sendable {
    /// The published date of inputs that carry none.
    public var defaultPublished: CivilDate?
    /// A plain-text or HTML document larger than this is rejected with an error record.
    public var maxDocumentBytes: Int
    /// A JSONL line longer than this is rejected with an error record.
    public var maxLineBytes: Int
    /// Whether ``read(file:emit:)`` hashes each file as it streams (for the ingest ledger).
    public var hashesFiles = false

    public static let extensions: Set<String> = ["txt", "text", "html", "htm", "jsonl", "warc"]

    public init(defaultPublished: CivilDate?, maxDocumentBytes: Int = 16 << 20, maxLineBytes: Int = 64 << 20) {
        self.defaultPublished = defaultPublished
        self.maxDocumentBytes = maxDocumentBytes
        self.maxLineBytes = maxLineBytes
    }

    /// The input files named by `paths`: files as given, folders walked for known extensions.
    public func files(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for p in paths {
            guard let info = FileIO.info(p) else { throw NewsKBError.input("\(p): no such file or folder") }
            if info.isDirectory {
                out.append(contentsOf: FileIO.walk(p).filter { Self.extensions.contains(Self.kind($0).ext) })
            } else {
                out.append(p)
            }
        }
        return out
    }

    /// The file's format extension (after removing `.gz`) and whether it is gzipped.
    static func kind(_ path: String) -> (ext: String, gzip: Bool) {
        var base = FileIO.baseName(path).lowercased()
        var gz = false
        if base.hasSuffix(".gz") { gz = true; base.removeLast(3) }
        guard let dot = base.lastIndex(of: ".") else { return ("", gz) }
        return (String(base[base.index(after: dot)...]), gz)
    }

    /// The file name without `.gz` and its format extension.
    static func stem(_ path: String) -> String {
        var base = FileIO.baseName(path)
        if base.lowercased().hasSuffix(".gz") { base.removeLast(3) }
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }

    /// Reads one file into items, calling `emit` for each (a JSONL or WARC file yields many).
    /// A read error ends the file with an error record; what was read before it stands.
    /// Returns the SHA-256 of the file's bytes when it was read to the end and ``hashesFiles`` is set.
    @discardableResult
    public func read(file path: String, emit: (InputItem) throws -> Void) rethrows -> String? {
        let (ext, gzip) = Self.kind(path)
        var file: FileByteStream? = nil
        do {
            let raw = try FileByteStream(path: path, hashing: hashesFiles)
            file = raw
            var stream: ByteStream = raw
            if gzip { stream = try GzipByteStream(stream) }
            switch ext {
            case "jsonl":
                let lines = LineReader(stream, maxLineBytes: maxLineBytes)
                var lineNo = 0
                while let line = try lines.next() {
                    lineNo += 1
                    switch line {
                    case .tooLong(let n):
                        try emit(.failure(source: "\(path):\(lineNo)", docID: nil, error: "E-INPUT: line of \(n) bytes exceeds the limit of \(maxLineBytes)"))
                    case .line(let bytes):
                        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                        try emit(.record(JSONLine(bytes: bytes, source: path, line: lineNo, reader: self)))
                    }
                }
            case "warc":
                try WARCReader(stream, source: path, maxRecordBytes: maxDocumentBytes).read(defaultPublished: defaultPublished, emit: emit)
            default:
                var bytes: [UInt8] = []
                while true {
                    let chunk = try stream.read(max: 1 << 16)
                    if chunk.isEmpty { break }
                    bytes += chunk
                    if bytes.count > maxDocumentBytes {
                        try emit(.failure(source: path, docID: Self.stem(path), error: "E-INPUT: document larger than the limit of \(maxDocumentBytes) bytes"))
                        return nil
                    }
                }
                try emit(.document(fileDocument(path, ext == "html" || ext == "htm" ? .html : .text, bytes)))
            }
        } catch let e as NewsKBError {
            try? emit(.failure(source: path, docID: nil, error: e.description))
        } catch {
            try? emit(.failure(source: path, docID: nil, error: "E-INPUT: \(error)"))
        }
        return file?.digest
    }

    func fileDocument(_ path: String, _ format: PayloadFormat, _ bytes: [UInt8]) -> NewsDocument {
        var doc = NewsDocument(id: Self.stem(path), source: path, format: format, payload: bytes, published: defaultPublished)
        doc.publishedSource = .fallback
        return doc
    }

    /// One JSONL record. A record without an id is named by its file and line, or, on a
    /// stream (`line` nil), by its content, so retried or re-partitioned work yields the same id.
    public func record(_ bytes: [UInt8], source: String, line: Int?) -> InputItem {
        // Hashed only where the key is used: records on a stream.
        let contentKey = line == nil ? "sha-" + String(SHA256.hex(bytes).prefix(16)) : ""
        let where_ = line.map { "\(source):\($0)" } ?? "\(source):\(contentKey)"
        let fields: JSONRecordParser.Fields
        do {
            fields = try JSONRecordParser.parse(bytes)
        } catch {
            return .failure(source: where_, docID: nil, error: "E-INPUT: not a JSON record: \(error)")
        }
        if let field = InputRecord.fields.first(where: fields.others.contains) {
            return .failure(source: where_, docID: nil, error: "E-INPUT: not a JSON record: field '\(field)' must be a string")
        }
        let f = fields.strings
        let r = InputRecord(id: f["id"], url: f["url"], published: f["published"], region: f["region"], title: f["title"],
                            text: f["text"], html: f["html"], charset: f["charset"])
        let id = r.id ?? line.map { Self.stem(source) + "-" + String($0) } ?? contentKey
        var published = defaultPublished
        var dateSource = PublishedSource.fallback
        if let p = r.published {
            dateSource = .input
            guard let d = CivilDate(iso: p) else { return .failure(source: where_, docID: id, error: "E-INPUT: published '\(p)' is not a YYYY-MM-DD date") }
            published = d
        }
        let format: PayloadFormat
        let payload: [UInt8]
        if let h = r.html { format = .html; payload = Array(h.utf8) } else if let t = r.text { format = .text; payload = Array(t.utf8) } else {
            return .failure(source: where_, docID: id, error: "E-INPUT: record has neither text nor html")
        }
        var doc = NewsDocument(id: id, source: source, format: format, payload: payload, url: r.url, published: published,
                               region: r.region, title: r.title, declaredCharset: "UTF-8")
        doc.publishedSource = dateSource
        return .document(doc)
    }
}
