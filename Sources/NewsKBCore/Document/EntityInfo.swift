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
