#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Turns paths (files, folders, `.jsonl`, `.warc`, any of them gzipped) into documents,
/// streaming: one document at a time, never a whole archive in memory.
public struct InputReader: Sendable {
    /// The published date of inputs that carry none.
    public var defaultPublished: CivilDate?
    /// The bounds on documents, lines and records; each exceeded one is an error record.
    public var limits: InputLimits
    var maxDocumentBytes: Int { limits.maxDocumentBytes }
    var maxLineBytes: Int { limits.maxLineBytes }
    /// The region of inputs that name none (`--region`); nil leaves it to the pipeline.
    public var defaultRegion: String?
    /// Per-file published dates, regions, URLs and titles (`--metadata`).
    public var metadata = InputMetadata()
    /// Whether ``read(file:emit:)`` hashes each file as it streams (for the ingest ledger).
    public var hashesFiles = false
    /// Counts the bytes read from files, for a progress bar's ETA (read on the reading thread).
    public var bytesRead: ByteCounter?

    public static let extensions: Set<String> = ["txt", "text", "html", "htm", "jsonl", "warc"]

    public init(defaultPublished: CivilDate?, limits: InputLimits = InputLimits()) {
        self.defaultPublished = defaultPublished
        self.limits = limits
    }

    /// What ``files(_:)`` found: the input files, and a failure for each path that could not be listed.
    public struct Listing: Sendable {
        public var files: [InputFile] = []
        public var missing: [InputFailure] = []
        /// The canonical folders given, for pruning what is gone below them.
        public var folders: [String] = []
        public init() {}
    }

    /// The input files named by `paths`: files as given, folders walked for known
    /// extensions. A file found in a folder is named by its path relative to that folder.
    /// A path that does not exist or cannot be read is a failure; the others are listed.
    public func files(_ paths: [String]) -> Listing {
        var files: [InputFile] = []
        var out = forEachFile(paths) { files.append($0) }
        out.files = files
        return out
    }

    /// The input files of a manifest (`--paths-from-stdin`): each path a file, named by its
    /// path below `root` when given and below it, or a folder to walk; a missing path is a failure.
    public func files(manifest: [String], root: String?) -> Listing {
        var out = Listing()
        for path in manifest {
            if let info = FileIO.info(path), !info.isDirectory {
                out.files.append(InputFile(path: path, root: root))
            } else {
                let sub = files([path])
                out.files += sub.files
                out.missing += sub.missing
                out.folders += sub.folders
            }
        }
        return out
    }

    /// As ``files(_:)``, handing each file to `visit` as the walk finds it (the listing
    /// returned holds the failures and folders, not the files): memory does not grow with
    /// the number of files, so a nightly run over millions of unchanged files stays small.
    public func forEachFile(_ paths: [String], visit: (InputFile) -> Void) -> Listing {
        var out = Listing()
        for p in paths {
            guard let info = FileIO.info(p) else {
                out.missing.append(InputFailure(InputLocation(file: p), docID: nil, code: .notFound, "\(p): no such file or folder"))
                continue
            }
            if info.isDirectory {
                guard FileIO.isReadableDirectory(p) else {
                    out.missing.append(InputFailure(InputLocation(file: p), docID: nil, code: .notFound, "\(p): folder cannot be read (\(FileIO.lastError()))"))
                    continue
                }
                let root = FileIO.canonical(p) ?? p
                out.folders.append(root)
                var problems: [(String, String)] = []
                FileIO.walk(p, problems: &problems) { rel in
                    guard Self.extensions.contains(Self.kind(rel).ext) else { return }
                    let path = p.hasSuffix("/") ? p + rel : p + "/" + rel
                    visit(InputFile(path: path, idBase: Self.idBase(relative: rel), origin: root + "/" + rel))
                }
                for (rel, why) in problems where !why.hasPrefix("file") || Self.extensions.contains(Self.kind(rel).ext) {
                    let path = p.hasSuffix("/") ? p + rel : p + "/" + rel
                    out.missing.append(InputFailure(InputLocation(file: path), docID: nil, code: .input, "\(path): \(why)"))
                }
            } else {
                visit(InputFile(path: p))
            }
        }
        return out
    }

