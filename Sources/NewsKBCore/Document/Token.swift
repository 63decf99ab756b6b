/// A word from the segmenter, in code points.
public struct Token: Hashable, Sendable {
    public var start: Int
    public var end: Int
    /// True for words made of letters, ideographs or digits; false for punctuation and spaces.
    public var isWord: Bool
}
