/// The words a funding statement is read by, from `funding-cues.tsv` (roles explained in
/// its header), each in its Traditional and Simplified forms, longest first.
struct FundingCues: Sendable {
    typealias Words = [[Unicode.Scalar]]
    var give: Words = [], spend: Words = [], link: Words = [], modifier: Words = [], receive: Words = []
    var approve: Words = [], lead: Words = [], to: Words = [], notFunder: Words = [], funderWord: Words = [], funderAnaphor: Words = [], and: Words = [], each: Words = [], respectively: Words = [], budget: Words = [], grant: Words = [], carry: Words = [], toward: Words = [], purpose: Words = [], purposeMarker: Words = [], not: Words = [], notAfter: Words = [], notRecipient: Words = [], recipientAnaphor: Words = [], since: Words = [], from: Words = [], parts: Words = []

    /// The `not` words as a trie: they are looked for at every position before an amount.
    var notTrie = ScalarTrie<Bool>()

    init(_ t: TSVTable) throws {
        let (r, s) = (try t.column("role"), try t.column("surface"))
        for row in t.rows {
            let words = NameKey.scriptVariants(t.cell(row, s)).map { Array($0.unicodeScalars) }
            switch t.cell(row, r) {
            case "give": give += words
            case "spend": spend += words
            case "link": link += words
            case "modifier": modifier += words
            case "receive": receive += words
            case "approve": approve += words
            case "lead": lead += words
            case "to": to += words
            case "not-funder": notFunder += words
            case "funder-word": funderWord += words
            case "funder-anaphor": funderAnaphor += words
            case "and": and += words
            case "each": each += words
            case "respectively": respectively += words
            case "budget": budget += words
            case "grant": grant += words
            case "carry": carry += words
            case "toward": toward += words
            case "purpose": purpose += words
            case "purpose-marker": purposeMarker += words
            case "not": not += words
            case "not-after": notAfter += words
            case "not-recipient": notRecipient += words
            case "recipient-anaphor": recipientAnaphor += words
            case "since": since += words
            case "from": from += words
            case "parts": parts += words
            case let other: throw NewsKBError.lexicon("\(t.path): unknown role \(other)")
            }
        }
        for k in [\FundingCues.give, \.spend, \.link, \.modifier, \.receive, \.approve, \.lead, \.to, \.notFunder, \.funderWord, \.funderAnaphor, \.and, \.each, \.respectively, \.budget, \.grant, \.carry, \.toward, \.purpose, \.purposeMarker, \.not, \.notAfter, \.notRecipient, \.recipientAnaphor, \.since, \.from, \.parts] {
            self[keyPath: k] = Array(Set(self[keyPath: k])).sorted { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1, by: { $0.value < $1.value }) }
        }
        for w in not { notTrie.insert(w, true) }
    }

    /// The longest of `words` that `s` has starting at `at` (before `limit`), as its length.
    static func match(_ words: Words, in s: [Unicode.Scalar], at: Int, limit: Int) -> Int? {
        for w in words where at + w.count <= limit && s[at..<(at + w.count)].elementsEqual(w) { return w.count }
        return nil
    }

    /// The longest of `words` that ends at `end` (not before `floor`), as its length.
    static func match(_ words: Words, in s: [Unicode.Scalar], endingAt end: Int, floor: Int) -> Int? {
        for w in words where end - w.count >= floor && s[(end - w.count)..<end].elementsEqual(w) { return w.count }
        return nil
    }

    /// Whether `g` is one of `words` exactly.
    static func isOne(of words: Words, _ g: [Unicode.Scalar]) -> Bool { words.contains { $0 == g } }

    /// Whether one of `words` occurs in `s[range]`.
    static func occurs(_ words: Words, in s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        range.contains { match(words, in: s, at: $0, limit: range.upperBound) != nil }
    }

    /// Whether a `not` word occurs in `s[range]`.
    func negated(in s: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        for i in range where notTrie.longestMatch(in: s, at: i, limit: range.upperBound) != nil { return true }
        return false
    }
}
