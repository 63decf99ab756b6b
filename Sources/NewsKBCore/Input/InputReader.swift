#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One unit of work from the inputs: a document to run, or an input that failed to read.
public enum InputItem: Sendable {
    case document(NewsDocument)
    case failure(source: String, docID: String?, error: String)
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
}

/// Turns paths (files, folders, `.jsonl`) and JSONL lines into documents.
public struct InputReader: Sendable {
    /// The published date of inputs that carry none.
    public var defaultPublished: CivilDate?
    public static let extensions: Set<String> = ["txt", "text", "html", "htm", "jsonl"]

    public init(defaultPublished: CivilDate?) {
        self.defaultPublished = defaultPublished
    }

    /// The input files named by `paths`: files as given, folders walked for known extensions.
    public func files(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for p in paths {
            guard let info = FileIO.info(p) else { throw NewsKBError.input("\(p): no such file or folder") }
            if info.isDirectory {
                out.append(contentsOf: FileIO.walk(p).filter { Self.extensions.contains(Self.fileExtension($0)) })
            } else {
                out.append(p)
            }
        }
        return out
    }

    static func fileExtension(_ path: String) -> String {
        let base = FileIO.baseName(path)
        guard let dot = base.lastIndex(of: ".") else { return "" }
        return base[base.index(after: dot)...].lowercased()
    }

    static func stem(_ path: String) -> String {
        let base = FileIO.baseName(path)
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }

    /// Reads one file into items, calling `emit` for each (a JSONL file yields many).
    public func read(file path: String, emit: (InputItem) throws -> Void) rethrows {
        guard let bytes = FileIO.readAll(path) else {
            try emit(.failure(source: path, docID: nil, error: "E-INPUT: cannot read: \(FileIO.lastError())"))
            return
        }
        switch Self.fileExtension(path) {
        case "jsonl":
            var lineNo = 0
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                lineNo += 1
                let line = Array(bytes[start..<i])
                start = i + 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                try emit(record(line, source: path, line: lineNo))
            }
        case "html", "htm":
            try emit(.document(fileDocument(path, .html, bytes)))
        default:
            try emit(.document(fileDocument(path, .text, bytes)))
        }
    }

    func fileDocument(_ path: String, _ format: PayloadFormat, _ bytes: [UInt8]) -> NewsDocument {
        var doc = NewsDocument(id: Self.stem(path), source: path, format: format, payload: bytes, published: defaultPublished)
        doc.publishedSource = .fallback
        return doc
    }

    /// One JSONL record; `line` names it when it has no id.
    public func record(_ bytes: [UInt8], source: String, line: Int) -> InputItem {
        let where_ = "\(source):\(line)"
        let r: InputRecord
        do {
            r = try JSONDecoder().decode(InputRecord.self, from: Data(bytes))
        } catch {
            return .failure(source: where_, docID: nil, error: "E-INPUT: not a JSON record: \(Self.shortError(error))")
        }
        let id = r.id ?? Self.stem(source) + "-" + String(line)
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

    static func shortError(_ e: Error) -> String {
        let s = "\(e)"
        return s.count > 160 ? String(s.prefix(160)) + "…" : s
    }
}
