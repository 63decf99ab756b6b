/// The format of an input's payload before decoding.
public enum PayloadFormat: String, Sendable {
    case text, html
}
