#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds amounts of money and reads them exactly: currency before or after the number,
/// bounds and hedges (逾, 不少於, 約, 以上), ranges (`X至Y`), vague amounts (`數十億`).
/// Counts, measures, percentages and codes without a currency are never money.
public struct MoneyRecognizer: DocumentStage {
    public static let stageName = "recognise.money.v1"
    public static let requires: Set<AnnotationKey> = [.text, .sentences, .region]
    public static let assigns: Set<AnnotationKey> = [.money]

    /// What a word around an amount does (the `meaning` column of money-cues.tsv).
    enum Cue: Sendable {
        /// A lower bound (逾, 以上), an upper bound (不超過), an approximation (約).
        case min, max, approx
        /// Part of the amount's words with no bound of its own (`more`: 多, 餘 after it):
        /// the span takes it in, the value stays.
        case partOfAmount
        /// A word between a bound and the amount (可獲, 為): 最高可獲500萬元.
        case bridge
        /// A verb of spending or allocating right before an amount in 萬 or 億 with no currency
        /// word (政府擬斥22.8億, 涉58億, 申撥逾29億): the amount is money in the document's
        /// plain currency, as headlines and reports write it.
        case moneyVerb
    }

    struct Currency: Sendable {
        let code: String     // ISO 4217, or "*" for the document's region currency
        let before: Bool
        let after: Bool
    }

    let currencies: ScalarTrie<Currency>
    /// First characters of every currency word, to skip numbers with no currency nearby.
    let currencyStarts: ScalarSet
    /// The farthest a currency word may stand after the start of an amount.
    static let reach = 40
    /// The farthest an amount may start after a money verb (its hedge and bridge words: 約為).
    static let hedgeReach = 5
    let cuesBefore: ScalarTrie<Cue>   // built from reversed words
    let cuesAfter: ScalarTrie<Cue>
    /// Characters after 元 that make it part of a word (多元化, 元朗): `yuan_word` rows of money-cues.tsv.
    let notAfterPlainYuan: ScalarSet
    /// What joins two amounts into a range (X至Y, X-Y): `range` rows.
    let rangeMarks: ScalarSet
    /// Characters before a bare 萬 or 億 that make it one of it (逾億元, 近萬元): `bare_unit` rows.
    let bareUnitHedges: ScalarSet
    /// What lists two amounts that share the unit and currency written after the second
    /// (6056萬及7706萬元, 3、5億元): `list` rows of money-cues.tsv.
    let listMarks: ScalarSet
    /// `money_verb` rows (reversed): see ``Cue/moneyVerb``.
    let moneyVerbs: ScalarTrie<Cue>
    /// Last characters of the money verbs, to find where one may end in one pass.
    let moneyVerbEnds: ScalarSet
    /// Characters right after a bare amount that make it a count of things (涉3萬人, 動用2萬名):
    /// `count_after` rows.
    let countAfter: ScalarSet

