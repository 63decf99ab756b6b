/// Bodies named by a number and a suffix (`name-congresses.tsv`): the party congresses
/// 十五大 and 中共十五大, one entity for each number however it is written.
struct NameCongresses {
    /// A congress found in a text: its span and the name of its entity.
    struct Match {
        var start: Int
        var end: Int
        var name: String
    }

    /// Suffix → the entity name's template (`{n}`: the number).
    private var suffixes: ScalarTrie<String>
    /// The party names that may open the mention, reversed.
    private var openers: ScalarTrie<Bool>
    private let notAfter: ScalarSet

    /// `folder` folds scripts and variants, so Traditional rows match Simplified text.
    init(table: TSVTable, folder: NameFolder) throws {
        suffixes = ScalarTrie(folding: .names(folder))
        openers = ScalarTrie(folding: .names(folder))
        var notAfter: [Unicode.Scalar] = []
        for row in table.rows where row.count >= 2 {
            switch row[0] {
            case "opener": openers.insert(row[1].unicodeScalars.reversed(), true)   // reversed: found ending where the number starts
            case "suffix": suffixes.insert(row[1].unicodeScalars, row.count > 2 && !row[2].isEmpty ? row[2] : "{n}")
            case "not_after": notAfter += NameKey.scriptVariants(row[1]).flatMap(\.unicodeScalars)
            default: throw NewsKBError.lexicon("\(table.path): unknown role '\(row[0])' (opener, suffix, not_after)")
            }
        }
        self.notAfter = ScalarSet(notAfter)
    }

    /// A numeral of a congress's number: 一 to 九 and 十.
    static func isNumeral(_ c: Unicode.Scalar) -> Bool {
        (NumberScanner.chineseDigit(c) ?? 0) > 0 || NumberScanner.smallUnit(c) == 10
    }

    func matches(in s: [Unicode.Scalar], boundaries: TokenBoundaries) -> [Match] {
        var out: [Match] = []
        var i = 0
        while i < s.count {
            guard Self.isNumeral(s[i]), i == 0 || !Self.isNumeral(s[i - 1]) else { i += 1; continue }
            var j = i
            while j < s.count, Self.isNumeral(s[j]) { j += 1 }
            defer { i = j }
            guard j - i >= 2, boundaries.contains(i), let suf = suffixes.longestMatch(in: s, at: j),
                  boundaries.contains(suf.end) || suf.end == s.count, i == 0 || !notAfter.contains(s[i - 1]) else { continue }
            var start = i
            if let o = openers.longestMatchEnding(in: s, at: i), boundaries.contains(o.start) { start = o.start }
            let number = String(String.UnicodeScalarView(s[i..<j]))
            out.append(Match(start: start, end: suf.end, name: suf.payload.replacing("{n}", with: number)))
        }
        return out
    }
}
