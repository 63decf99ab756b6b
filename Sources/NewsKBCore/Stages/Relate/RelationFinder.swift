/// Links amounts to the programme or institution the same clause allocates them to
/// (`斥100億元推出的「產學研1+」計劃`, `X計劃獲撥款N元`), and programmes to the date
/// a sentence says they were announced (`2022年12月…提出了《藍圖》`).
public struct RelationFinder: DocumentStage {
    public static let stageName = "relate.v1"
    public static let requires: Set<AnnotationKey> = [.entities, .money, .dates, .sentences]
    public static let assigns: Set<AnnotationKey> = [.relations]
    let verbs: ScalarTrie<Bool>      // reversed
    /// Words that may stand between an amount and its name (的, 推出的), as scalars.
    let links: [[Unicode.Scalar]]
    let passives: [[Unicode.Scalar]]
    let announces: ScalarTrie<Bool>
    /// Words that may open a passive gap before its cue (額外, 將, 已), longest first.
    let leads: [[Unicode.Scalar]]
    /// The most characters between an amount and its name.
    let maxGap: Int

    public init(config: StageConfig, pipeline: PipelineDefinition, lexicons: LexiconCache) throws {
        let t = try lexicons.table(config, endingWith: "relation-cues.tsv")
        let (r, s) = (try t.column("role"), try t.column("surface"))
        var verbs = ScalarTrie<Bool>()
        var links = Set<String>(), passives: [String] = [], leads: [String] = []
        var announces = ScalarTrie<Bool>()
        for row in t.rows {
            for v in NameKey.scriptVariants(t.cell(row, s)) {
                switch t.cell(row, r) {
                case "verb": verbs.insert(v.unicodeScalars.reversed(), true)
                case "link": links.insert(v)
                case "passive": passives.append(v)
                case "announce": announces.insert(v.unicodeScalars, true)
                case "lead": leads.append(v)
                case let other: throw NewsKBError.lexicon("\(t.path): unknown role \(other)")
                }
            }
        }
        self.verbs = verbs
        self.links = links.map { Array($0.unicodeScalars) }
        self.passives = passives.map { Array($0.unicodeScalars) }
        self.announces = announces
        self.leads = leads.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
        maxGap = try config.intOption("maxGap", default: 12)
    }

    static let clauseEnds = Punctuation.clauseEnds
    static let quotes = Punctuation.quoteMarks

    func clauseEnd(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        s[a..<b].contains(where: { Self.clauseEnds.contains($0) })
    }

    /// The characters between two mentions, quote marks left out.
    func gap(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> [Unicode.Scalar] {
        s[a..<b].filter { !Self.quotes.contains($0) }
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        let s = doc.scalars
        let mentions = doc.mentions
        // Mentions never overlap; in start order, their ends are in order too.
        let order = mentions.indices.sorted { mentions[$0].start < mentions[$1].start }
        func isName(_ k: Int) -> Bool {
            let t = mentions[k].type
            return (t == .programme || t == .institution) && mentions[k].entityID != nil
        }
        var facts: [Relation] = []
        for (pos, mi) in order.enumerated() where mentions[mi].type == .money {
            guard case .money(let value) = mentions[mi].value else { continue }
            let (mStart, mEnd) = (mentions[mi].start, mentions[mi].end)
            // Forward: [verb] amount [link] name, with no other amount between.
            var next = pos + 1
            while next < order.count, !isName(order[next]), mentions[order[next]].type != .money,
                  mentions[order[next]].start - mEnd <= maxGap { next += 1 }
            if next < order.count, isName(order[next]), case let n = mentions[order[next]], n.start - mEnd <= maxGap, !clauseEnd(s, mEnd, n.start) {
                let between = gap(s, mEnd, n.start)
                let verbBefore = verbs.longestMatchEnding(in: s, at: mStart, floor: max(0, mStart - 6)) != nil
                    || (mStart >= 2 && verbs.longestMatchEnding(in: s, at: mStart - 2, floor: max(0, mStart - 8)) != nil)
                if between.isEmpty || links.contains(between)
                    || (verbBefore && links.contains(where: { between.count >= $0.count && between.suffix($0.count).elementsEqual($0) })) {
                    facts.append(fact(doc, n, value, min(mStart, n.start), max(mEnd, n.end)))
                    continue
                }
            }
            // Passive: name [獲撥款] amount.
            var prev = pos - 1
            while prev >= 0, !isName(order[prev]), mStart - mentions[order[prev]].end <= maxGap { prev -= 1 }
            if prev >= 0, isName(order[prev]), case let n = mentions[order[prev]], mStart - n.end <= maxGap, !clauseEnd(s, n.end, mStart) {
                // The cue opens the gap, after at most a 的 or an auxiliary: X獲撥款N元, X的預算為N元.
                let between = gap(s, n.end, mStart)
                var at = 0
                var trimmed = true
                while trimmed {
                    trimmed = false
                    for lead in leads where between.count - at > lead.count && between[at...].starts(with: lead) {
                        at += lead.count
                        trimmed = true
                        break
                    }
                }
                if passives.contains(where: { between[at...].starts(with: $0) }) {
                    facts.append(fact(doc, n, value, n.start, mEnd))
                }
            }
        }
        // announced_on: date … announce verb … programme, in one sentence.
        for (pos, pi) in order.enumerated() where mentions[pi].type == .programme {
            guard let id = mentions[pi].entityID else { continue }
            let p = mentions[pi]
            var prev = pos - 1
            while prev >= 0, mentions[order[prev]].type != .date || mentions[order[prev]].sentence != p.sentence {
                if mentions[order[prev]].sentence < p.sentence { prev = -1; break }
                prev -= 1
            }
            guard prev >= 0, case let d = mentions[order[prev]], case .date(let dv) = d.value,
                  [.day, .month, .partOfMonth].contains(dv.granularity) else { continue }
            // The verb must be the sentence's, not a modifier's: in 斥100億元推出的「產學研1+」計劃公布了…
            // the date is the 公布's, and 推出的 only describes the programme.
            let announced = (d.end..<p.start).contains { at in
                guard let hit = announces.longestMatch(in: s, at: at, limit: p.start) else { return false }
                return hit.end >= p.start || s[hit.end] != "的"
            }
            if p.start - d.end <= 40, announced {
                facts.append(Relation(type: .announcedOn, subject: id, subjectText: doc.text(of: p), object: .date(dv), evidenceStart: d.start, evidenceEnd: p.end))
            }
        }
        doc.relations.append(contentsOf: facts)
    }

    func fact(_ doc: NewsDocument, _ n: Mention, _ v: MoneyValue, _ a: Int, _ b: Int) -> Relation {
        Relation(type: .funding, subject: n.entityID!, subjectText: doc.text(of: n), object: .money(v), evidenceStart: a, evidenceEnd: b)
    }
}