    public init(config: StageConfig, pipeline: PipelineDefinition, lexicons: LexiconCache) throws {
        let cur = try lexicons.table(config, endingWith: "currencies.tsv")
        let (s, c, p) = (try cur.column("surface"), try cur.column("code"), try cur.column("position"))
        var currencies = ScalarTrie<Currency>(folding: .widthAndCase)
        for row in cur.rows {
            let pos = cur.cell(row, p)
            let variants = NameKey.scriptVariants(cur.cell(row, s))
            for v in variants {
                currencies.insert(v.unicodeScalars, Currency(code: cur.cell(row, c), before: pos != "after", after: pos != "before"))
            }
        }
        self.currencies = currencies
        var starts = Set<Unicode.Scalar>()
        for row in cur.rows {
            for v in NameKey.scriptVariants(cur.cell(row, s)) {
                guard let first = v.unicodeScalars.first else { continue }
                // Every form the trie's folding accepts: either case, ASCII or full width.
                let f = Scalars.foldWidthAndCase(first)
                var forms = [first, f]
                if Scalars.isASCIILetter(f), let up = Unicode.Scalar(f.value - 0x20) { forms.append(up) }
                for form in forms {
                    starts.insert(form)
                    if form.value >= 0x21, form.value <= 0x7E, let wide = Unicode.Scalar(form.value + 0xFEE0) { starts.insert(wide) }
                }
            }
        }
        currencyStarts = ScalarSet(starts)
        let cues = try lexicons.table(config, endingWith: "money-cues.tsv")
        let (cs, cp, cm) = (try cues.column("surface"), try cues.column("position"), try cues.column("meaning"))
        var before = ScalarTrie<Cue>(), after = ScalarTrie<Cue>(), verbs = ScalarTrie<Cue>()
        var verbEnds = Set<Unicode.Scalar>()
        var sets: [String: Set<Unicode.Scalar>] = ["yuan_word": [], "range": [], "bare_unit": [], "list": [], "count_after": []]
        for row in cues.rows {
            if sets[cues.cell(row, cm)] != nil {
                for v in NameKey.scriptVariants(cues.cell(row, cs)) { sets[cues.cell(row, cm)]!.formUnion(v.unicodeScalars) }
                continue
            }
            let cue: Cue
            switch cues.cell(row, cm) {
            case "min": cue = .min
            case "max": cue = .max
            case "approx": cue = .approx
            case "more": cue = .partOfAmount
            case "bridge": cue = .bridge
            case "money_verb":
                for v in NameKey.scriptVariants(cues.cell(row, cs)) {
                    verbs.insert(v.unicodeScalars.reversed(), .moneyVerb)
                    if let last = v.unicodeScalars.last { verbEnds.insert(last) }
                }
                continue
            case let other: throw NewsKBError.lexicon("\(cues.path): unknown meaning '\(other)'")
            }
            for v in NameKey.scriptVariants(cues.cell(row, cs)) {
                if cues.cell(row, cp) == "before" { before.insert(v.unicodeScalars.reversed(), cue) } else { after.insert(v.unicodeScalars, cue) }
            }
        }
        cuesBefore = before
        cuesAfter = after
        for (name, set) in sets where set.isEmpty {
            throw NewsKBError.lexicon("\(cues.path): no row of meaning \(name)")
        }
        notAfterPlainYuan = ScalarSet(sets["yuan_word"]!)
        rangeMarks = ScalarSet(sets["range"]!)
        bareUnitHedges = ScalarSet(sets["bare_unit"]!)
        listMarks = ScalarSet(sets["list"]!)
        countAfter = ScalarSet(sets["count_after"]!)
        moneyVerbs = verbs
        moneyVerbEnds = ScalarSet(verbEnds)
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        let plain = context.pipeline.plainCurrency(region: doc.region)
        let s = doc.scalars
        // nextCurrency[i]: the nearest offset >= i where a currency word may start.
        // The few characters after a money verb count as one: a bare amount may follow it,
        // after a hedge (斥22.8億, 申撥逾29億).
        var afterVerb = [Bool](repeating: false, count: s.count + 1)
        var j = 1
        while j < s.count {
            if moneyVerbEnds(in: s, at: j) {
                for k in j..<min(s.count, j + Self.hedgeReach) { afterVerb[k] = true }
            }
            j += 1
        }
        var nextCurrency = [Int](repeating: Int.max, count: s.count + 1)
        j = s.count - 1
        while j >= 0 {
            nextCurrency[j] = currencyStarts.contains(s[j]) || afterVerb[j] ? j : nextCurrency[j + 1]
            j -= 1
        }
        var i = 0
        var found: [Mention] = []
        let numberStarts = NumberScanner.numberStarts, hedges = bareUnitHedges, reach = Self.reach
        while i < s.count {
            if nextCurrency[i] == Int.max { break }
            if nextCurrency[i] - i > reach { i = nextCurrency[i] - reach; continue }
            // Only a number, a currency word or a hedged bare unit (逾億) can start an amount.
            let c = s[i]
            if !numberStarts.contains(c), !currencyStarts.contains(c), !(i > 0 && hedges.contains(s[i - 1]) && NumberScanner.bigUnit(c) != nil) {
                i += 1
                continue
            }
            if let m = match(s, at: i, plain: plain) {
                found.append(m)
                i = m.end
            } else {
                i += 1
            }
        }
        for var m in found {
            m.sentence = doc.sentenceIndex(at: m.start)
            doc.addMention(m)
        }
    }

    /// One side of an amount: optional currency prefix, the number, optional currency suffix.

    struct Side {
        var number: NumberScanner.Number
        var start: Int
        var end: Int
        var currency: String?
    }

