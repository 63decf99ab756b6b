/// Errors of the extraction library, each with a stable code at the head of its message.
public enum NewsKBError: Error, CustomStringConvertible, Sendable {
    case pipeline(String)
    case lexicon(String)
    case input(String)
    case decode(String)
    case html(String)
    case stage(stage: String, document: String, message: String)

    public var code: String {
        switch self {
        case .pipeline: return "E-PIPELINE"
        case .lexicon: return "E-LEXICON"
        case .input: return "E-INPUT"
        case .decode: return "E-DECODE"
        case .html: return "E-HTML"
        case .stage: return "E-STAGE"
        }
    }

    public var description: String {
        switch self {
        case .pipeline(let m), .lexicon(let m), .input(let m), .decode(let m), .html(let m):
            return "\(code): \(m)"
        case .stage(let stage, let doc, let m):
            return "\(code): \(stage) failed on \(doc): \(m)"
        }
    }
}
