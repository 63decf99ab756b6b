/// The stable codes of error and warning records. Each is documented in the README.
public enum ErrorCode: String, Sendable, CaseIterable {
    /// A path given on the command line or a manifest that does not exist or cannot be read.
    case notFound = "E-NOTFOUND"
    /// An input that cannot be read as a record: bad JSON, a missing field, over a size limit, a broken gzip.
    case input = "E-INPUT"
    /// A WARC record that is malformed, too large, truncated or not a page.
    case warc = "E-WARC"
    /// Bytes that no charset fits, or binary data.
    case decode = "E-DECODE"
    /// HTML with no readable content.
    case html = "E-HTML"
    /// A stage failed for another reason.
    case stage = "E-STAGE"
    /// A pipeline file or lexicon that cannot be used.
    case pipeline = "E-PIPELINE"
    case lexicon = "E-LEXICON"
    /// Two inputs claim one document id; the later one is not stored.
    case collision = "E-COLLISION"
    /// The knowledge base could not store a document.
    case store = "E-STORE"
}
