/// Suffix rules and stop words for institution and programme names the lexicon lacks.
struct NameRules: Sendable {
    struct Suffix: Sendable {
        let type: MentionType
        let minHead: Int
    }

    /// Suffixes, reversed, so the longest suffix ending at an offset is found.
    let suffixes: ScalarTrie<Suffix>
    /// Folded stop words that end a name on the left.
    let stopWords: Set<String>
    /// The stop words as a trie, to find them inside a head however it was segmented.
    let stopTrie: ScalarTrie<Bool>
    /// Folded words too general to make a name head on their own.
    let genericWords: Set<String>
    let maxLength: Int
    /// All stop words and all generic words as tries, to test a token's scalars without making strings.
    let stopExact: ScalarTrie<Bool>
    let genericExact: ScalarTrie<Bool>

    /// Whether s[a..<b] is exactly a stop word.
    @inline(__always)
    func isStop(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool { stopExact.longestMatch(in: s, at: a, limit: b)?.end == b }

    /// Whether s[a..<b] is exactly a general word (研發, 本地).
    @inline(__always)
    func isGeneric(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool { genericExact.longestMatch(in: s, at: a, limit: b)?.end == b }

    /// Words after a suffix that make it a modifier (銀行同業拆息).
    let notBefore: ScalarTrie<Bool>
    /// Characters that never sit at the edge of a name token (她的, 並成立).
    static let functionChars = ScalarSet("的之了在於于為为並并與与及和或把將将被由從从向對对".unicodeScalars)

    init(rules: TSVTable, stopWords: [String], genericWords: [String], notBefore: [String], folder: NameFolder, maxLength: Int) throws {
        let (t, s, m) = (try rules.column("type"), try rules.column("suffix"), try rules.column("min_head"))
        let f = folder
        var trie = ScalarTrie<Suffix>(fold: { f.fold($0) })
        for row in rules.rows {
            guard let type = MentionType(rawValue: rules.cell(row, t)) else { throw NewsKBError.lexicon("\(rules.path): unknown type \(rules.cell(row, t))") }
            for v in NameKey.scriptVariants(rules.cell(row, s)) {
                trie.insert(v.unicodeScalars.reversed(), Suffix(type: type, minHead: Int(rules.cell(row, m)) ?? 2))
            }
        }
        suffixes = trie
        var stops = Set<String>()
        for w in stopWords { for v in NameKey.scriptVariants(w) { stops.insert(folder.folded(v)) } }
        self.stopWords = stops
        var st = ScalarTrie<Bool>(fold: { f.fold($0) })
        for w in stops where w.unicodeScalars.count >= 2 { st.insert(w.unicodeScalars, true) }
        stopTrie = st
        var generic = Set<String>()
        for w in genericWords { for v in NameKey.scriptVariants(w) { generic.insert(folder.folded(v)) } }
        self.genericWords = generic
        var se = ScalarTrie<Bool>(fold: { f.fold($0) }), ge = ScalarTrie<Bool>(fold: { f.fold($0) })
        for w in stops { se.insert(w.unicodeScalars, true) }
        for w in generic { ge.insert(w.unicodeScalars, true) }
        stopExact = se
        genericExact = ge
        var nb = ScalarTrie<Bool>(fold: { f.fold($0) })
        for w in notBefore { for v in NameKey.scriptVariants(w) { nb.insert(v.unicodeScalars, true) } }
        self.notBefore = nb
        self.maxLength = maxLength
    }
}
