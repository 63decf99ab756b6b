/// Where a fact's date came from (the record's `date_source`).
public enum FactDateSource: String, Sendable, Hashable {
    /// A date in the text states when the amount was announced, approved or granted
    /// (or the year heading of the list the statement stands in).
    case text
    /// The document's published date: the text gives none for the allocation itself.
    case published
}

/// A span of the clean text, in code points, end exclusive.
public struct TextSpan: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    public init(_ m: Mention) { self.init(m.start, m.end) }

    public static func < (a: TextSpan, b: TextSpan) -> Bool { (a.start, a.end) < (b.start, b.end) }
}

/// A funding fact: which programme or body got how much, from whom, when, according to
/// which sentence (CONTRACT.md, section fact). One per (recipient, amount) per document;
/// its restatements in the document are merged into it.
public struct Fact: Hashable, Sendable {
    /// The entity that receives or spends the money, and its surface.
    public var recipient: String
    public var recipientText: String
    /// The body that gives or announces it, and its surface; nil when no statement names one.
    public var funder: String?
    public var funderText: String?
    public var amount: MoneyValue
    public var date: DateValue?
    public var dateSource: FactDateSource?
    /// A short span of the text saying what the money is for (`用作…`, `以…`, `推動…`).
    public var purpose: String?
    /// The span that states the fact, and the whole sentence around it.
    public var evidence: TextSpan
    public var sentence: TextSpan
    /// The money, recipient, funder and date mentions the fact uses.
    public var mentions: [TextSpan]
    /// The amount of the same recipient's fact this one is part of (a first tranche of a
    /// total the sentence also gives), or nil.
    public var partOf: MoneyValue? = nil

    public init(recipient: String, recipientText: String, funder: String?, funderText: String?, amount: MoneyValue,
                date: DateValue?, dateSource: FactDateSource?, purpose: String?, evidence: TextSpan, sentence: TextSpan,
                mentions: [TextSpan]) {
        self.recipient = recipient
        self.recipientText = recipientText
        self.funder = funder
        self.funderText = funderText
        self.amount = amount
        self.date = date
        self.dateSource = dateSource
        self.purpose = purpose
        self.evidence = evidence
        self.sentence = sentence
        self.mentions = mentions
    }

    /// The content key a fact is merged on within a document: recipient and amount.
    public var key: String { Fact.key(recipient: recipient, amount: amount) }

    static func key(recipient: String, amount: MoneyValue) -> String {
        "\(recipient)|\(amount.currency)|\(amount.min.map { "\($0)" } ?? "")|\(amount.max.map { "\($0)" } ?? "")"
    }

    /// `fact:` and the first 16 hex digits of SHA-256 over `doc_id|type|recipient|currency|min|max`
    /// (null as empty): from content only, so a restatement or a re-run gets the same id.
    public func id(docID: String) -> String { Self.id(docID: docID, recipient: recipient, amount: amount) }

    /// The id of the fact this one is part of, if it is.
    public func partOfID(docID: String) -> String? { partOf.map { Self.id(docID: docID, recipient: recipient, amount: $0) } }

    static func id(docID: String, recipient: String, amount: MoneyValue) -> String {
        let min = amount.min.map { JSONValue.format($0) } ?? "", max = amount.max.map { JSONValue.format($0) } ?? ""
        let digest = SHA256.hex(Array("\(docID)|funding|\(recipient)|\(amount.currency)|\(min)|\(max)".utf8))
        return "fact:" + digest.prefix(16)
    }
}
