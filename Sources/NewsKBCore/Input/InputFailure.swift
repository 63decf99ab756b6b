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
