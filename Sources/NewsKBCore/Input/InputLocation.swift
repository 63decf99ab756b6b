/// Where an input came from: a file, and within it a JSONL line or a WARC record.
///
/// Carried from the reader through the pipeline to the error record and row, so no stage
/// or command ever parses a `path:line` string back.
public struct InputLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it (or `stdin`).
    public var file: String
    /// The 1-based line of a JSONL file.
    public var line: Int?
    /// The 1-based record of a WARC file.
    public var record: Int?
    /// A stream record's content key (`sha-…`) where a stream has no line numbers.
    public var key: String?

    public init(file: String, line: Int? = nil, record: Int? = nil, key: String? = nil) {
        self.file = file
        self.line = line
        self.record = record
        self.key = key
    }

    /// `file`, `file:line`, `file#record` or `file:sha-…`: the error record's `source`.
    public var description: String {
        if let line { return "\(file):\(line)" }
        if let record { return "\(file)#\(record)" }
        if let key { return "\(file):\(key)" }
        return file
    }
}
