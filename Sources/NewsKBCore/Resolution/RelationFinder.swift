/// Links amounts to the programme or institution the same clause allocates them to
/// (`斥100億元推出的「產學研1+」計劃`, `X計劃獲撥款N元`), and programmes to the date
/// a sentence says they were announced (`2022年12月…提出了《藍圖》`).
public struct RelationFinder: DocumentStage {
    public let name = "relate.v1"
    let verbs: ScalarTrie<Bool>      // reversed
    let links: Set<String>
    let passives: [String]
    let announces: ScalarTrie<Bool>
    /// Words that may open a passive gap before its cue (額外, 將, 已), longest first.
    let leads: [String]
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
        self.links = links
        self.passives = passives
        self.announces = announces
        self.leads = leads.sorted { $0.count > $1.count }
        maxGap = try config.intOption("maxGap", default: 12)
    }

    static let clauseEnds = ScalarSet("，。；！？：\n,;!?".unicodeScalars)
    static let quotes = ScalarSet("「」『』《》〈〉“”\"".unicodeScalars)

    func clauseEnd(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        s[a..<b].contains(where: { Self.clauseEnds.contains($0) })
    }

    func gapText(_ doc: NewsDocument, _ a: Int, _ b: Int) -> String {
        String(String.UnicodeScalarView(doc.scalars[a..<b].filter { !Self.quotes.contains($0) }))
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        let s = doc.scalars
        let names = doc.mentions.filter { ($0.type == .programme || $0.type == .institution) && $0.entityID != nil }
        var facts: [Relation] = []
        for money in doc.mentions where money.type == .money {
            guard case .money(let value) = money.value else { continue }
            // Forward: [verb] amount [link] name.
            if let n = names.first(where: { $0.start >= money.end && $0.start - money.end <= maxGap }), !clauseEnd(s, money.end, n.start),
               !doc.mentions.contains(where: { $0.type == .money && $0.start >= money.end && $0.start < n.start }) {
                let gap = gapText(doc, money.end, n.start)
                let verbBefore = verbs.longestMatchEnding(in: s, at: money.start, floor: max(0, money.start - 6)) != nil
                    || (money.start >= 2 && verbs.longestMatchEnding(in: s, at: money.start - 2, floor: max(0, money.start - 8)) != nil)
                if gap.isEmpty || links.contains(gap) || (verbBefore && links.contains(where: { gap.hasSuffix($0) })) {
                    facts.append(fact(doc, n, value, min(money.start, n.start), max(money.end, n.end)))
                    continue
                }
            }
            // Passive: name [獲撥款] amount.
            if let n = names.last(where: { $0.end <= money.start && money.start - $0.end <= maxGap }), !clauseEnd(s, n.end, money.start) {
                // The cue opens the gap, after at most a 的 or an auxiliary: X獲撥款N元, X的預算為N元.
                var gap = gapText(doc, n.end, money.start)
                var trimmed = true
                while trimmed {
                    trimmed = false
                    for lead in leads where gap.hasPrefix(lead) && gap.count > lead.count {
                        gap.removeFirst(lead.count)
                        trimmed = true
                        break
                    }
                }
                if passives.contains(where: { gap.hasPrefix($0) }) {
                    facts.append(fact(doc, n, value, n.start, money.end))
                }
            }
        }
        // announced_on: date … announce verb … programme, in one sentence.
        for p in doc.mentions where p.type == .programme {
            guard let id = p.entityID else { continue }
            let sentence = p.sentence
            guard let d = doc.mentions.last(where: { $0.type == .date && $0.sentence == sentence && $0.end <= p.start }),
                  case .date(let dv) = d.value, [.day, .month, .part].contains(dv.granularity) else { continue }
            if p.start - d.end <= 40, (d.end..<p.start).contains(where: { announces.longestMatch(in: s, at: $0, limit: p.start) != nil }) {
                facts.append(Relation(type: "announced_on", subject: id, subjectText: doc.text(of: p), object: .date(dv), evidenceStart: d.start, evidenceEnd: p.end))
            }
        }
        doc.relations.append(contentsOf: facts)
    }

    func fact(_ doc: NewsDocument, _ n: Mention, _ v: MoneyValue, _ a: Int, _ b: Int) -> Relation {
        Relation(type: "funding", subject: n.entityID!, subjectText: doc.text(of: n), object: .money(v), evidenceStart: a, evidenceEnd: b)
    }
}
