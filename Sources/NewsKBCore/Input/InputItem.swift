#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One unit of work from the inputs: a document to run, a JSONL record still to parse,
/// or an input that failed to read.
public enum InputItem: Sendable {
    case document(NewsDocument)
    /// A JSONL line, parsed by whichever thread runs it (reading stays cheap on the reading thread).
    case record(JSONLine)
    case failure(InputFailure)

    /// The item with a JSONL line parsed into a document or a failure.
    public var parsed: InputItem {
        if case .record(let line) = self { return line.parse() }
        return self
    }
}

/// One line of a JSONL input, as read.
public struct JSONLine: Sendable {
    public let bytes: [UInt8]
    public let file: InputFile
    /// The line number in its file; nil on a stream.
    public let line: Int?
    let reader: InputReader

    /// The document the line describes, or an error record for it.
    public func parse() -> InputItem { reader.record(bytes, file: file, line: line) }
}
