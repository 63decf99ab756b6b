/// Reads WARC files (ISO 28500; plain or gzipped): each `response` or `resource` record
/// holding HTML or text becomes a document with its record id, target URI and the charset
/// of its HTTP Content-Type. A record whose Content-Length is wrong gets an error and the
/// reader resynchronises at the next record.
public struct WARCReader {
    let lines: LineReader
    let file: InputFile
    let limits: InputLimits
    var maxRecordBytes: Int { limits.maxDocumentBytes }

    public init(_ stream: ByteStream, file: InputFile, limits: InputLimits = InputLimits()) {
        lines = LineReader(stream, maxLineBytes: limits.maxWARCHeaderBytes)
        self.file = file
        self.limits = limits
    }

    func failure(_ at: InputLocation, _ id: String?, _ message: String) -> InputItem {
        .failure(InputFailure(at, docID: id, code: .warc, message))
    }

    /// Calls `emit` for every document or failure, in file order.
    public func read(defaultPublished: CivilDate?, emit: (InputItem) throws -> Void) throws {
        var index = 0
        var synced = true
        while let line = try lines.next() {
            guard case .line(let raw) = line else { continue }
            let text = String(decoding: raw, as: UTF8.self)
            if text.isEmpty { continue }
            guard text.hasPrefix("WARC/") else {
                if synced { try emit(failure(InputLocation(file: file.path, record: index + 1), nil, "expected a record header, found '\(text.prefix(40))'; skipping to the next record")) }
                synced = false
                continue
            }
            synced = true
            index += 1
            var headers: [String: String] = [:]
            var headerLines = 0, headerBytes = 0
            var oversized = false
            while let h = try lines.next() {
                guard case .line(let hb) = h else { oversized = true; continue }
                if hb.isEmpty { break }
                headerLines += 1
                headerBytes += hb.count
                if headerLines > limits.maxWARCHeaderLines || headerBytes > limits.maxWARCHeaderBytes { oversized = true; continue }
                if let (name, value) = Self.header(String(decoding: hb, as: UTF8.self)[...]) { headers[name] = value }
            }
            let where_ = InputLocation(file: file.path, record: index)
            var id = headers["warc-record-id"].map(Self.recordID) ?? "\(file.idBase)-\(index)"
            if InputReader.controlCharacter(in: id) != nil { id = "\(file.idBase)-\(index)" }
            if oversized {
                try emit(failure(where_, id, "record header over the limit of \(limits.maxWARCHeaderLines) lines or \(limits.maxWARCHeaderBytes) bytes (--max-warc-header-bytes); skipping to the next record"))
                synced = false
                continue
            }
            guard let length = headers["content-length"].flatMap({ Int($0) }), length >= 0 else {
                try emit(failure(where_, id, "record has no valid Content-Length"))
                synced = false
                continue
            }
            if length > maxRecordBytes {
                _ = try lines.skip(length)   // read past, never held: real crawls hold multi-GB records
                try emit(failure(where_, id, "record of \(length) bytes exceeds the limit of \(maxRecordBytes) (--max-document-bytes)"))
                continue
            }
            var block = try lines.bytes(length)
            if block.count < length {
                try emit(failure(where_, id, "record truncated: Content-Length \(length), only \(block.count) bytes left"))
                return
            }
            // The block must be followed by CRLF CRLF; otherwise the length was wrong.
            let trailer = try lines.bytes(4)
            if trailer != [0x0D, 0x0A, 0x0D, 0x0A] {
                // Too long: the next record starts inside the block. Give it back.
                if let next = Self.find(Array("\r\n\r\nWARC/".utf8), in: block) {
                    lines.unread(Array(block[(next + 4)...]) + trailer)
                    block = Array(block[..<next])
                } else {
                    lines.unread(trailer)
                }
                try emit(failure(where_, id, "record has a wrong Content-Length (\(length))"))
                synced = false
                continue
            }
            let type = headers["warc-type"]?.lowercased() ?? ""
            guard type == "response" || type == "resource" else { continue }
            try emit(document(block, headers: headers, id: id, where: where_, published: defaultPublished))
        }
    }

    func document(_ block: [UInt8], headers: [String: String], id: String, where location: InputLocation, published: CivilDate?) -> InputItem {
        var contentType = headers["content-type"]?.lowercased() ?? ""
        var body = block
        if contentType.hasPrefix("application/http") {
            guard let split = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: block) else {
                return failure(location, id, "HTTP response without a header end")
            }
            let head = String(decoding: block[..<split], as: UTF8.self).split(separator: "\r\n")
            body = Array(block[(split + 4)...])
            var http: [String: String] = [:]
            for l in head.dropFirst() {
                if let (name, value) = Self.header(l) { http[name] = value }
            }
            contentType = http["content-type"]?.lowercased() ?? ""
            if http["transfer-encoding"]?.lowercased().contains("chunked") == true { body = Self.dechunk(body) }
            if let enc = http["content-encoding"]?.lowercased(), enc.contains("gzip") {
                do {
                    let g = try GzipByteStream(MemoryByteStream(body))
                    var out: [UInt8] = []
                    while true {
                        let c = try g.read(max: 1 << 16)
                        if c.isEmpty { break }
                        out += c
                        if out.count > limits.maxDecompressedBytes {
                            return failure(location, id, "gzip-encoded body inflates past the limit of \(limits.maxDecompressedBytes) bytes (--max-decompressed-bytes)")
                        }
                    }
                    body = out
                } catch {
                    return failure(location, id, "\(error)")
                }
            }
            if let status = head.first, !status.contains(" 200") {
                return failure(location, id, "HTTP status '\(status)' is not a page")
            }
        }
        let isHTML = contentType.contains("html") || contentType.isEmpty
        guard isHTML || contentType.hasPrefix("text/") else {
            return failure(location, id, "content type '\(contentType)' is not text")
        }
        var charset: String? = nil
        if let r = contentType.firstRange(of: "charset=") {
            charset = String(contentType[r.upperBound...].prefix { $0 != ";" && $0 != " " }).trimmingCharacters(in: "\"'")
        }
        var doc = NewsDocument(id: id, source: file.path, format: isHTML ? .html : .text, payload: body, url: headers["warc-target-uri"],
                               published: published, declaredCharset: charset)
        doc.location = location
        doc.origin = file.origin
        doc.publishedSource = .fallback
        return .document(doc)
    }

    /// A `Name: value` header line (WARC's or HTTP's, which share the form): the name
    /// lowercased, the value without surrounding spaces and tabs.
    static func header(_ line: Substring) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: " \t"))
    }

    /// `<urn:uuid:…>` → the uuid.
    static func recordID(_ raw: String) -> String {
        var s = raw.trimmingCharacters(in: "<> ")
        for p in ["urn:uuid:", "urn:"] where s.hasPrefix(p) { s.removeFirst(p.count) }
        return s
    }

    static func find(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        guard needle.count <= hay.count else { return nil }
        var i = 0
        while i + needle.count <= hay.count {
            if hay[i] == needle[0], Array(hay[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    static func dechunk(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            guard let lineEnd = b[i...].indices.first(where: { $0 + 1 < b.count && b[$0] == 0x0D && b[$0 + 1] == 0x0A }) else { break }
            let sizeText = String(decoding: b[i..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: " "), radix: 16), size > 0 else { break }
            let start = lineEnd + 2
            out += b[start..<min(b.count, start + size)]
            i = start + size + 2
        }
        return out
    }
}