    func side(_ s: [Unicode.Scalar], at i: Int) -> Side? {
        var j = i
        var prefix: String? = nil
        if let c = currencies.longestMatch(in: s, at: j), c.payload.before {
            prefix = c.payload.code
            j = c.end
            while j < s.count, s[j] == " " { j += 1 }
        }
        // A currency prefix must not be the tail of a word ("USD" in "SUSD").
        if prefix != nil, i > 0, Scalars.isASCIILetter(s[i - 1]), Scalars.isASCIILetter(s[i]) { return nil }
        // 逾億元, 近萬元: a bare unit right after a hedge character means one of it.
        let bare = j > 0 && bareUnitHedges.contains(s[j - 1])
        guard j < s.count, var n = NumberScanner.scan(s, at: j, bareUnit: bare) else { return nil }
        // A number written with a leading zero before another digit or a unit (00萬元, 0萬元:
        // the tail of a figure a page split) is no amount; 0.5萬元 is.
        if Scalars.digit(s[j]) == 0, j + 1 < n.end, Scalars.digit(s[j + 1]) != nil || NumberScanner.bigUnit(s[j + 1]) != nil || NumberScanner.smallUnit(s[j + 1]) != nil {
            return nil
        }
        // A 多 the scanner kept must be followed by a unit or currency to count.
        var end = n.end
        var suffix: String? = nil
        var k = end
        while k < s.count, s[k] == " " { k += 1 }
        if let c = currencies.longestMatch(in: s, at: k), c.payload.after {
            let word = c.end
            if c.payload.code == "*", word < s.count, notAfterPlainYuan.contains(s[word]) {
                // 多元化 and the like: not a currency.
            } else if !(Scalars.isASCIILetter(s[k]) && word < s.count && Scalars.isASCIILetter(s[word])) {
                suffix = c.payload.code
                end = word
            }
        }
        if n.more, suffix == nil, end == n.end {
            // "100多" followed by something else: drop the 多.
            guard let shorter = NumberScanner.scan(s, at: j, limit: n.end - 1) else { return nil }
            n = shorter
            end = n.end
        }
        // Prefer an explicit currency over the plain 元 on the other side.
        let currency: String?
        switch (prefix, suffix) {
        case (let p?, "*"?): currency = p
        case (_, let x?): currency = x
        case (let p?, nil): currency = p
        default: currency = nil
        }
        return Side(number: n, start: i, end: end, currency: currency)
    }

    /// A number written without the big unit the number after it has (1至2億元, 3及5億元)
    /// takes that unit.
    static func shareUnit(_ n: inout NumberScanner.Number, from other: NumberScanner.Number) {
        guard !n.hasBigUnit, other.hasBigUnit, n.low < 10_000 else { return }
        n.low *= other.largestUnit
        n.high *= other.largestUnit
    }

