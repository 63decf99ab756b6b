/// Where a document's published date came from.
public enum PublishedSource: String, Sendable {
    /// The input record or transport named it.
    case input
    /// The page's metadata or dateline.
    case page
    /// The run's metadata file (`--metadata`) named it for this file.
    case metadata
    /// The run's `--published` default for inputs that carry none.
    case fallback = "run"
    /// Nothing gave one.
    case none
}
