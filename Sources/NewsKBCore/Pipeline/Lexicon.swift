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

/// Lexicons and compiled lexicon objects, loaded once per pipeline and shared by its stages.
public final class LexiconCache: @unchecked Sendable {
    public let pipeline: PipelineDefinition
    private var objects: [String: Any] = [:]
    private let lock = Mutex()

    public init(pipeline: PipelineDefinition) {
        self.pipeline = pipeline
    }

    /// The object built from `key` by `make`, built on first use.
    public func shared<T>(_ key: String, _ make: () throws -> T) rethrows -> T {
        try lock.withLock {
            if let o = objects[key] as? T { return o }
            let o = try make()
            objects[key] = o
            return o
        }
    }

    /// The lexicon of `config` whose file name ends with `suffix`, as a path.
    public func path(_ config: StageConfig, endingWith suffix: String) throws -> String {
        guard let rel = config.lexicons?.first(where: { $0.hasSuffix(suffix) }) else {
            throw NewsKBError.pipeline("stage \(config.stage) needs a lexicon ending in \(suffix)")
        }
        return pipeline.lexiconPath(rel)
    }

    public func table(_ config: StageConfig, endingWith suffix: String) throws -> TSVTable {
        let p = try path(config, endingWith: suffix)
        return try shared("tsv:" + p) { try TSVTable(path: p) }
    }
}

extension StageConfig {
    /// A decimal option, or `fallback` when the pipeline file does not set it.
    public func doubleOption(_ key: String, default fallback: Double) throws -> Double {
        guard let s = options?[key] else { return fallback }
        guard let v = Double(s), v.isFinite else { throw NewsKBError.pipeline("stage \(stage): option \(key) must be a number, not '\(s)'") }
        return v
    }

    /// An integer option, or `fallback` when the pipeline file does not set it.
    public func intOption(_ key: String, default fallback: Int) throws -> Int {
        guard let s = options?[key] else { return fallback }
        guard let v = Int(s) else { throw NewsKBError.pipeline("stage \(stage): option \(key) must be a whole number, not '\(s)'") }
        return v
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
