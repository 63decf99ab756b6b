/// Every bound on what one input may cost, with its default, in one place. Each exceeded
/// bound is an error record that names the limit (and the option that sets it); nothing
/// past a bound is held in memory.
public struct InputLimits: Sendable, Equatable {
    /// A plain-text or HTML file, a JSONL record's `text` or `html`, a WARC record (`--max-document-bytes`).
    public var maxDocumentBytes = 16 << 20
    /// A JSONL line, in a file or on stdin (`--max-line-bytes`).
    public var maxLineBytes = 64 << 20
    /// The header of one WARC record: lines and bytes (`--max-warc-header-bytes`).
    public var maxWARCHeaderLines = 1000
    public var maxWARCHeaderBytes = 1 << 20
    /// A gzip- or deflate-encoded HTTP body inside a WARC record, once inflated (`--max-decompressed-bytes`).
    public var maxDecompressedBytes = 16 << 20
    /// Mentions found in one document (`--max-mentions`).
    public var maxMentions = 250_000
    /// Error records kept for one input file; past it one record says how many more there were (`--max-errors-per-file`).
    public var maxErrorsPerFile = 1000

    public init() {}
}
