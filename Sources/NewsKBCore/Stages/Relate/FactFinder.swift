/// Finds funding facts (CONTRACT.md, section fact): for each amount a sentence allocates
/// to a named programme or body, who receives it, who gives or announces it, when, and
/// for what; restatements in one document merge into one fact.
///
/// A statement is read around its amount, in the order the cue table's roles say:
/// the recipient after the amount (`撥出60億元設立X`, `100億元的X`), after the amount's
/// clause when that clause leads on to it (`撥出60億元，進一步資助本地大學設立X`), before
/// it (`X獲撥款N元`, `成立X，首期撥款N元`), or the body that spends it itself
/// (`X斥資N元興建…`). The funder is the body the statement names before the amount
/// (carried from the previous sentence after `其中`, or from a list's caption); the date is
/// one the statement gives, or its list's year heading, else the published date.
public struct FactFinder: DocumentStage {
    public static let stageName = "relate.facts.v1"
    public static let requires: Set<AnnotationKey> = [.entities, .money, .dates, .sentences, .text]
    public static let assigns: Set<AnnotationKey> = [.facts]
    let cues: FundingCues
    /// The give, lead and receive words that may stand before an amount opening a list item's
    /// sentence (``joinAmountSentences(_:_:paragraphs:lists:)``), joined once.
    let amountOpeners: FundingCues.Words
    /// The most characters between an amount and its recipient.
    let maxGap: Int
    /// The most characters between a give word and its amount (`撥出約…`, `預留了…`).
    let giveReach: Int
    /// A paragraph this short with no closing punctuation is a heading or a list caption.
    let headingMaxLength: Int
    /// The most characters of a purpose span.
    let maxPurpose: Int
    /// The most mentions looked back over for a statement's funder or date (linear time on
    /// a hostile sentence of thousands of names).
    let maxLookBack: Int

    public init(config: StageConfig, pipeline: PipelineDefinition, lexicons: LexiconCache) throws {
        cues = try FundingCues(try lexicons.table(config, endingWith: "funding-cues.tsv"))
        amountOpeners = cues.give + cues.lead + cues.receive
        maxGap = try config.intOption("maxGap", default: 12)
        giveReach = try config.intOption("giveReach", default: 3)
        headingMaxLength = try config.intOption("headingMaxLength", default: 30)
        maxPurpose = try config.intOption("maxPurpose", default: 40)
        maxLookBack = try config.intOption("maxLookBack", default: 64)
    }

    /// What a list item takes from the headings above it.
    struct ListContext {
        var date: Mention?
        var funder: Mention?
        var isItem = false
    }

    /// One statement of a fact, before restatements merge.
    struct Statement {
        var money: Mention
        var amount: MoneyValue
        var recipient: Mention
        var funder: Mention?
        /// A giver the statement names by a common word (政府), when it names no body.
        var funderWord: TextSpan?
        var date: Mention?
        var modifier: Bool
        var purpose: TextSpan?
        var sentence: TextSpan
        /// The total this amount is a part of (設立總值50億元的X，首期撥款20億元: the 50億).
        var total: MoneyValue? = nil
    }

