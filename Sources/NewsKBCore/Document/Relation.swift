/// What a relation points to.
public enum RelationObject: Hashable, Sendable {
    case money(MoneyValue)
    case entity(String)
    case date(DateValue)
}

/// The kinds of relation (the record's `type`).
public enum RelationType: String, Sendable, Hashable, CaseIterable {
    /// A programme or body and an amount the text allocates to it.
    case funding
    /// A body or programme and the larger one it belongs to.
    case partOf = "part_of"
    /// A body and the body it became.
    case renamedTo = "renamed_to"
    /// A programme or body and the date it was announced or launched.
    case announcedOn = "announced_on"
}

/// A fact linking an entity to an amount, a date or another entity, with its evidence span.
public struct Relation: Hashable, Sendable {
    public var type: RelationType
    public var subject: String
    public var subjectText: String
    public var object: RelationObject
    public var evidenceStart: Int
    public var evidenceEnd: Int

    public init(type: RelationType, subject: String, subjectText: String, object: RelationObject, evidenceStart: Int, evidenceEnd: Int) {
        self.type = type
        self.subject = subject
        self.subjectText = subjectText
        self.object = object
        self.evidenceStart = evidenceStart
        self.evidenceEnd = evidenceEnd
    }
}
