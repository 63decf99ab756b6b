/// The kinds of span NewsKB recognises.
public enum MentionType: String, Sendable, Hashable, CaseIterable {
    case money, date, institution, programme
}

/// The normalised meaning of a mention.
public enum MentionValue: Hashable, Sendable {
    case money(MoneyValue)
    case date(DateValue)
    case name(NameValue)
    case none
}

/// A typed span of a document's clean text. Offsets are Unicode code points, end exclusive.
public struct Mention: Hashable, Sendable {
    public var type: MentionType
    public var start: Int
    public var end: Int
    public var value: MentionValue
    /// Index of the sentence holding `start`.
    public var sentence: Int = 0
    /// The entity the mention resolves to (institutions and programmes).
    public var entityID: String?

    public init(type: MentionType, start: Int, end: Int, value: MentionValue) {
        self.type = type
        self.start = start
        self.end = end
        self.value = value
    }

    public var range: Range<Int> { start..<end }

    public func overlaps(_ other: Mention) -> Bool { start < other.end && other.start < end }
}
