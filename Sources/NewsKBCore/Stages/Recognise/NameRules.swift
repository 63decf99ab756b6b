/// Suffix rules and stop words for institution and programme names the lexicon lacks.
struct NameRules: Sendable {
    struct Suffix: Sendable {
        let type: MentionType
        let minHead: Int
        /// A `none` row: a longer ending that makes the suffix inside it something else (東北部, 西南部: a part of a place).
        var blocks = false
        /// A word ending (`name-word-endings.txt`): it blocks where it is a word, starting a token
        /// (入口|處) or closing one after two characters or more (內心深處); not where it begins
        /// inside one word and ends in the next (國土|安全|部 holds 全部 and ends in 部), nor after the
        /// first character of its word (安全局 and 郵政局 end in 全局 and 政局).
        var wordOnly = false
        /// Words that, right after the suffix, make a rule-made name of it no name: the suffix is
        /// the object of what stands before or the first part of a compound (堅持黨的領導, 企業黨組織,
        /// 共產黨人; 保守黨候選人 stays a name). The optional `not_before` column, |-separated.
        var notBefore: [[Unicode.Scalar]] = []
        /// A periodical's ending (報, 周刊: the optional `title_only` column, y): a name only where
        /// the name fills a title's marks (《費加羅報》), never in running text (回報, 情報).
        var titleOnly = false
        /// An ending that names a part of a known body only (司, 中心: the optional `after_body`
        /// column, y): a name only where a lexicon institution opens it (科學技術部農村科技司).
        var afterBody = false
        /// With `after_body` set to `body`: a body the rules name counts too (湖南省委|黨校,
        /// 南方電視台科教|頻道), where an institution's suffix ends at a word boundary inside the head.
        var afterAnyBody = false
        /// An ending that names a kind, not a body, after a place alone (公司: 美國公司, 法國公司;
        /// the optional `not_after_place` column, y): a country or home region as the whole head makes no name.
        var notAfterPlace = false
        /// An ending that names a body only after a country or home region as the whole head (軍:
        /// 瑞典軍, 朝鮮軍; the optional `place_only` column, y), never after other words (given names end in 軍).
        var placeOnly = false
    }

    /// Suffixes, reversed, so the longest suffix ending at an offset is found.
    let suffixes: ScalarTrie<Suffix>
    let maxLength: Int
    /// Stop words (a name never starts with or spans them), general words (研發, 本地) and
    /// words after a suffix that make it a modifier (銀行同業拆息), each with its Simplified
    /// forms, folded as names are.
    let stopWords: ScalarTrie<Bool>
    let genericWords: ScalarTrie<Bool>
    let notBefore: ScalarTrie<Bool>
    /// Verbs a rule-made name never starts with (補助, 成立).
    let notStart: ScalarTrie<Bool>
    /// Stop words that may end a head right before its suffix (資助計劃).
    let headVerbs: ScalarTrie<Bool>
    /// Words a name's left edge never takes as whole words (據南通社, 意味着中國男隊), from a
    /// dictionary's verbs, prepositions, conjunctions, adverbs and pronouns; the payload says
    /// whether the word is a verb (which may end a head: 組織部).
    let leftStops: ScalarTrie<Bool>

    /// The name suffix ending at `end` (the longest), unless a `none` row makes that ending
    /// something else; a word ending only blocks as a word of `boundaries`' tokens (``Suffix/wordOnly``).
    @inline(__always)
    func suffix(in s: [Unicode.Scalar], endingAt end: Int, floor: Int, boundaries: TokenBoundaries? = nil) -> (payload: Suffix, start: Int)? {
        guard let m = suffixes.longestMatchEnding(in: s, at: end, floor: floor) else { return nil }
        if m.payload.wordOnly, let b = boundaries, !b.contains(m.start),
           ((m.start + 1)..<end).contains(where: b.contains) || b.contains(m.start - 1) {
            return suffix(in: s, endingAt: end, floor: m.start + 1, boundaries: b)
        }
        return m.payload.blocks ? nil : m
    }

