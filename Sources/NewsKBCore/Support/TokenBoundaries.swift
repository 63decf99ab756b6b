/// Word-token boundaries of a document, looked up by code-point offset.
public struct TokenBoundaries: Sendable {
    let flags: [Bool]
    public init(flags: [Bool]) { self.flags = flags }
    @inline(__always)
    public func contains(_ i: Int) -> Bool { i >= 0 && i < flags.count && flags[i] }
}