    /// The first control character (U+0000–U+001F, U+007F) in `s`, as hex, if any.
    static func controlCharacter(in s: String) -> String? {
        guard let u = s.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        let hex = String(u.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// A relative path without `.gz` and its format extension: `2024-07-01/article.txt` → `2024-07-01/article`.
    public static func idBase(relative: String) -> String {
        guard let slash = relative.lastIndex(of: "/") else { return stem(relative) }
        return String(relative[...slash]) + stem(String(relative[relative.index(after: slash)...]))
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
    public func read(file input: InputFile, emit: (InputItem) throws -> Void) rethrows -> String? {
        let path = input.path
        let (ext, gzip) = Self.kind(path)
        var file: FileByteStream? = nil
        let here = InputLocation(file: path)
        do {
            let raw = try FileByteStream(path: path, hashing: hashesFiles)
            raw.counter = bytesRead
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
                        try emit(.failure(InputFailure(InputLocation(file: path, line: lineNo), docID: nil, code: .input,
                                                       "line of \(n) bytes exceeds the limit of \(maxLineBytes) (--max-line-bytes)")))
                    case .line(var bytes):
                        // A byte order mark at the start of the file is not part of the first record.
                        if lineNo == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                        try emit(.record(JSONLine(bytes: bytes, file: input, line: lineNo, reader: self)))
                    }
                }
            case "warc":
                try WARCReader(stream, file: input, limits: limits).read(defaultPublished: defaultPublished) { item in
                    if case .document(var d) = item, d.region == nil, let r = defaultRegion {
                        d.region = r
                        try emit(.document(d))
                    } else {
                        try emit(item)
                    }
                }
            default:
                var bytes: [UInt8] = []
                while true {
                    let chunk = try stream.read(max: 1 << 16)
                    if chunk.isEmpty { break }
                    bytes += chunk
                    if bytes.count > maxDocumentBytes {
                        try emit(.failure(InputFailure(here, docID: input.idBase, code: .input, "document larger than the limit of \(maxDocumentBytes) bytes (--max-document-bytes)")))
                        return nil
                    }
                }
                // A plain file hashed as it was read is not hashed again: its digest is the payload's.
                try emit(.document(fileDocument(input, ext == "html" || ext == "htm" ? .html : .text, bytes, sha256: gzip ? nil : raw.digest)))
            }
        } catch let e as NewsKBError {
            try? emit(.failure(InputFailure(here, docID: nil, stage: "read", error: e)))
        } catch {
            try? emit(.failure(InputFailure(here, docID: nil, code: .input, "\(error)")))
        }
        return file?.digest
    }

    func fileDocument(_ input: InputFile, _ format: PayloadFormat, _ bytes: [UInt8], sha256: String? = nil) -> NewsDocument {
        var doc = NewsDocument(id: input.idBase, source: input.path, format: format, payload: bytes, published: defaultPublished,
                               region: defaultRegion, sha256: sha256)
        doc.origin = input.origin
        doc.publishedSource = .fallback
        if doc.region != nil { doc.regionSource = .input }
        if let m = metadata.entry(for: input) {
            if let p = m.published { doc.published = p; doc.publishedSource = .metadata }
            if let r = m.region { doc.region = r; doc.regionSource = .metadata }
            if let u = m.url { doc.url = u }
            if let t = m.title { doc.title = t }
        }
        return doc
    }

    /// One JSONL record. A record without an id is named by its file and line, or, on a
    /// stream (`line` nil), by its content, so retried or re-partitioned work yields the same id.
    public func record(_ bytes: [UInt8], file: InputFile, line: Int?) -> InputItem {
        // Hashed only where the key is used: records on a stream.
        let contentKey = line == nil ? "sha-" + String(SHA256.hex(bytes).prefix(16)) : ""
        let where_ = InputLocation(file: file.path, line: line, key: line == nil ? contentKey : nil)
        func failure(_ id: String?, _ message: String) -> InputItem { .failure(InputFailure(where_, docID: id, code: .input, message)) }
        let fields: JSONRecordParser.Fields
        do {
            fields = try JSONRecordParser.parse(bytes)
        } catch {
            return failure(nil, "not a JSON record: \(error)")
        }
        // A numeric id is an id (`"id": 42` → `42`); other fields must be strings.
        if let field = InputRecord.fields.first(where: { fields.others.contains($0) && !($0 == "id" && fields.numbers["id"] != nil) }) {
            return failure(nil, "not a JSON record: field '\(field)' must be a string")
        }
        var f = fields.strings
        if f["id"] == nil, let n = fields.numbers["id"] { f["id"] = n }
        let r = InputRecord(id: f["id"], url: f["url"], published: f["published"], region: f["region"], title: f["title"],
                            text: f["text"], html: f["html"], charset: f["charset"])
        let id = r.id ?? line.map { file.idBase + "-" + String($0) } ?? contentKey
        if let bad = Self.controlCharacter(in: id) {
            return failure(nil, "id contains the control character U+\(bad); ids must be printable")
        }
        var published = defaultPublished
        var dateSource = PublishedSource.fallback
        if let p = r.published {
            dateSource = .input
            guard let d = CivilDate(iso: p) else { return failure(id, "published '\(p)' is not a YYYY-MM-DD date") }
            published = d
        }
        let format: PayloadFormat
        var payload: [UInt8]
        if let h = r.html { format = .html; payload = Array(h.utf8) } else if let t = r.text { format = .text; payload = Array(t.utf8) } else {
            return failure(id, "record has neither text nor html")
        }
        if payload.count > maxDocumentBytes {
            return failure(id, "\(format == .html ? "html" : "text") of \(payload.count) bytes exceeds the limit of \(maxDocumentBytes) (--max-document-bytes)")
        }
        var doc = NewsDocument(id: id, source: file.path, format: format, payload: payload, url: r.url, published: published,
                               region: r.region ?? defaultRegion, title: r.title, declaredCharset: "UTF-8")
        doc.location = where_
        doc.origin = file == .stdin ? nil : file.origin
        doc.publishedSource = dateSource
        if fields.loneSurrogates > 0 { doc.warnings.append("W-INPUT: \(fields.loneSurrogates) lone surrogates replaced by U+FFFD") }
        // A `\u0000` escape is a character of the record, not binary data: kept as U+FFFD, counted.
        let nuls = payload.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
        if nuls > 0 {
            doc.payload = payload.flatMap { $0 == 0 ? [0xEF, 0xBF, 0xBD] : [$0] }
            doc.sha256 = SHA256.hex(doc.payload)
            doc.warnings.append("W-INPUT: \(nuls) NUL characters replaced by U+FFFD")
        }
        return .document(doc)
    }
}
