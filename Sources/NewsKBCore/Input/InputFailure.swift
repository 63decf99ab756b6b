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

/// The stable codes of error and warning records. Each is documented in the README.
public enum ErrorCode: String, Sendable, CaseIterable {
    /// A path given on the command line or a manifest that does not exist or cannot be read.
    case notFound = "E-NOTFOUND"
    /// An input that cannot be read as a record: bad JSON, a missing field, over a size limit, a broken gzip.
    case input = "E-INPUT"
    /// A WARC record that is malformed, too large, truncated or not a page.
    case warc = "E-WARC"
    /// Bytes that no charset fits, or binary data.
    case decode = "E-DECODE"
    /// HTML with no readable content.
    case html = "E-HTML"
    /// A stage failed for another reason.
    case stage = "E-STAGE"
    /// A pipeline file or lexicon that cannot be used.
    case pipeline = "E-PIPELINE"
    case lexicon = "E-LEXICON"
    /// Two inputs claim one document id; the later one is not stored.
    case collision = "E-COLLISION"
    /// The knowledge base could not store a document.
    case store = "E-STORE"
}

/// An input that could not be processed: where it was, which document it would have been,
/// the stage that refused it (`read` for the reader), a stable code and a message.
public struct InputFailure: Error, Sendable, CustomStringConvertible {
    public var location: InputLocation
    public var docID: String?
    public var stage: String
    public var code: ErrorCode
    public var message: String

    public init(_ location: InputLocation, docID: String?, stage: String = "read", code: ErrorCode, _ message: String) {
        self.location = location
        self.docID = docID
        self.stage = stage
        self.code = code
        self.message = message
    }

    /// A library error raised while reading or in a stage.
    public init(_ location: InputLocation, docID: String?, stage: String, error: NewsKBError) {
        self.init(location, docID: docID, stage: stage, code: error.code, error.message)
    }

    /// The record's `error` text: the code, then the message.
    public var description: String { "\(code.rawValue): \(message)" }
}