    /// Whether s[a..<b] is exactly a stop word.
    @inline(__always)
    func isStop(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool { stopWords.longestMatch(in: s, at: a, limit: b)?.end == b }

    /// Whether s[a..<b] is exactly a head verb (`name-head-verbs.txt`); for a body's name
    /// (`institution`), only one marked so (投資部, not 資助大學).
    func isHeadVerb(_ s: [Unicode.Scalar], _ a: Int, _ b: Int, institution: Bool) -> Bool {
        guard let m = headVerbs.longestMatch(in: s, at: a, limit: b), m.end == b else { return false }
        return !institution || m.payload
    }

    /// Whether s[a..<b] is exactly a general word.
    @inline(__always)
    func isGeneric(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool { genericWords.longestMatch(in: s, at: a, limit: b)?.end == b }

    /// Whether s[a..<b] is exactly a left-edge stop word.
    @inline(__always)
    func isLeftStop(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool { leftStops.longestMatch(in: s, at: a, limit: b)?.end == b }

    /// - Parameters:
    ///   - leftStops: (word, is a verb) in Simplified; a word of two or more characters that begins
    ///     a name of `knownNames` (folded Simplified keys) is left out: a dictionary's verb never
    ///     cuts a known name (發展局).
    ///   - wordEndings: words (Simplified) that end in a one-character suffix and name no body (深處, 布局:
    ///     `name-word-endings.txt`), read as `none` rows; a suffix row of the same text wins.
    init(rules: TSVTable, stopWords: [String], genericWords: [String], notBefore: [String], notStart: [String] = [], headVerbs: [String] = [],
         leftStops: [(String, Bool)] = [], knownNames: [String] = [], walkWords: Set<Unicode.Scalar> = [], wordEndings: [String] = [],
         folder: NameFolder, maxLength: Int) throws {
        let (t, s, m) = (try rules.column("type"), try rules.column("suffix"), try rules.column("min_head"))
        let f = folder
        var trie = ScalarTrie<Suffix>(folding: .names(f))
        for w in wordEndings {
            for v in NameKey.traditionalVariants(w) { trie.insert(v.unicodeScalars.reversed(), Suffix(type: .institution, minHead: 1, blocks: true, wordOnly: true)) }
        }
        let nb = rules.header.firstIndex(of: "not_before")
        let to = rules.header.firstIndex(of: "title_only")
        let ab = rules.header.firstIndex(of: "after_body")
        let np = rules.header.firstIndex(of: "not_after_place")
        let po = rules.header.firstIndex(of: "place_only")
        for row in rules.rows {
            let blocks = rules.cell(row, t) == "none"
            let notBefore = nb.map { rules.cell(row, $0).split(separator: "|").flatMap { NameKey.scriptVariants(String($0)).map { Array($0.unicodeScalars) } } } ?? []
            guard let type = blocks ? .institution : MentionType(rawValue: rules.cell(row, t)) else {
                throw NewsKBError.lexicon("\(rules.path): unknown type \(rules.cell(row, t))")
            }
            for v in NameKey.scriptVariants(rules.cell(row, s)) {
                trie.insert(v.unicodeScalars.reversed(), Suffix(type: type, minHead: Int(rules.cell(row, m)) ?? 2, blocks: blocks, notBefore: notBefore,
                                                                titleOnly: to.map { rules.cell(row, $0) == "y" } ?? false,
                                                                afterBody: ab.map { ["y", "body"].contains(rules.cell(row, $0)) } ?? false,
                                                                afterAnyBody: ab.map { rules.cell(row, $0) == "body" } ?? false,
                                                                notAfterPlace: np.map { rules.cell(row, $0) == "y" } ?? false,
                                                                placeOnly: po.map { rules.cell(row, $0) == "y" } ?? false))
            }
        }
        suffixes = trie
        func words(_ list: [String]) -> ScalarTrie<Bool> {
            var t = ScalarTrie<Bool>(folding: .names(f))
            for w in list { for v in NameKey.scriptVariants(w) { t.insert(v.unicodeScalars, true) } }
            return t
        }
        self.stopWords = words(stopWords)
        self.genericWords = words(genericWords)
        self.notBefore = words(notBefore)
        self.notStart = words(notStart)
        // A head verb's line may add a tab and `institution`: it may end a body's head too.
        var verbs = ScalarTrie<Bool>(folding: .names(f))
        for line in headVerbs {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            for v in NameKey.scriptVariants(cols[0]) { verbs.insert(v.unicodeScalars, cols.count > 1 && cols[1] == "institution") }
        }
        self.headVerbs = verbs
        var left = ScalarTrie<Bool>(folding: .names(f))
        let known = knownNames.sorted()
        for (w, verb) in leftStops {
            // Sorted keys: the first key not below w is the one that would start with it.
            var lo = 0, hi = known.count
            while lo < hi { let mid = (lo + hi) / 2; if known[mid] < w { lo = mid + 1 } else { hi = mid } }
            // (A one-character word is a stop only as a whole token, which 應 of 應急管理部 never is.)
            if w.count > 1, lo < known.count, known[lo].hasPrefix(w) { continue }
            // 及, 和, 與 join two parts of one name (食物及衞生局); the walk decides on them.
            if w.count == 1, let c = w.unicodeScalars.first, walkWords.contains(c) { continue }
            for v in NameKey.traditionalVariants(w) { left.insert(v.unicodeScalars, verb) }
        }
        self.leftStops = left
        self.maxLength = maxLength
    }
}