    static let listMarkers = ScalarSet("-–—•●◆◇■□▲△▪・※*＊".unicodeScalars)
    static let segmentEnds = ScalarSet("。；！？\n;!?".unicodeScalars)

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        var s = doc.scalars
        let mentions = doc.mentions
        let order = mentions.indices.sorted { mentions[$0].start < mentions[$1].start }
        let names = order.filter { Self.isName(mentions[$0]) }
        let paragraphs = doc.paragraphRanges
        let lists = listContexts(doc, paragraphs, order)
        let joined = joinAmountSentences(doc, &s, paragraphs: paragraphs, lists: lists)
        // Code points inside names: a funder word (政府) inside one (香港特別行政區政府獎學基金) is none.
        var inName = [Bool](repeating: false, count: s.count + 1)
        for k in names { inName.cover(mentions[k].start, mentions[k].end) }
        var statements: [Statement] = []
        let paired = respectively(s, order: order, mentions: mentions, doc: doc)
        for (pos, mi) in order.enumerated() where mentions[mi].type == .money {
            guard case .money(let amount) = mentions[mi].value, amount.min != nil || amount.max != nil else { continue }
            let m = mentions[mi]
            guard m.sentence < doc.sentences.count else { continue }
            let sentence = joined[m.sentence] ?? doc.sentences[m.sentence]
            let clause = clauseRange(s, around: m.start..<m.end, within: sentence)
            if cues.negated(in: s, clause.lowerBound..<m.start) { continue }
            var after = m.end
            while after < sentence.upperBound, s[after] == " " { after += 1 }
            if FundingCues.match(cues.notAfter, in: s, at: after, limit: sentence.upperBound) != nil { continue }
            let give = giveBefore(s, m.start, floor: clause.lowerBound)
            guard let found = paired[mi].map({ Found(recipient: $0, modifier: false, purposeFrom: $0.end) })
                    ?? recipient(of: m, at: pos, order: order, mentions: mentions, s: s, clause: clause, sentence: sentence, give: give)
                    ?? anaphorRecipient(of: m, names: names, mentions: mentions, s: s, clause: clause,
                                        floor: doc.sentences[max(0, m.sentence - 2)].lowerBound, inName: inName) else { continue }
            // 向立法會財務委員會申請撥款N元: the body that approves the money is asked for it, it gets none.
            for recipient in [found.recipient] + (found.also.map { [$0] } ?? [])
            where FundingCues.match(cues.notRecipient, in: s, endingAt: recipient.end, floor: recipient.start) == nil {
            let (modifier, purposeFrom) = (found.modifier, found.purposeFrom)
            let paragraph = Self.index(of: m.start, in: paragraphs)
            let list = paragraph.map { lists[$0] } ?? ListContext()
            let segmentStart = Self.lastIndex(in: s, of: Self.segmentEnds, before: m.start, floor: sentence.lowerBound).map { $0 + 1 } ?? sentence.lowerBound
            let funder = funder(of: m, recipient: recipient, names: names, mentions: mentions, s: s, doc: doc,
                                segmentStart: segmentStart, sentence: sentence)
                ?? (list.isItem ? list.funder.flatMap { $0.entityID == recipient.entityID ? nil : $0 } : nil)
                ?? anaphorFunder(s, from: segmentStart, to: give ?? m.start, names: names, mentions: mentions, doc: doc,
                                 sentence: m.sentence, inName: inName, recipient: recipient)
            var date: Mention?
            // A modifier's sentence dates it only when the sentence approves the money
            // (當天，財委會…審議的是128億元X撥款): an approval is the fact's own event.
            if !modifier || FundingCues.occurs(cues.approve, in: s, segmentStart..<m.start) {
                // The first date of the statement's part of the sentence: the time adverbial
                // (昨日在立法會發表2025-26年度預算案，宣布預留…: 昨日, not the budget's year).
                // Only the statement's opening clause or the amount's own clause can date it: a date in
                // a clause between them is another thing's (不足以應付2026年批次計劃，…再向基金注資N元).
                var opening = segmentStart
                while opening < m.start, !Punctuation.clauseEnds.contains(s[opening]) { opening += 1 }
                var back = pos - 1
                while back >= 0, pos - back <= maxLookBack, mentions[order[back]].start >= segmentStart {
                    let d = mentions[order[back]]
                    if d.type == .date, d.start < opening || d.start >= clause.lowerBound, !opensSpan(d, s: s, before: m.start) { date = d }
                    back -= 1
                }
            }
            if date == nil, list.isItem { date = list.date }
            let funderWord = funder == nil ? self.funderWord(s, from: segmentStart, to: give ?? m.start, inName: inName) : nil
            var total: MoneyValue? = nil
            if recipient.start == found.recipient.start, let t = found.total, case .money(let v) = t.value { total = v }
            statements.append(Statement(money: m, amount: amount, recipient: recipient, funder: funder, funderWord: funderWord, date: date, modifier: modifier,
                                        purpose: purpose(s, from: purposeFrom, limit: sentence.upperBound),
                                        sentence: TextSpan(sentence.lowerBound, sentence.upperBound), total: total))
            }
        }
        doc.facts = merge(statements, doc)
    }

    /// Two amounts after a `respectively` word, joined by an `and` word, and two names joined
    /// the same way earlier in the sentence: the first amount is the first name's, the second
    /// the second's (資助九龍樂善堂及香港社區組織協會，…，撥款分別6056萬及7706萬元).
    /// Keyed by the amount's index in `mentions`.
    func respectively(_ s: [Unicode.Scalar], order: [Int], mentions: [Mention], doc: NewsDocument) -> [Int: Mention] {
        var out: [Int: Mention] = [:]
        for (pos, mi) in order.enumerated() where pos + 1 < order.count && mentions[mi].type == .money {
            let a = mentions[mi], b = mentions[order[pos + 1]]
            guard b.type == .money, a.sentence == b.sentence, FundingCues.isOne(of: cues.and, gap(s, a.end, b.start)),
                  a.sentence < doc.sentences.count else { continue }
            let sentence = doc.sentences[a.sentence]
            var at = a.start
            while at > sentence.lowerBound, s[at - 1] == " " { at -= 1 }
            guard FundingCues.match(cues.respectively, in: s, endingAt: at, floor: sentence.lowerBound) != nil else { continue }
            // The last two names joined by an `and` word before the amounts, in the sentence.
            var k = pos - 1
            while k >= 1, mentions[order[k]].start >= sentence.lowerBound {
                let second = mentions[order[k]], first = mentions[order[k - 1]]
                if Self.isName(second), Self.isName(first), first.start >= sentence.lowerBound, second.entityID != first.entityID,
                   FundingCues.isOne(of: cues.and, gap(s, first.end, second.start)) {
                    out[mi] = first
                    out[order[pos + 1]] = second
                    break
                }
                k -= 1
            }
        }
        return out
    }

    /// Whether `x` names a body or programme that resolved to an entity: what a fact's
    /// recipient or funder can be.
    static func isName(_ x: Mention) -> Bool { (x.type == .programme || x.type == .institution) && x.entityID != nil }

    /// The clause holding `span`: from just after the clause break before it to the break after it.
    func clauseRange(_ s: [Unicode.Scalar], around span: Range<Int>, within sentence: Range<Int>) -> Range<Int> {
        let start = Self.lastIndex(in: s, of: Punctuation.clauseEnds, before: span.lowerBound, floor: sentence.lowerBound).map { $0 + 1 } ?? sentence.lowerBound
        var end = span.upperBound
        var depth = 0   // a comma inside brackets ends nothing: 10億元（港幣，下同）回收基金
        while end < sentence.upperBound, depth > 0 || !Punctuation.clauseEnds.contains(s[end]) {
            if s[end] == "（" || s[end] == "(" { depth += 1 } else if (s[end] == "）" || s[end] == ")") && depth > 0 { depth -= 1 }
            end += 1
        }
        return start..<end
    }

    static func lastIndex(in s: [Unicode.Scalar], of set: ScalarSet, before end: Int, floor: Int) -> Int? {
        var i = end - 1
        while i >= floor {
            if set.contains(s[i]) { return i }
            i -= 1
        }
        return nil
    }

    static func index(of offset: Int, in ranges: [Range<Int>]) -> Int? {
        var lo = 0, hi = ranges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if ranges[mid].upperBound <= offset { lo = mid + 1 } else if ranges[mid].lowerBound > offset { hi = mid - 1 } else { return mid }
        }
        return nil
    }

    /// The start of a give word ending at most `giveReach` characters before the amount.
    func giveBefore(_ s: [Unicode.Scalar], _ start: Int, floor: Int) -> Int? {
        for k in 0...giveReach where start - k >= floor {
            if let n = FundingCues.match(cues.give, in: s, endingAt: start - k, floor: floor) { return start - k - n }
        }
        return nil
    }

    /// Whether `g` (what follows a name to its clause's end) names the name's own parts: 的, then
    /// a `parts` word ending it (關愛基金的新援助項目，合共撥款約12億元: the fund's projects).
    func isItsParts(_ g: [Unicode.Scalar]) -> Bool {
        guard g.count <= maxGap, g.first == "的" || g.first == "之" else { return false }
        return FundingCues.match(cues.parts, in: g, endingAt: g.count, floor: 1) != nil
    }

    /// Whether `g` says a programme gave out grants (發出超過三千筆資助, 批出15個項目): a grant
    /// word, then a count, then what was granted.
    func isGrants(_ g: [Unicode.Scalar]) -> Bool {
        guard let k = FundingCues.match(cues.grant, in: g, at: 0, limit: g.count) else { return false }
        return g.count - k <= 12 && g[k...].contains { NumberScanner.chineseDigit($0) != nil || Scalars.digit($0) != nil }
    }

    /// Whether `g` from `at` is give and lead words in a row, at least one a give word,
    /// up to at most `giveReach` characters (提供 + 經常 + 撥款).
    func givesAll(_ g: [Unicode.Scalar], from start: Int) -> Bool {
        var at = start, gave = false
        while at < g.count {
            if let n = FundingCues.match(cues.give, in: g, at: at, limit: g.count) { at += n; gave = true; continue }
            if let n = FundingCues.match(cues.lead, in: g, at: at, limit: g.count) { at += n; continue }
            break
        }
        return gave && g.count - at <= giveReach
    }

    /// `g` without what stands in brackets (an alias: 醫院管理局（醫管局）).
    static func withoutBrackets(_ g: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = [], depth = 0
        for c in g {
            if c == "（" || c == "(" { depth += 1; continue }
            if c == "）" || c == ")" { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(c) }
        }
        return out
    }

    /// Whether `g` is one link word or several in a row (用作 + 成立), after lead words
    /// (200億元會用於X: 會).
    func isLinks(_ g: [Unicode.Scalar]) -> Bool {
        var at = 0
        while at < g.count, let n = FundingCues.match(cues.lead, in: g, at: at, limit: g.count),
              FundingCues.match(cues.link, in: g, at: at + n, limit: g.count) != nil || FundingCues.match(cues.lead, in: g, at: at + n, limit: g.count) != nil {
            at += n
        }
        let first = at
        while at < g.count {
            guard let n = FundingCues.match(cues.link, in: g, at: at, limit: g.count) else { return false }
            at += n
        }
        return at > first
    }

    /// The characters of `s[a..<b]` with quote marks and spaces left out (a table row: `成立X基金 20億元`).
    func gap(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> [Unicode.Scalar] {
        a < b ? s[a..<b].filter { !Punctuation.quoteMarks.contains($0) && $0 != " " && $0 != "\u{3000}" } : []
    }

    /// A statement's recipient, as ``recipient(of:at:order:mentions:s:clause:sentence:give:)`` finds it.
    struct Found {
        var recipient: Mention
        /// The amount only describes the recipient (`N元的X`): its sentence does not date it.
        var modifier: Bool
        /// Where the purpose may start.
        var purposeFrom: Int
        /// A second recipient that got the same amount too (`X和Y均獲得N元`).
        var also: Mention? = nil
        /// X's own clause stated a total and this clause opens with a receive word: the
        /// amount is part of that total (設立總值50億元的X，首期撥款20億元).
        var total: Mention? = nil
    }

    /// The recipient of the amount `m`, whether the statement is a modifier of it, and
    /// where its purpose may start.
    func recipient(of m: Mention, at pos: Int, order: [Int], mentions: [Mention], s: [Unicode.Scalar],
                   clause: Range<Int>, sentence: Range<Int>, give: Int?) -> Found? {
        // After the amount, in its clause: [give] N元 [link] X.
        var next = pos + 1
        while next < order.count, !Self.isName(mentions[order[next]]), mentions[order[next]].type != .money,
              mentions[order[next]].start - m.end <= maxGap { next += 1 }
        if next < order.count, case let n = mentions[order[next]], Self.isName(n), n.start - m.end <= maxGap, n.start <= clause.upperBound {
            let raw = gap(s, m.end, n.start)
            // A name inside a bracket opened after the amount is an aside, not its recipient.
            let opened = raw.reduce(0) { $0 + ($1 == "（" || $1 == "(" ? 1 : ($1 == "）" || $1 == ")" ? -1 : 0)) }
            let between = opened > 0 ? [Unicode.Scalar("（")] : Self.withoutBrackets(raw)
            // N元的X, and N元X with no give word before it ("the N-dollar X"): the amount
            // describes the recipient, it is not what the sentence says happened.
            let isModifier = between.isEmpty ? give == nil : FundingCues.match(cues.modifier, in: between, endingAt: between.count, floor: 0) != nil
            if between.isEmpty || isLinks(between) || FundingCues.isOne(of: cues.modifier, between)
                || (give != nil && (isModifier || FundingCues.match(cues.link, in: between, endingAt: between.count, floor: 0) != nil)) {
                return Found(recipient: n, modifier: isModifier, purposeFrom: n.end)
            }
        }
        // In the next clause, which leads on to it: 撥出N元，進一步資助本地大學設立X.
        if give != nil, clause.upperBound < sentence.upperBound, s[clause.upperBound] == "，",
           let t = FundingCues.match(cues.toward, in: s, at: clause.upperBound + 1, limit: sentence.upperBound) {
            let from = clause.upperBound + 1 + t
            var end = from
            while end < sentence.upperBound, !Punctuation.clauseEnds.contains(s[end]) { end += 1 }
            for k in order[(pos + 1)...] {
                if mentions[k].start >= end { break }
                guard mentions[k].start >= from else { continue }
                let n = mentions[k]
                if n.type == .money { break }
                guard Self.isName(n) else { continue }
                var at = n.start
                while at > from, Punctuation.quoteMarks.contains(s[at - 1]) { at -= 1 }
                if at == from || FundingCues.match(cues.link, in: s, endingAt: at, floor: from) != nil { return Found(recipient: n, modifier: false, purposeFrom: n.end) }
            }
        }
        // Before the amount: X [lead] 獲撥款 N元, in its clause or ending the clause before (成立X，首期撥款N元).
        var prev = pos - 1
        while prev >= 0, !Self.isName(mentions[order[prev]]), m.start - mentions[order[prev]].end <= maxGap { prev -= 1 }
        // 醫院管理局（醫管局）: the name before the bracketed alias is the one the sentence uses.
        var bracketed = 0
        if prev > 0, case let inner = mentions[order[prev]], inner.start > 0, "（(".unicodeScalars.contains(s[inner.start - 1]),
           case let outer = mentions[order[prev - 1]], Self.isName(outer), outer.end == inner.start - 1 {
            bracketed = inner.end + 1 - outer.end
            prev -= 1
        }
        // Dates in the gap do not count towards its length (X更獲得政府於2013年6月額外注資N元).
        var dated = 0
        if prev >= 0 { for k in order[(prev + 1)..<pos] where mentions[k].type == .date { dated += mentions[k].end - mentions[k].start } }
        if prev >= 0, case let n = mentions[order[prev]], Self.isName(n), m.start - n.end - bracketed - dated <= maxGap {
            let sameClause = n.end >= clause.lowerBound
            // Across the comma only when the clause naming it has no amount of its own
            // (撥出60億元設立X，預留30億元推動…: the 30億 is not X's), unless a receive word opens it.
            let tail = gap(s, n.end, max(n.end, clause.lowerBound - 1))
            var joined = !sameClause && clause.lowerBound > sentence.lowerBound && s[clause.lowerBound - 1] == "，"
                && (tail.isEmpty || FundingCues.match(cues.receive, in: tail, at: 0, limit: tail.count).map { tail.count - $0 <= maxGap } == true || isGrants(tail)
                    || isItsParts(tail))
            // A receive word opening the clause (首期撥款N元) speaks of X's own money even when
            // X's clause gave a total (設立總值50億元的X，首期撥款20億元: the total and its part).
            let opensWithReceive: Bool = {
                var at = clause.lowerBound
                while at < m.start, let k = FundingCues.match(cues.lead, in: s, at: at, limit: m.start) { at += k }
                return FundingCues.match(cues.receive, in: s, at: at, limit: m.start) != nil
            }()
            var total: Mention? = nil
            if joined {
                let before = Self.lastIndex(in: s, of: Punctuation.clauseEnds, before: n.start, floor: sentence.lowerBound).map { $0 + 1 } ?? sentence.lowerBound
                var k = prev - 1
                while k >= 0, mentions[order[k]].start >= before {
                    if mentions[order[k]].type == .money {
                        if opensWithReceive { total = mentions[order[k]] } else { joined = false }
                        break
                    }
                    k -= 1
                }
            }
            if sameClause || joined {
                // The gap without the dates in it (X去年獲撥款N元).
                var between: [Unicode.Scalar] = []
                var at0 = sameClause ? n.end : clause.lowerBound
                for k in order[(prev + 1)..<pos] where mentions[k].type == .date && mentions[k].start >= at0 {
                    between += gap(s, at0, mentions[k].start)
                    at0 = mentions[k].end
                }
                between += gap(s, at0, m.start)
                // Lead words are skipped as long as something follows them.
                var at = 0
                while let k = FundingCues.match(cues.lead, in: between, at: at, limit: between.count), between.count - at > k { at += k }
                // A give word after a programme is what the programme gets (創新及科技基金注資 50億元):
                // a programme gives nothing itself.
                // X獲批，超過N元 / X發出三千筆資助，合共N元: the clause before said it, this one is the amount.
                if joined, !tail.isEmpty, at == between.count || FundingCues.isOne(of: cues.lead, Array(between[at...])) {
                    return Found(recipient: n, modifier: false, purposeFrom: m.end, total: joined ? total : nil)
                }
                if let k = FundingCues.match(cues.receive, in: between, at: at, limit: between.count)
                    ?? (joined || n.type == .programme ? FundingCues.match(cues.give, in: between, at: at, limit: between.count) : nil),
                   between.count - at - k <= giveReach {
                    // X及Y獲撥款共N元: one amount for both, the fact is the first's;
                    // X和Y均獲得N元: each got it, a fact for each.
                    if prev > 0, case let x = mentions[order[prev - 1]], Self.isName(x), x.end < n.start,
                       FundingCues.isOne(of: cues.and, gap(s, x.end, n.start)) {
                        let each = FundingCues.match(cues.each, in: between, at: 0, limit: between.count) != nil
                        return Found(recipient: x, modifier: false, purposeFrom: m.end, also: each ? n : nil, total: joined ? total : nil)
                    }
                    return Found(recipient: n, modifier: false, purposeFrom: m.end, total: joined ? total : nil)
                }
                // A receive word, the giver, then the give word: X更獲得政府額外注資N元.
                if sameClause, let k = FundingCues.match(cues.receive, in: between, at: at, limit: between.count),
                   between.count - at - k <= maxGap, (0...giveReach).contains(where: { FundingCues.match(cues.give, in: between, endingAt: between.count - $0, floor: at + k) != nil }) {
                    return Found(recipient: n, modifier: false, purposeFrom: m.end, total: joined ? total : nil)
                }
                // Named ahead of its give words: 為數碼港預留N元, 向研究基金注資N元,
                // 向醫院管理局（醫管局）提供經常撥款N元 (an alias in brackets left out).
                var before = n.start
                while before > clause.lowerBound, Punctuation.quoteMarks.contains(s[before - 1]) { before -= 1 }
                if sameClause, FundingCues.match(cues.to, in: s, endingAt: before, floor: clause.lowerBound) != nil,
                   givesAll(Self.withoutBrackets(between), from: at) {
                    return Found(recipient: n, modifier: false, purposeFrom: m.end, total: joined ? total : nil)
                }
                // The object of a give word, the amount right after it: 撥補台電500億元.
                if sameClause, between.isEmpty, FundingCues.match(cues.give, in: s, endingAt: before, floor: clause.lowerBound) != nil {
                    return Found(recipient: n, modifier: false, purposeFrom: m.end, total: joined ? total : nil)
                }
                // The body budgeting it: X編列N元, unless the amount goes on to something (X編列N元提供Y).
                if sameClause, let k = FundingCues.match(cues.budget, in: between, at: at, limit: between.count), between.count - at - k <= giveReach {
                    var after = m.end
                    while after < clause.upperBound, s[after] == " " { after += 1 }
                    let onward = FundingCues.match(cues.link, in: s, at: after, limit: clause.upperBound) != nil
                        || FundingCues.match(cues.toward, in: s, at: after, limit: clause.upperBound) != nil
                    return onward ? nil : Found(recipient: n, modifier: false, purposeFrom: m.end, total: joined ? total : nil)
                }
                // The body spending it itself: X斥資約N元興建….
                if sameClause, n.type == .institution, let k = FundingCues.match(cues.spend, in: between, at: at, limit: between.count),
                   between.count - at - k <= giveReach {
                    return Found(recipient: n, modifier: false, purposeFrom: m.end, total: joined ? total : nil)
                }
            }
        }
        return nil
    }

    /// Whether a date starts a span its clause goes on from (自基金於2008年成立以來, 由明年起):
    /// a `since` word after it in its clause, or a `from` word right after it, before the
    /// amount. Such a date is not the fact's.
    func opensSpan(_ d: Mention, s: [Unicode.Scalar], before limit: Int) -> Bool {
        if FundingCues.match(cues.from, in: s, at: d.end, limit: limit) != nil { return true }
        var i = d.end
        while i < limit, !Punctuation.clauseEnds.contains(s[i]) {
            if FundingCues.match(cues.since, in: s, at: i, limit: limit) != nil { return true }
            i += 1
        }
        return false
    }

    /// A recipient referred back to by a common word after a `to` word (政府再向基金注資1.8億元,
    /// after 「兒童發展基金」 named before): the last programme or body of this sentence or the
    /// two before whose name ends with that word.
    func anaphorRecipient(of m: Mention, names: [Int], mentions: [Mention], s: [Unicode.Scalar], clause: Range<Int>,
                          floor: Int, inName: [Bool]) -> Found? {
        var i = m.start - 1
        while i >= clause.lowerBound {
            if FundingCues.match(cues.to, in: s, endingAt: i, floor: clause.lowerBound) != nil,
               let n = FundingCues.match(cues.recipientAnaphor, in: s, at: i, limit: m.start), !inName.anyCovered(i, i + n),
               givesAll(Array(s[(i + n)..<m.start]).filter { $0 != " " }, from: 0) {
                // The word without a determiner (該基金: 基金) is how the name ends.
                var word = Array(s[i..<(i + n)])
                while word.count > 2, FundingCues.match(cues.recipientAnaphor, in: word, at: 1, limit: word.count) == word.count - 1 { word.removeFirst() }
                var k = Self.firstName(startingAtOrAfter: i, names, mentions) - 1
                while k >= 0, mentions[names[k]].start >= floor {
                    let x = mentions[names[k]]
                    var end = x.end
                    while end > x.start, Punctuation.quoteMarks.contains(s[end - 1]) { end -= 1 }
                    // 「兒童發展基金」計劃: the quoted part may end with it.
                    let quoted = (x.start..<end).first { Punctuation.quoteMarks.contains(s[$0]) && $0 > x.start } ?? end
                    if quoted - x.start > word.count, s[(quoted - word.count)..<quoted].elementsEqual(word) {
                        return Found(recipient: x, modifier: false, purposeFrom: m.end)
                    }
                    k -= 1
                }
                return nil
            }
            i -= 1
        }
        return nil
    }

    /// The body a statement names as giving or announcing: the institution nearest before
    /// the amount in its part of the sentence that is not the object of a verb (設立X…);
    /// after `其中` at the sentence's start, the previous sentence's subject.
    func funder(of m: Mention, recipient: Mention, names: [Int], mentions: [Mention], s: [Unicode.Scalar], doc: NewsDocument,
                segmentStart: Int, sentence: Range<Int>) -> Mention? {
        func candidate(_ x: Mention, floor: Int) -> Bool {
            guard x.type == .institution, let id = x.entityID, id != recipient.entityID else { return false }
            // Not the other of two recipients joined by 及 (X及Y獲撥款).
            if x.start >= recipient.end, FundingCues.isOne(of: cues.and, gap(s, recipient.end, x.start)) { return false }
            if x.end <= recipient.start, FundingCues.isOne(of: cues.and, gap(s, x.end, recipient.start)) { return false }
            var at = x.start
            while at > floor, Punctuation.quoteMarks.contains(s[at - 1]) { at -= 1 }
            return FundingCues.match(cues.give, in: s, endingAt: at, floor: floor) == nil
                && FundingCues.match(cues.to, in: s, endingAt: at, floor: floor) == nil
                && FundingCues.match(cues.notFunder, in: s, endingAt: at, floor: floor) == nil
                && FundingCues.match(cues.link, in: s, endingAt: at, floor: floor) == nil
                && FundingCues.match(cues.modifier, in: s, endingAt: at, floor: floor) == nil
        }
        // Names are in start order: walk back from the amount to the segment's start.
        let lo = Self.firstName(startingAtOrAfter: m.start, names, mentions)
        var k = lo - 1
        while k >= 0, lo - k <= maxLookBack, mentions[names[k]].start >= segmentStart {
            if mentions[names[k]].end <= m.start, candidate(mentions[names[k]], floor: segmentStart) { return mentions[names[k]] }
            k -= 1
        }
        // With no body named, a fund right before the give word is a body giving its own money
        // (晨興基金及晨興教育基金捐助港幣一億元): of two joined there, the first. (A body named
        // before it gives through it: 馬會…透過其慈善信託基金撥款.)
        if lo > 0, let g = FundingCues.match(cues.give, in: s, endingAt: m.start, floor: segmentStart) {
            let x = mentions[names[lo - 1]]
            if x.type == .programme, x.entityID != nil, x.entityID != recipient.entityID, x.end == m.start - g, x.start >= segmentStart {
                var first = x
                if lo > 1, case let p = mentions[names[lo - 2]], p.type == .programme, p.entityID != nil,
                   p.end <= x.start, p.start >= segmentStart, FundingCues.isOne(of: cues.and, gap(s, p.end, x.start)) { first = p }
                // 向創新及科技基金和賑災基金注資N元: after a `to` word the funds are what is given to, not givers.
                var at = first.start
                while at > segmentStart, Punctuation.quoteMarks.contains(s[at - 1]) { at -= 1 }
                if first.entityID != recipient.entityID, FundingCues.match(cues.to, in: s, endingAt: at, floor: segmentStart) == nil { return first }
            }
        }
        // Items of a list split by semicolons share the subject that opens the sentence
        // (特區政府…為醫管局提供…，包括…；在2022/23年度向醫管局提供額外撥款75億元).
        if segmentStart > sentence.lowerBound {
            var j = lo - 1
            while j >= 0, lo - j <= maxLookBack, mentions[names[j]].start >= segmentStart { j -= 1 }
            var first: Mention?
            while j >= 0, lo - j <= 2 * maxLookBack, mentions[names[j]].start >= sentence.lowerBound {
                if candidate(mentions[names[j]], floor: sentence.lowerBound) { first = mentions[names[j]] }
                j -= 1
            }
            if let first { return first }
        }
        var at = sentence.lowerBound
        while at < sentence.upperBound, s[at] == " " { at += 1 }
        if m.sentence > 0, FundingCues.match(cues.carry, in: s, at: at, limit: sentence.upperBound) != nil {
            let previous = doc.sentences[m.sentence - 1]
            var lo = Self.firstName(startingAtOrAfter: previous.lowerBound, names, mentions)
            let first = lo
            while lo < names.count, lo - first < maxLookBack, mentions[names[lo]].end <= previous.upperBound {
                if candidate(mentions[names[lo]], floor: previous.lowerBound) { return mentions[names[lo]] }
                lo += 1
            }
        }
        return nil
    }

    /// A body referred back to by a common word before the amount (委員會亦通過資助…): the
    /// last institution of this sentence or the two before whose name ends with that word
    /// (扶貧委員會), if any.
    func anaphorFunder(_ s: [Unicode.Scalar], from: Int, to: Int, names: [Int], mentions: [Mention], doc: NewsDocument,
                       sentence: Int, inName: [Bool], recipient: Mention) -> Mention? {
        var i = to - 1
        while i >= from {
            if let n = FundingCues.match(cues.funderAnaphor, in: s, at: i, limit: to), !inName.anyCovered(i, i + n) {
                let word = Array(s[i..<(i + n)])
                let floor = doc.sentences[max(0, sentence - 2)].lowerBound
                var k = Self.firstName(startingAtOrAfter: i, names, mentions) - 1
                while k >= 0, mentions[names[k]].start >= floor {
                    let x = mentions[names[k]]
                    if x.type == .institution, x.entityID != recipient.entityID, x.end - x.start > n,
                       s[(x.end - n)..<x.end].elementsEqual(word) { return x }
                    k -= 1
                }
                return nil
            }
            i -= 1
        }
        return nil
    }

    /// The last funder word (政府) of `s[from..<to]` that is not inside a name.
    func funderWord(_ s: [Unicode.Scalar], from: Int, to: Int, inName: [Bool]) -> TextSpan? {
        var i = to - 1
        while i >= from {
            if let n = FundingCues.match(cues.funderWord, in: s, at: i, limit: to), !inName.anyCovered(i, i + n),
               FundingCues.match(cues.to, in: s, endingAt: i, floor: from) == nil,
               FundingCues.match(cues.notFunder, in: s, endingAt: i, floor: from) == nil {
                return TextSpan(i, i + n)
            }
            i -= 1
        }
        return nil
    }

    /// The index in `names` (mention indices in start order) of the first name starting at or after `offset`.
    static func firstName(startingAtOrAfter offset: Int, _ names: [Int], _ mentions: [Mention]) -> Int {
        var lo = 0, hi = names.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[names[mid]].start < offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The purpose opened right after the recipient (`，以促進…`, `，資助…`), to its clause's end.
    func purpose(_ s: [Unicode.Scalar], from start: Int, limit: Int) -> TextSpan? {
        var at = start
        while at < limit, Punctuation.quoteMarks.contains(s[at]) || s[at] == " " { at += 1 }
        if at < limit, s[at] == "，" { at += 1 }
        let begin: Int, opener: Int
        if let n = FundingCues.match(cues.purposeMarker, in: s, at: at, limit: limit) {
            (begin, opener) = (at + n, 0)
        } else if let n = FundingCues.match(cues.purpose, in: s, at: at, limit: limit) {
            (begin, opener) = (at, n)
        } else {
            return nil
        }
        var end = begin
        while end < limit, end - begin < maxPurpose, !Punctuation.clauseEnds.contains(s[end]) { end += 1 }
        // A purpose says what for: a verb with nothing after it (撥款N元資助。) is none.
        if end - begin <= opener { return nil }
        return end > begin ? TextSpan(begin, end) : nil
    }

    /// In a list item, a sentence that holds only an amount, after give or lead words, is the
    /// end of the sentence before it: a table the paper turned into text, each row a measure,
    /// a full stop, then its money (`■ 「社區投資共享基金」。額外注資3億元`, `■ 向X注資。10億元`).
    /// The full stop between them reads as a space in `s`; the result maps the amount's
    /// sentence to the two sentences joined.
    func joinAmountSentences(_ doc: NewsDocument, _ s: inout [Unicode.Scalar], paragraphs: [Range<Int>], lists: [ListContext]) -> [Int: Range<Int>] {
        var joined: [Int: Range<Int>] = [:]
        let words = amountOpeners
        for m in doc.mentions where m.type == .money && m.sentence > 0 && m.sentence < doc.sentences.count {
            guard let p = Self.index(of: m.start, in: paragraphs), lists[p].isItem else { continue }
            let sentence = doc.sentences[m.sentence], previous = doc.sentences[m.sentence - 1]
            guard previous.lowerBound >= paragraphs[p].lowerBound, previous.upperBound == sentence.lowerBound || s[previous.upperBound..<sentence.lowerBound].allSatisfy({ $0 == " " }),
                  previous.upperBound > previous.lowerBound, s[previous.upperBound - 1] == "。" else { continue }
            var at = sentence.lowerBound
            while at < m.start {
                if s[at] == " " { at += 1; continue }
                guard let k = FundingCues.match(words, in: s, at: at, limit: m.start) else { break }
                at += k
            }
            var end = m.end
            while end < sentence.upperBound, s[end] == " " || Self.segmentEnds.contains(s[end]) { end += 1 }
            guard at == m.start, end == sentence.upperBound else { continue }
            s[previous.upperBound - 1] = " "
            joined[m.sentence] = previous.lowerBound..<sentence.upperBound
        }
        return joined
    }

    /// For each paragraph, what a list item in it takes from the headings above it: the
    /// year of a heading that is only a date (`2023年`), the body a caption names.
    func listContexts(_ doc: NewsDocument, _ paragraphs: [Range<Int>], _ order: [Int]) -> [ListContext] {
        let s = doc.scalars
        var out = [ListContext](repeating: ListContext(), count: paragraphs.count)
        var state = ListContext()
        var k = 0
        for (p, r) in paragraphs.enumerated() {
            var inside: [Mention] = []
            while k < order.count, doc.mentions[order[k]].start < r.upperBound {
                if doc.mentions[order[k]].start >= r.lowerBound { inside.append(doc.mentions[order[k]]) }
                k += 1
            }
            var first = r.lowerBound
            while first < r.upperBound, s[first] == " " { first += 1 }
            guard first < r.upperBound else { continue }
            if Self.listMarkers.contains(s[first]) {
                out[p] = state
                out[p].isItem = true
            } else if r.count <= headingMaxLength, !Punctuation.paragraphEnds.contains(s[r.upperBound - 1]) {
                let text = s[r].filter { $0 != " " }
                if let d = inside.first(where: { $0.type == .date }), d.end - d.start == text.count {
                    state.date = d
                } else {
                    state = ListContext(date: nil, funder: inside.first { $0.type == .institution && $0.entityID != nil })
                }
            } else {
                state = ListContext()
            }
        }
        return out
    }

    /// One fact per (recipient, amount): restatements merge, in the order stated; a
    /// shortened name of a recipient already stated with the same amount (`生命健康研發院`
    /// after `生命健康科技主題研究院`: same type, first two and last characters, one of them
    /// rule-made) is the same fact.
    func merge(_ statements: [Statement], _ doc: NewsDocument) -> [Fact] {
        var facts: [Fact] = []
        var index: [String: Int] = [:]
        // Recipients stated so far by type and amount, for the shortened-name test (a few per amount).
        var stated: [String: [(name: [Unicode.Scalar], id: String, fact: Int)]] = [:]
        for st in statements {
            let id = st.recipient.entityID!
            let name = Array(doc.scalars[st.recipient.start..<st.recipient.end]).filter { !Punctuation.quoteMarks.contains($0) }
            var amount = st.amount
            amount.currencySource = st.amount.currencySource
            let key = Fact.key(recipient: id, amount: amount)
            // Two lexicon entities are two bodies whatever their names; a rule-made name may shorten another.
            let ruleMade = { (id: String) in id.contains(":~") }
            let amountKey = "\(st.recipient.type.rawValue)|" + Fact.key(recipient: "", amount: amount)
            let existing = index[key] ?? stated[amountKey]?.prefix(maxLookBack).first(where: {
                (ruleMade($0.id) || ruleMade(id)) && Self.shortens($0.name, name)
            })?.fact
            let date = st.date.flatMap { d -> DateValue? in if case .date(let v) = d.value { return v } else { return nil } }
            if let f = existing {
                if facts[f].funder == nil, let fu = st.funder {
                    facts[f].funder = fu.entityID
                    facts[f].funderText = doc.text(of: fu)
                    facts[f].mentions.append(TextSpan(fu))
                } else if facts[f].funderText == nil, let w = st.funderWord {
                    facts[f].funderText = doc.slice(w.start, w.end)
                }
                if facts[f].dateSource != .text, let d = date, let dm = st.date {
                    facts[f].date = d
                    facts[f].dateSource = .text
                    facts[f].mentions.append(TextSpan(dm))
                    // The statement that dates the fact is the one to trace it to.
                    facts[f].evidence = Self.evidence(st)
                    facts[f].sentence = st.sentence
                    facts[f].mentions += [TextSpan(st.money), TextSpan(st.recipient)]
                }
                if facts[f].purpose == nil { facts[f].purpose = st.purpose.map { doc.slice($0.start, $0.end) } }
                index[key] = f
                continue
            }
            var used = [TextSpan(st.money), TextSpan(st.recipient)]
            if let fu = st.funder { used.append(TextSpan(fu)) }
            if let dm = st.date { used.append(TextSpan(dm)) }
            let published = doc.published.map { DateValue(start: $0, end: $0, granularity: .day) }
            let fact = Fact(recipient: id, recipientText: doc.text(of: st.recipient), funder: st.funder?.entityID,
                            funderText: st.funder.map { doc.text(of: $0) } ?? st.funderWord.map { doc.slice($0.start, $0.end) }, amount: amount,
                            date: date ?? published, dateSource: date != nil ? .text : (published != nil ? .published : nil),
                            purpose: st.purpose.map { doc.slice($0.start, $0.end) },
                            evidence: Self.evidence(st), sentence: st.sentence,
                            mentions: used)
            var withTotal = fact
            if let t = st.total, t.currency == amount.currency, t != amount { withTotal.partOf = t }
            index[key] = facts.count
            stated[amountKey, default: []].append((name, id, facts.count))
            facts.append(withTotal)
        }
        return facts.map { f in
            var f = f
            f.mentions = Array(Set(f.mentions)).sorted()
            return f
        }
    }

    /// From the funder (when the sentence names it) through the amount and the recipient.
    static func evidence(_ st: Statement) -> TextSpan {
        let starts = [st.money.start, st.recipient.start] + (st.funder.map { $0.start >= st.sentence.start ? [$0.start] : [] } ?? [])
        return TextSpan(starts.min()!, max(st.money.end, st.recipient.end))
    }

    /// Whether one name shortens the other: both at least four characters, the same first
    /// two and the same last character.
    static func shortens(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        a.count >= 4 && b.count >= 4 && a != b && a.prefix(2).elementsEqual(b.prefix(2)) && a.last == b.last
    }
}
