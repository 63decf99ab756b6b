#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What a recogniser knows about a name: a lexicon entry or a rule-made key.
public struct NameValue: Hashable, Sendable {
    /// The lexicon entry id when the name came from (or resolved to) the lexicon.
    public var lexiconID: String?
    /// The name as written, without quote marks.
    public var name: String
    /// How the name was found.
    public var method: NameMethod

    public init(lexiconID: String?, name: String, method: NameMethod) {
        self.lexiconID = lexiconID
        self.name = name
        self.method = method
    }
}

/// How a name was found (the record's `method`).
public enum NameMethod: String, Sendable, Hashable {
    /// An entry (name or alias) of the institution or programme lexicon.
    case lexicon
    /// A suffix rule over the words (…局, …計劃) for a name no lexicon lists.
    case rule
}