    func match(_ s: [Unicode.Scalar], at i: Int, plain: (code: String, source: CurrencySource)) -> Mention? {
        // A number or a currency prefix must start here (`process` has skipped offsets where
        // no number, currency word or hedged unit can).
        let bareUnit = i > 0 && bareUnitHedges.contains(s[i - 1]) && NumberScanner.bigUnit(s[i]) != nil
        guard NumberScanner.canStart(s[i]) || bareUnit || currencies.longestMatch(in: s, at: i)?.payload.before == true else { return nil }
        // Not inside a longer number or word: "2024" in "12024", a letter before "US$".
        if i > 0, Scalars.digit(s[i - 1]) != nil || s[i - 1] == "." { return nil }
        // A number must be followed by a currency, a range or a space: skip the rest unread.
        if NumberScanner.canStart(s[i]), !currencyStarts.contains(s[i]) {
            var j = i
            while j < s.count, NumberScanner.isNumberPart(s[j]) { j += 1 }
            if j < s.count, !currencyStarts.contains(s[j]), !rangeMarks.contains(s[j]), !listMarks.contains(s[j]), s[j] != " ",
               !afterMoneyVerb(s, at: i) { return nil }
        }
        guard var a = side(s, at: i) else { return nil }
        var b: Side? = nil
        // Range: X至Y, X到Y, X-Y, X～Y.
        var k = a.end
        if k < s.count, rangeMarks.contains(s[k]) {
            if let other = side(s, at: k + 1), other.number.start == k + 1 || other.currency != nil {
                b = other
                k = other.end
            }
        }
        var currencyCode = b?.currency ?? a.currency
        // 撥款分別6056萬及7706萬元: the first of two listed amounts takes the second's currency
        // (and its unit, when written only there: 3及5億元); the mention is the first alone.
        if b == nil, a.currency == nil, k < s.count, listMarks.contains(s[k]),
           let other = side(s, at: k + 1), other.number.start == k + 1, let c = other.currency {
            currencyCode = c
            Self.shareUnit(&a.number, from: other.number)
        }
        // 政府擬斥22.8億, 申撥逾29億: no currency word, but a money verb before an amount in 萬 or 億.
        if a.currency == nil, currencyCode == nil, (b?.number ?? a.number).hasBigUnit, afterMoneyVerb(s, at: i),
           !((b?.end ?? a.end) < s.count && countAfter.contains(s[b?.end ?? a.end])) {
            currencyCode = "*"
            if let bb = b { Self.shareUnit(&a.number, from: bb.number) }
        }
        guard var code = a.currency ?? currencyCode else { return nil }
        if let bb = b, a.currency == nil, bb.currency != nil {
            // "1至2億元": the unit written once applies to both ends.
            Self.shareUnit(&a.number, from: bb.number)
        }
        var source = CurrencySource.explicit
        // A lone Chinese digit before plain 元 is a word (三元里, 一元化), not money.
        if code == "*", b == nil, !a.number.arabicOnly, a.number.high < 10, a.currency == "*" { return nil }
        if code == "*" {
            code = plain.code
            source = plain.source
        }
        // Single Chinese digits with plain 元 are rarely money in news ("一元化" caught above);
        // a number must be read whole.
        var start = i
        var end = b?.end ?? a.end
        var minV: Decimal? = a.number.low
        var maxV: Decimal? = b?.number.high ?? a.number.high
        var approx = a.number.vague
        if let bb = b { approx = approx || bb.number.vague; minV = a.number.low; maxV = bb.number.high }
        if bareUnit, i > 0, cuesBefore.longestMatchEnding(in: s, at: i, floor: max(0, i - 4)) == nil {
            // 過億元 is more than 100 million, and so is 上億元 (at least that much).
            switch s[i - 1] {
            case "過", "过", "破", "上": start = i - 1; apply(.min, min: &minV, max: &maxV, approx: &approx, base: a.number.low)
            default: break
            }
        } else if var cue = cuesBefore.longestMatchEnding(in: s, at: i, floor: max(0, i - 4)) {
            // A bridge word (可獲, 為) may stand between the cue and the amount: 最高可獲500萬元.
            if cue.payload == .bridge {
                if let real = cuesBefore.longestMatchEnding(in: s, at: cue.start, floor: max(0, cue.start - 4)), real.payload != .bridge {
                    cue = real
                } else {
                    cue = (payload: .bridge, start: i)
                }
            }
            if cue.payload != .bridge {
                start = cue.start
                apply(cue.payload, min: &minV, max: &maxV, approx: &approx, base: a.number.low)
            }
        }
        if b == nil, let cue = cuesAfter.longestMatch(in: s, at: end) {
            // 以下 in 以下簡稱 is not a bound; accept a cue that ends at a clause or sentence edge.
            if cue.end >= s.count || !Scalars.isHan(s[cue.end]) || Punctuation.afterAmountBound.contains(s[cue.end]) || cue.payload == .approx {
                end = cue.end
                apply(cue.payload, min: &minV, max: &maxV, approx: &approx, base: a.number.low)
            }
        }
        let value = MoneyValue(currency: code, min: minV, max: maxV, approximate: approx, currencySource: source)
        return Mention(type: .money, start: start, end: end, value: .money(value))
    }

    /// Whether a money verb ends exactly at `i`.
    @inline(__always)
    func moneyVerbEnds(in s: [Unicode.Scalar], at i: Int) -> Bool {
        i > 0 && moneyVerbEnds.contains(s[i - 1]) && moneyVerbs.longestMatchEnding(in: s, at: i, floor: max(0, i - 4)) != nil
    }

    /// Whether a money verb ends right before `i`, or before the hedge or bridge words that
    /// stand there (申撥|逾|29億, 造價|約為|22億).
    func afterMoneyVerb(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        var at = i
        for _ in 0..<3 {
            if moneyVerbEnds(in: s, at: at) { return true }
            guard let cue = cuesBefore.longestMatchEnding(in: s, at: at, floor: max(0, at - 4)) else { return false }
            at = cue.start
        }
        return false
    }

    private func apply(_ cue: Cue, min: inout Decimal?, max: inout Decimal?, approx: inout Bool, base: Decimal) {
        switch cue {
        case .min: max = nil
        case .max: min = nil
        case .approx: approx = true
        case .partOfAmount, .bridge, .moneyVerb: break
        }
    }
}
