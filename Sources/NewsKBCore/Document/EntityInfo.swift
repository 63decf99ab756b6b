/// An entity as one document sees it; ``merged(with:)`` is how the store and `extract`
/// combine what several documents saw.
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

    /// The entity as two sightings of it together: every name kept as an alias, and a
    /// rule-made entity (id with `~`) named by the smaller name in UTF-8 order, so the name
    /// does not depend on which document, worker or part came first. A lexicon entity keeps
    /// the lexicon's names.
    public func merged(with other: EntityInfo) -> EntityInfo {
        var out = self
        var all = Set(aliases + [name])
        all.formUnion(other.aliases + [other.name])
        if EntityResolver.isRuleEntityID(id) {
            out.name = Self.smaller(name, other.name)
            if let a = nameHans, let b = other.nameHans { out.nameHans = Self.smaller(a, b) } else { out.nameHans = nameHans ?? other.nameHans }
        }
        out.aliases = all.subtracting([out.name]).sorted()
        return out
    }

    /// The smaller of two names in UTF-8 byte order (what SQLite's `min` gives on text).
    public static func smaller(_ a: String, _ b: String) -> String {
        Array(b.utf8).lexicographicallyPrecedes(Array(a.utf8)) ? b : a
    }
}
