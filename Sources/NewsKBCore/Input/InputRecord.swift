#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A JSONL input record (`id`, `url`, `published`, `region`, `title`, `text` or `html`).
public struct InputRecord: Sendable {
    public var id: String?
    public var url: String?
    public var published: String?
    public var region: String?
    public var title: String?
    public var text: String?
    public var html: String?
    public var charset: String?

    /// The fields a record may carry, all strings.
    static let fields = ["id", "url", "published", "region", "title", "text", "html", "charset"]
}
