/// What an archive's files do not say about themselves, from a file beside it (`--metadata`):
/// each row names a file by `path` (relative to the metadata file's folder, or absolute) or a
/// document by `id`, with any of `published`, `region`, `url` and `title`. CSV with a header
/// row, or JSONL (one object a line). What a row gives wins over the run's `--published` and
/// `--region` and over what the page says; `region_source`/`published_source` say `metadata`.
public struct InputMetadata: Sendable {
    public struct Entry: Sendable, Equatable {
        public var published: CivilDate?
        public var region: String?
        public var url: String?
        public var title: String?
    }

    var byPath: [String: Entry] = [:]
    var byID: [String: Entry] = [:]
    /// The file's SHA-256: files processed under other metadata are processed again.
    public private(set) var digest = ""
    public var count: Int { byPath.count + byID.count }

    public init() {}

    /// Reads a metadata file; a row that names no file, or a date that is not `YYYY-MM-DD`,
    /// is an error naming its line.
    public static func load(_ path: String) throws -> InputMetadata {
        guard let bytes = FileIO.readAll(path) else { throw NewsKBError.input("cannot read the metadata file \(path): \(FileIO.lastError())") }
        var m = InputMetadata()
        m.digest = digest(of: bytes)
        let dir = FileIO.directory(of: path)
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        let jsonl = lines.first { !$0.trimmingSpaces.isEmpty }?.trimmingSpaces.hasPrefix("{") ?? false
        var header: [String] = []
        for (n, line) in lines.enumerated() where !line.trimmingSpaces.isEmpty {
            var fields: [String: String] = [:]
            if jsonl {
                do { fields = try JSONRecordParser.parse(Array(line.utf8)).strings } catch {
                    throw NewsKBError.input("\(path):\(n + 1): not a JSON object: \(error)")
                }
            } else {
                let cells = Self.csvCells(line)
                if header.isEmpty { header = cells.map { $0.trimmingSpaces.lowercased() }; continue }
                for (i, c) in cells.enumerated() where i < header.count && !c.isEmpty { fields[header[i]] = c }
            }
            var e = Entry(region: fields["region"]?.uppercased(), url: fields["url"], title: fields["title"])
            if let p = fields["published"] {
                guard let d = CivilDate(iso: p) else { throw NewsKBError.input("\(path):\(n + 1): published '\(p)' is not a YYYY-MM-DD date") }
                e.published = d
            }
            if let p = fields["path"] {
                let full = p.hasPrefix("/") ? p : dir + "/" + p
                m.byPath[FileIO.canonical(full) ?? full] = e
            } else if let id = fields["id"] {
                m.byID[id] = e
            } else {
                throw NewsKBError.input("\(path):\(n + 1): a row names neither a path nor an id")
            }
        }
        if !jsonl && header.isEmpty { throw NewsKBError.input("\(path): no header row (path,published,region,url,title)") }
        return m
    }

    /// The digest the ledger keeps for a metadata file, without reading its rows.
    public static func digest(ofFile path: String) -> String? { FileIO.readAll(path).map(digest(of:)) }

    static func digest(of bytes: [UInt8]) -> String { SHA256.hex(bytes) }

    /// The row for a file (by its canonical path, else by its document id).
    public func entry(for file: InputFile) -> Entry? {
        byPath[file.origin] ?? byID[file.idBase]
    }

    /// The cells of one CSV line (RFC 4180 quotes; a quote doubled inside quotes is one).
    static func csvCells(_ line: String) -> [String] {
        var cells: [String] = [], cell = "", quoted = false
        var chars = Array(line)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { cell.append("\""); chars.removeFirst() } else { quoted = false }
                } else { cell.append(c) }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                cells.append(cell)
                cell = ""
            } else {
                cell.append(c)
            }
        }
        cells.append(cell)
        return cells
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
