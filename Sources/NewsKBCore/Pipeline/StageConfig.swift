#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// One stage of a pipeline file: a versioned stage name, its lexicons and options.
public struct StageConfig: Codable, Sendable, Hashable {
    /// Registry name, e.g. `recognise.money.v1`.
    public var stage: String
    /// Lexicon paths, relative to the pipeline file's folder.
    public var lexicons: [String]?
    /// Stage options as strings; each stage reads and validates its own.
    public var options: [String: String]?

    /// Whether the stage lists a lexicon whose file name ends with `suffix` (for a lexicon a
    /// stage can do without).
    public func listsLexicon(endingWith suffix: String) -> Bool {
        lexicons?.contains { $0.hasSuffix(suffix) } ?? false
    }
}
