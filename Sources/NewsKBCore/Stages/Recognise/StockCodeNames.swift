/// Listed companies named right before their stock code in brackets, as financial news writes
/// them: 合和實業（00054.HK）, 利時集團(00526.HK), 中國中藥（00570.HK）. The code is digits, a dot
/// and a market from the optional `name-stock-markets.txt` (HK, SH, SZ…); the name is the run of
/// words before the bracket, cut on the left as rule names are (stop words, verbs, counts) and
/// no longer than the option `maxStockNameLength`. A known name there stays the lexicon's.
extension NameRecognizer {
    func stockCodeMatches(_ doc: NewsDocument, boundaries: TokenBoundaries, lexical: [Candidate], taken: [Bool]) -> [Candidate] {
        guard !stockMarkets.isEmpty else { return [] }
        let s = doc.scalars
        let tokens = doc.tokens
        var lexicalEnds = Set<Int>()
        for l in lexical { lexicalEnds.insert(l.end) }
        var out: [Candidate] = []
        var i = 1
        while i < s.count {
            defer { i += 1 }
            guard s[i] == "（" || s[i] == "(", isStockCode(s, from: i + 1) else { continue }
            let end = i
            if lexicalEnds.contains(end) || taken[end - 1] { continue }
            // The token that ends at the bracket, then the words before it.
            var lo = 0, hi = tokens.count
            while lo < hi { let mid = (lo + hi) / 2; if tokens[mid].end < end { lo = mid + 1 } else { hi = mid } }
            guard lo < tokens.count, tokens[lo].end == end else { continue }
            var k = lo
            var start = end
            while k >= 0 {
                let t = tokens[k]
                guard t.isWord, t.end == start, end - t.start <= maxStockNameLength, !taken[t.start] else { break }
                if rules.isStop(s, t.start, t.end) || isCount(s[t.start..<t.end]) { break }
                start = t.start
                k -= 1
            }
            guard start < end else { continue }
            start = cutAfterStopWords(s, from: start, to: end, programme: false, known: { _ in nil })
            start = cutAfterLeftStops(s, from: start, to: end, boundaries: boundaries, verbs: true, bareSuffix: true, known: { _ in nil })
            // General words before the name (重磅股, 母公司) are not part of it.
            while let g = rules.genericWords.longestMatch(in: s, at: start, limit: end), g.end < end, boundaries.contains(g.end) { start = g.end }
            guard end - start >= 2, s[start..<end].contains(where: { Scalars.isHan($0) || Scalars.isASCIILetter($0) }) else { continue }
            // A kind of body alone (集團, 實業: the name's own words were cut) names none.
            if rules.isGeneric(s, start, end) || rules.suffix(in: s, endingAt: end, floor: start).map({ $0.start == start }) == true { continue }
            out.append(Candidate(start: start, end: end, type: .institution, entry: nil, partOf: nil))
        }
        return out
    }

    /// Whether a stock code and its closing bracket start at `i`: 4 to 6 ASCII digits, a dot,
    /// a market of `name-stock-markets.txt` (either case), then `）` or `)`.
    func isStockCode(_ s: [Unicode.Scalar], from i: Int) -> Bool {
        var j = i
        while j < s.count, j - i < 6, ("0"..."9").contains(s[j]) { j += 1 }
        guard j - i >= 4, j < s.count, s[j] == "." else { return false }
        var e = j + 1
        while e < s.count, e - j <= 4, Scalars.isASCIILetter(s[e]) { e += 1 }
        guard e < s.count, s[e] == "）" || s[e] == ")" else { return false }
        return stockMarkets.contains(String(String.UnicodeScalarView(s[(j + 1)..<e])).uppercased())
    }
}
