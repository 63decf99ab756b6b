/// The kinds of span NewsKB recognises.
public enum MentionType: String, Sendable, Hashable, CaseIterable {
    case money, date, institution, programme, duration
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

/// A word from the segmenter, in code points.
public struct Token: Hashable, Sendable {
    public var start: Int
    public var end: Int
    /// True for words made of letters, ideographs or digits; false for punctuation and spaces.
    public var isWord: Bool
}

/// What a relation points to.
public enum RelationObject: Hashable, Sendable {
    case money(MoneyValue)
    case entity(String)
    case date(DateValue)
}

/// A fact linking an entity to an amount, a date or another entity, with its evidence span.
public struct Relation: Hashable, Sendable {
    public var type: String
    public var subject: String
    public var subjectText: String
    public var object: RelationObject
    public var evidenceStart: Int
    public var evidenceEnd: Int

    public init(type: String, subject: String, subjectText: String, object: RelationObject, evidenceStart: Int, evidenceEnd: Int) {
        self.type = type
        self.subject = subject
        self.subjectText = subjectText
        self.object = object
        self.evidenceStart = evidenceStart
        self.evidenceEnd = evidenceEnd
    }
}

/// An entity as one document sees it; the store merges these across documents.
public struct EntityInfo: Hashable, Sendable {
    public var id: String
    public var type: MentionType
    public var name: String
    public var nameHans: String?
    public var nameEn: String?
    public var aliases: [String]

    public init(id: String, type: MentionType, name: String, nameHans: String?, nameEn: String?, aliases: [String]) {
        self.id = id
        self.type = type
        self.name = name
        self.nameHans = nameHans
        self.nameEn = nameEn
        self.aliases = aliases
    }
}
