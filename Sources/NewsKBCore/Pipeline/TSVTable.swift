#if canImport(Glibc)
import Glibc
#endif

/// A tab-separated lexicon file: `#` lines are comments, the first other line is the header.
public struct TSVTable: Sendable {
    public let path: String
    public let header: [String]
    public let rows: [[String]]

    public init(path: String) throws {
        guard let bytes = FileIO.readAll(path) else { throw NewsKBError.lexicon("cannot read \(path)") }
        self.path = path
        var header: [String]? = nil
        var rows: [[String]] = []
        for raw in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.hasPrefix("#") || line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0) }
            if header == nil { header = cells } else { rows.append(cells) }
        }
        self.header = header ?? []
        self.rows = rows
    }

    /// Lines of a one-column list file (no header), comments and blanks skipped.
    public static func lines(path: String) throws -> [String] {
        guard let bytes = FileIO.readAll(path) else { throw NewsKBError.lexicon("cannot read \(path)") }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { l in
            let t = l.trimmingCharacters(in: " \t\r")
            return t.isEmpty || t.hasPrefix("#") ? nil : t
        }
    }

    /// The index of a named column; throws when the file lacks it.
    public func column(_ name: String) throws -> Int {
        guard let i = header.firstIndex(of: name) else { throw NewsKBError.lexicon("\(path) has no column '\(name)'") }
        return i
    }

    /// The cell of `row` at `column`, empty when the row is short.
    public func cell(_ row: [String], _ column: Int) -> String { column < row.count ? row[column] : "" }
}
