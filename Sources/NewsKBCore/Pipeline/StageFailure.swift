/// A stage's failure on a document, with the stage's name.
public struct StageFailure: Error, Sendable, CustomStringConvertible {
    public var stage: String
    public var code: ErrorCode
    public var message: String

    public var description: String { "\(code.rawValue): \(stage): \(message)" }
}
