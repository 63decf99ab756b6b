/// One news document as it moves through the stages.
///
/// Stages read and write only this value. Offsets in every span layer are
/// Unicode code points into ``text`` (the contract's unit); ``scalars`` holds the
/// same text as an array so recognisers index it in O(1).
public struct NewsDocument: Sendable {
    // Provenance
    public var id: String
    /// The input file as the user named it (the contract's `source`).
    public var source: String
    /// Where in ``source`` the document came from (its JSONL line or WARC record).
    public var location: InputLocation
    /// The input file's canonical path (symlinks and `..` resolved), when read from a file:
    /// the knowledge base keys its ledger, collisions and pruning by it.
    public var origin: String?
    public var url: String?
    public var published: CivilDate?
    /// Where ``published`` came from: the input record, the page itself, or the run's fallback.
    public var publishedSource: PublishedSource = .input
    public var region: String?
    /// Where ``region`` came from.
    public var regionSource: RegionSource = .input
    public var title: String?
    public var author: String?

    // Payload, before the text exists
    public var format: PayloadFormat
    public var payload: [UInt8]
    /// A charset the transport declared (HTTP header, WARC), if any.
    public var declaredCharset: String?
    /// The charset the payload was decoded from (`decode.v1`).
    public var charset: String?
    /// The decoded payload (plain text or HTML source).
    public var decoded: String = ""
    /// Paragraphs found in the payload, before the clean text is laid out.
    public var paragraphs: [String] = []

    // Clean text and annotation layers
    public var text: String = "" {
        didSet {
            utf8 = Array(text.utf8)
            var offsets = [Int32]()
            offsets.reserveCapacity(utf8.count + 1)
            scalars = utf8.withUnsafeBufferPointer { Scalars.decode(utf8: $0) { offsets.append(Int32($0)) } }
            offsets.append(Int32(utf8.count))
            utf8Offsets = offsets
        }
    }
    public private(set) var scalars: [Unicode.Scalar] = []
    /// The text as UTF-8, and the UTF-8 offset of each code point (count + 1 entries), for fast slicing.
    private var utf8: [UInt8] = []
    private var utf8Offsets: [Int32] = [0]
    /// `isTokenBoundary[i]`: a word token starts or ends at code point i (count + 1 entries).
    public var isTokenBoundary: [Bool] = []
    public var language: String = "und"
    public var sentences: [Range<Int>] = []
    public var tokens: [Token] = []
    public var mentions: [Mention] = []
    public var entities: [String: EntityInfo] = [:]
    public var relations: [Relation] = []
    /// Funding facts (relate.facts.v1), one per recipient and amount.
    public var facts: [Fact] = []
    public var warnings: [String] = []
    /// Which code points ``mentions`` cover, for ``addMention(_:)``; valid while its count matches.
    private var mentionCover: [Bool] = []
    private var mentionCoverCount = -1
    /// SHA-256 of the payload bytes, hex; the content key of the document.
    public var sha256: String

    /// A document of `payload`; `sha256` is the payload's digest when the caller has it
    /// already (a file hashed as it was read), computed otherwise.
    public init(id: String, source: String, format: PayloadFormat, payload: [UInt8],
                url: String? = nil, published: CivilDate? = nil, region: String? = nil,
                title: String? = nil, declaredCharset: String? = nil, sha256: String? = nil) {
        self.id = id
        self.source = source
        self.location = InputLocation(file: source)
        self.format = format
        self.payload = payload
        self.url = url
        self.published = published
        self.region = region
        self.title = title
        self.declaredCharset = declaredCharset
        self.sha256 = sha256 ?? SHA256.hex(payload)
    }

    /// The clean text of a code-point range.
    public func slice(_ start: Int, _ end: Int) -> String {
        let a = Int(utf8Offsets[max(0, min(start, scalars.count))]), b = Int(utf8Offsets[max(0, min(end, scalars.count))])
        return a < b ? String(decoding: utf8[a..<b], as: UTF8.self) : ""
    }

    /// Calls `body` with the UTF-8 bytes of a code-point range of the clean text.
    public func withUTF8<R>(_ start: Int, _ end: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let a = Int(utf8Offsets[max(0, min(start, scalars.count))]), b = Int(utf8Offsets[max(0, min(end, scalars.count))])
        return try utf8.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[a..<max(a, b)])) }
    }

    /// The text of a mention.
    public func text(of m: Mention) -> String { slice(m.start, m.end) }

    /// Dates the text gives that have no value: relative ones (今年, 上月) in a document with
    /// no published date to resolve them against.
    public var unresolvedDates: Int {
        mentions.reduce(0) { n, m in
            if m.type == .date, case .none = m.value { return n + 1 }
            return n
        }
    }

    /// Index of the sentence that holds code point `offset`.
    public func sentenceIndex(at offset: Int) -> Int {
        var lo = 0, hi = sentences.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if sentences[mid].upperBound <= offset { lo = mid + 1 } else if sentences[mid].lowerBound > offset { hi = mid - 1 } else { return mid }
        }
        return max(0, min(lo, sentences.count - 1))
    }

    /// The clean text's lines that hold text (the headline and each paragraph), as
    /// code-point ranges: the layout ``text`` has (headline, blank line, paragraphs).
    public var paragraphRanges: [Range<Int>] {
        let s = scalars
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < s.count {
            if s[i] == "\n" {
                if i > start { out.append(start..<i) }
                start = i + 1
            }
            i += 1
        }
        if start < s.count { out.append(start..<s.count) }
        return out
    }

    /// Adds a mention unless it overlaps one already there; returns whether it was added.
    /// Linear in the mention's length, not in the mentions already there: the code points
    /// mentions cover are kept in a bitmap (rebuilt if ``mentions`` was changed directly).
    @discardableResult
    public mutating func addMention(_ m: Mention) -> Bool {
        if mentionCoverCount != mentions.count || mentionCover.count != scalars.count + 1 {
            mentionCover = [Bool](repeating: false, count: scalars.count + 1)
            for old in mentions { mentionCover.cover(old.start, old.end) }
        }
        if mentionCover.anyCovered(m.start, m.end) { return false }
        mentions.append(m)
        mentionCover.cover(m.start, m.end)
        mentionCoverCount = mentions.count
        return true
    }
}
