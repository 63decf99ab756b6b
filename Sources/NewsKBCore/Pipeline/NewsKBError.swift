/// Errors of the extraction library, each with a stable code (``ErrorCode``).
public enum NewsKBError: Error, CustomStringConvertible, Sendable {
    case pipeline(String)
    case lexicon(String)
    case input(String)
    case decode(String)
    case html(String)
    case warc(String)

    public var code: ErrorCode {
        switch self {
        case .pipeline: return .pipeline
        case .lexicon: return .lexicon
        case .input: return .input
        case .decode: return .decode
        case .html: return .html
        case .warc: return .warc
        }
    }

    /// The message without its code.
    public var message: String {
        switch self {
        case .pipeline(let m), .lexicon(let m), .input(let m), .decode(let m), .html(let m), .warc(let m): return m
        }
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
