/// Finds institutions and programmes two ways: the curated lexicon (every alias, both
/// scripts, quote marks ignored) and suffix rules over ICU words for names it lacks
/// (…辦公室, …研發院, …計劃), with the left edge set by tokens and stop words.
/// A rule name that begins with a lexicon institution keeps the whole name
/// (香港中文大學工程學院) and records what it is part of.
public struct NameRecognizer: DocumentStage {
    public static let stageName = "recognise.names.v1"
    /// Amounts and dates too: a name never overlaps one, so it must run after both (moving it
    /// before them in a pipeline file is refused, not a silent change of output).
    public static let requires: Set<AnnotationKey> = [.text, .tokens, .sentences, .money, .dates]
    /// Names, and the `part_of` relation of a name that begins with a known body.
    public static let assigns: Set<AnnotationKey> = [.names, .relations]
    public let lexicon: NameLexicon
    let rules: NameRules
    /// How many short names defined in brackets (「防疫抗疫基金」（基金）) a document may have.
    let maxAliases: Int
    /// The shortest head before a suffix in a name that fills a quotation (option `quotedMinHead`).
    let quotedMinHead: Int
    /// Marks that stand inside a transliterated or Latin name, between two words with no space
    /// (the option `nameInnerMarks`: 喬治·梅森大學, Frito-Lay公司).
    let innerMarks: Set<Unicode.Scalar>
    /// The most words a head of general words only may hold and still be no name (option `genericHeadMaxWords`).
    let genericHeadMaxWords: Int
    /// Measure words (optional `name-measure-words.txt`): after a number, what follows is a count of
    /// things, no name; a number and one of them is a count word, which ends a name on the left.
    let measureWords: ScalarSet
    /// Foreign countries (`name-countries.txt`), reversed, to find one ending where a name starts.
    let countries: ScalarTrie<Bool>
    /// A body's own country or region before its name (optional `name-home-prefixes.tsv`), reversed: prefix → region.
    let homePrefixes: ScalarTrie<String>
    /// Aliases that are a kind of body as much as a name (optional `name-bare-aliases.txt`: 理工大學,
    /// 最高法院): alone they are the lexicon's body; after a name of its own (哈爾濱理工大學) the whole
    /// is another body, which the rules name.
    let bareAliases: ScalarTrie<Bool>
    /// Nouns that open with a verb (optional `name-verb-nouns.txt`: 代表大會, 保護區): inside a head
    /// the verb in one is no verb, so the left edge is not cut after it.
    let verbNouns: ScalarTrie<Bool>
    /// Bodies named by a number (optional `name-congresses.tsv`: 十五大, 中共十五大).
    let congresses: NameCongresses?
    /// Office titles that open with the one-character suffix of the body they head (optional
    /// `name-office-titles.txt`: 部長, 局長): the segmenter makes one word of 農林|部長, and the
    /// body's name (農林部) ends inside it.
    let officeTitles: ScalarTrie<Bool>
    /// Stock markets a code in brackets may name (optional `name-stock-markets.txt`: HK, SH, SZ),
    /// upper case: a listed company stands before its code (StockCodeNames.swift).
    let stockMarkets: Set<String>
    /// The longest name before a stock code (option `maxStockNameLength`).
    let maxStockNameLength: Int
    /// Characters by what they do in a name (`name-marks.tsv`: joiners, function characters,
    /// aspect marks, count openers).
    let marks: NameMarks

    public init(config: StageConfig, pipeline: PipelineDefinition, lexicons: LexiconCache) throws {
        let variants = try lexicons.table(config, endingWith: "hk-variants.tsv")
        let folder = try NameFolder(table: variants)
        let progPath = try lexicons.path(config, endingWith: "programmes.tsv")
        let instPath = try lexicons.path(config, endingWith: "institutions.tsv")
        let progs = try lexicons.table(config, endingWith: "programmes.tsv")
        let insts = try lexicons.table(config, endingWith: "institutions.tsv")
        lexicon = try lexicons.shared("names:" + progPath + ":" + instPath) {
            try NameLexicon(tables: [(progs, .programme), (insts, .institution)], folder: folder)
        }
        let marks = try NameMarks(lexicons.table(config, endingWith: "name-marks.tsv"))
        self.marks = marks
        rules = try NameRules(rules: lexicons.table(config, endingWith: "name-rules.tsv"),
                              stopWords: TSVTable.lines(path: lexicons.path(config, endingWith: "name-stopwords.txt")),
                              genericWords: TSVTable.lines(path: lexicons.path(config, endingWith: "name-generic.txt")),
                              notBefore: TSVTable.lines(path: lexicons.path(config, endingWith: "name-not-before.txt")),
                              notStart: TSVTable.lines(path: lexicons.path(config, endingWith: "name-not-start.txt")),
                              headVerbs: TSVTable.lines(path: lexicons.path(config, endingWith: "name-head-verbs.txt")),
                              leftStops: Self.leftStops(config, lexicons), knownNames: Array(lexicon.byKey.keys), walkWords: marks.walk,
                              wordEndings: Self.wordEndings(config, lexicons),
                              folder: folder, maxLength: config.intOption("maxRuleNameLength", default: 16))
        maxAliases = try config.intOption("maxBracketAliases", default: 16)
        quotedMinHead = try config.intOption("quotedMinHead", default: 2)
        innerMarks = Set((config.options?["nameInnerMarks"] ?? "").unicodeScalars)
        genericHeadMaxWords = try config.intOption("genericHeadMaxWords", default: 2)
        var countries = ScalarTrie<Bool>(folding: .names(folder))
        for v in try Self.optionalWords(config, lexicons, "name-countries.txt") { countries.insert(v.unicodeScalars.reversed(), true) }
        self.countries = countries
        var home = ScalarTrie<String>(folding: .names(folder))
        if config.listsLexicon(endingWith: "name-home-prefixes.tsv") {
            let table = try lexicons.table(config, endingWith: "name-home-prefixes.tsv")
            let (p, r) = (try table.column("prefix"), try table.column("region"))
            for row in table.rows {
                for v in NameKey.scriptVariants(table.cell(row, p)) { home.insert(v.unicodeScalars.reversed(), table.cell(row, r).uppercased()) }
            }
        }
        self.homePrefixes = home
        func words(_ file: String) throws -> ScalarTrie<Bool> {
            var trie = ScalarTrie<Bool>(folding: .names(folder))
            for v in try Self.optionalWords(config, lexicons, file) { trie.insert(v.unicodeScalars, true) }
            return trie
        }
        self.bareAliases = try words("name-bare-aliases.txt")
        self.verbNouns = try words("name-verb-nouns.txt")
        self.officeTitles = try words("name-office-titles.txt")
        self.measureWords = ScalarSet(try Self.optionalWords(config, lexicons, "name-measure-words.txt").flatMap(\.unicodeScalars))
        stockMarkets = Set(try Self.optionalWords(config, lexicons, "name-stock-markets.txt").map { $0.uppercased() })
        maxStockNameLength = try config.intOption("maxStockNameLength", default: 10)
        congresses = config.listsLexicon(endingWith: "name-congresses.tsv")
            ? try NameCongresses(table: lexicons.table(config, endingWith: "name-congresses.tsv"), folder: folder) : nil
    }

    /// The words of an optional one-column list the stage names (`file`), each in every script
    /// variant (the files are written in Traditional forms); none when the stage lists no such file.
    static func optionalWords(_ config: StageConfig, _ lexicons: LexiconCache, _ file: String) throws -> [String] {
        guard config.listsLexicon(endingWith: file) else { return [] }
        return try TSVTable.lines(path: lexicons.path(config, endingWith: file)).flatMap(NameKey.scriptVariants)
    }

    /// The words of the optional `name-word-endings.txt` (columns word, class).
    static func wordEndings(_ config: StageConfig, _ lexicons: LexiconCache) throws -> [String] {
        guard config.listsLexicon(endingWith: "name-word-endings.txt") else { return [] }
        let table = try lexicons.table(config, endingWith: "name-word-endings.txt")
        let w = try table.column("word")
        return table.rows.map { table.cell($0, w) }
    }

    /// The words of the optional `name-left-stops.txt` (columns word, class), each with whether
    /// it is a verb (class `v`), those of the optional `name-time-words.txt` (原, 現: a body as
    /// it was or is), which are no verbs, and the verbs of the optional `name-left-verbs.txt`.
    static func leftStops(_ config: StageConfig, _ lexicons: LexiconCache) throws -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        if config.listsLexicon(endingWith: "name-left-stops.txt") {
            let table = try lexicons.table(config, endingWith: "name-left-stops.txt")
            let (w, c) = (try table.column("word"), try table.column("class"))
            out = table.rows.map { (table.cell($0, w), table.cell($0, c) == "v") }
        }
        // Hand-made lists: words of time (no verbs) and the verbs the dictionary list leaves out.
        for (file, verb) in [("name-time-words.txt", false), ("name-left-verbs.txt", true)] {
            out += try optionalWords(config, lexicons, file).map { ($0, verb) }
        }
        return out
    }

    struct Candidate {
        var start: Int
        var end: Int
        var type: MentionType
        /// The lexicon entry (an index into ``NameLexicon/entries``) for a lexicon match.
        var entry: Int?
        /// For a rule name that begins with a lexicon institution: that institution.
        var partOf: Int?
        /// For a short name the document defined in brackets: where the name it stands for starts.
        var aliasOf: Int? = nil
        /// For a rule name that ends in a bare alias (哈爾濱|理工大學): where that alias starts.
        var overBare: Int? = nil
        /// The entity's name where it is not the text (a congress: 十五大 is 中共十五大).
        var name: String? = nil
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        let s = doc.scalars
        let boundaries = TokenBoundaries(flags: doc.isTokenBoundary)
        let lexical = lexiconMatches(s, boundaries: boundaries, published: doc.published, region: doc.region)
        // Code points of amounts and dates already found, and of the names chosen so far:
        // every overlap test is a look at the code points of one name, whatever the count.
        var taken = [Bool](repeating: false, count: s.count + 1)
        for m in doc.mentions { taken.cover(m.start, m.end) }
        var chosenCover = [Bool](repeating: false, count: s.count + 1)
        var chosen: [Candidate] = []
        let ruled = ruleMatches(doc, boundaries: boundaries, lexical: lexical, taken: taken)
            + stockCodeMatches(doc, boundaries: boundaries, lexical: lexical, taken: taken)
        var covered = [Bool](repeating: false, count: lexical.count)
        // Congresses first: 中共 inside 中共十五大 is no mention of the party of its own.
        for m in congresses?.matches(in: s, boundaries: boundaries) ?? [] where !taken.anyCovered(m.start, m.end) {
            for k in Self.overlapping(lexical, m.start, m.end) { covered[k] = true }
            chosen.append(Candidate(start: m.start, end: m.end, type: .institution, entry: nil, partOf: nil, name: m.name))
            chosenCover.cover(m.start, m.end)
        }
        // Rule names that contain a lexicon match at their start win over it; others yield.
        for r in ruled where !taken.anyCovered(r.start, r.end) && !chosenCover.anyCovered(r.start, r.end) {
            let near = Self.overlapping(lexical, r.start, r.end)
            var crossing = false, endsInside = false
            for k in near {
                let l = lexical[k]
                if r.start <= l.start && l.end <= r.end {
                    if l.start > r.start && l.end == r.end && l.start != r.overBare { endsInside = true }
                } else {
                    crossing = true
                }
            }
            if crossing || endsInside { continue }
            for k in near { covered[k] = true }
            chosen.append(r)
            chosenCover.cover(r.start, r.end)
        }
        for (i, l) in lexical.enumerated() where !covered[i] {
            if taken.anyCovered(l.start, l.end) || chosenCover.anyCovered(l.start, l.end) { continue }
            chosen.append(l)
            chosenCover.cover(l.start, l.end)
        }
        chosen.sort { $0.start < $1.start }
        chosen = chosen.map { foreignBody($0, s, boundaries: boundaries, taken: taken, cover: &chosenCover) }
        chosen += bracketAliases(s, chosen: chosen, boundaries: boundaries, taken: taken, cover: &chosenCover)
        chosen.sort { $0.start < $1.start }
        var cleanNames: [Int: String] = [:]   // chosen index → its name, for the aliases that stand for it
        for (ci, c) in chosen.enumerated() {
            let text = doc.slice(c.start, c.end)
            // The name as written, without quote marks and spaces; an alias the document
            // defined stands for the name it defined it for.
            let clean = c.name ?? c.aliasOf.flatMap { a in chosen.firstIndex { $0.start == a }.flatMap { cleanNames[$0] } }
                ?? (doc.scalars[c.start..<c.end].contains(where: NameFolder.transparent.contains) ? lexicon.folder.stripped(text) : text)
            cleanNames[ci] = clean
            var m = Mention(type: c.type, start: c.start, end: c.end,
                            value: .name(NameValue(lexiconID: c.entry.map { lexicon.entries[$0].id }, name: clean, method: c.entry != nil ? .lexicon : .rule)))
            m.sentence = doc.sentenceIndex(at: c.start)
            if let p = c.partOf {
                doc.relations.append(Relation(type: .partOf, subject: "", subjectText: clean, object: .entity(lexicon.entries[p].id), evidenceStart: c.start, evidenceEnd: c.end))
            }
            doc.mentions.append(m)
        }
        doc.mentions.sort { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// A national body of the lexicon right after a foreign country's name (印度|外交部, 英國|內政部)
    /// is that country's body: the name takes the country and no longer stands for the lexicon's
    /// body, unless the lexicon's own name begins with that country (美國|聯儲局 is still the Fed).
    /// Only bodies ending in a suffix rule's word (部, 局, 委員會…): 聯合國 and 歐盟 never take one.
    func foreignBody(_ c: Candidate, _ s: [Unicode.Scalar], boundaries: TokenBoundaries, taken: [Bool], cover: inout [Bool]) -> Candidate {
        guard let e = c.entry, c.type == .institution, c.aliasOf == nil, boundaries.contains(c.start),
              let country = countries.longestMatchEnding(in: s, at: c.start, floor: max(0, c.start - 8)),
              boundaries.contains(country.start), !taken.anyCovered(country.start, c.start), !cover.anyCovered(country.start, c.start),
              rules.suffix(in: s, endingAt: c.end, floor: c.start) != nil else { return c }
        let countryName = String(String.UnicodeScalarView(s[country.start..<c.start]))
        let entry = lexicon.entries[e]
        let own = NameKey.scriptVariants(countryName).contains { entry.name.hasPrefix($0) || entry.nameHans.hasPrefix($0) }
        var out = c
        out.start = country.start
        if !own { out.entry = nil }
        cover.cover(country.start, c.start)
        return out
    }

    static let aliasPrefixes: [[Unicode.Scalar]] = ["以下簡稱", "以下简称", "下稱", "下称", "簡稱", "简称"].map { Array($0.unicodeScalars) }

    /// A short name the document defines in brackets right after a name (`「防疫抗疫基金」（基金）`,
    /// `（下稱「基金」）`): its later whole-word occurrences are that name too.
    func bracketAliases(_ s: [Unicode.Scalar], chosen: [Candidate], boundaries: TokenBoundaries, taken: [Bool], cover: inout [Bool]) -> [Candidate] {
        var out: [Candidate] = []
        var defined = 0   // each definition scans the rest of the text once: a few per document
        for c in chosen where c.aliasOf == nil && defined < maxAliases {
            var open = c.end
            while open < s.count, Punctuation.quoteMarks.contains(s[open]) { open += 1 }
            guard open < s.count, s[open] == "（" || s[open] == "(" else { continue }
            guard let close = (open + 1..<min(s.count, open + 16)).first(where: { s[$0] == "）" || s[$0] == ")" }) else { continue }
            var a = open + 1
            var declared = false   // 下稱, 簡稱: the writer says it is a short name
            for p in Self.aliasPrefixes where close - a > p.count && s[a..<(a + p.count)].elementsEqual(p) { a += p.count; declared = true; break }
            var inner = Array(s[a..<close])
            inner.removeAll { Punctuation.quoteMarks.contains($0) }
            guard (2...8).contains(inner.count), inner.allSatisfy({ Scalars.isHan($0) || Scalars.isASCIILetter($0) }) else { continue }
            // Unless the writer says so (（下稱「本基金」）), a Chinese short name takes its characters
            // from the name, in order (香港中文大學（中大）, 醫院管理局（醫管局）); other words in brackets
            // say something else, such as where the body is (英商麥加利銀行（青島路口）).
            if !declared, Scalars.isHan(inner[0]), !Self.isAbbreviation(inner, of: s[c.start..<c.end]) { continue }
            defined += 1
            var i = close + 1
            while i + inner.count <= s.count {
                if s[i] == inner[0], s[i..<(i + inner.count)].elementsEqual(inner), boundaries.contains(i), boundaries.contains(i + inner.count),
                   !taken.anyCovered(i, i + inner.count), !cover.anyCovered(i, i + inner.count) {
                    out.append(Candidate(start: i, end: i + inner.count, type: c.type, entry: c.entry, partOf: nil, aliasOf: c.start))
                    cover.cover(i, i + inner.count)
                    i += inner.count
                } else {
                    i += 1
                }
            }
        }
        return out
    }

    /// Whether every character of `short` is in `name`, in the same order.
    static func isAbbreviation(_ short: [Unicode.Scalar], of name: ArraySlice<Unicode.Scalar>) -> Bool {
        var i = name.startIndex
        for c in short {
            guard let j = name[i...].firstIndex(of: c) else { return false }
            i = j + 1
        }
        return true
    }

    /// The indices of `lexical` (in text order, ends increasing) that overlap `start..<end`:
    /// found by binary search, so a document's cost stays linear in its names.
    static func overlapping(_ lexical: [Candidate], _ start: Int, _ end: Int) -> Range<Int> {
        var lo = 0, hi = lexical.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lexical[mid].end <= start { lo = mid + 1 } else { hi = mid }
        }
        var k = lo
        while k < lexical.count && lexical[k].start < end { k += 1 }
        return lo..<k
    }

    /// Leftmost-longest lexicon matches, with guards for short and Latin aliases.
    func lexiconMatches(_ s: [Unicode.Scalar], boundaries: TokenBoundaries, published: CivilDate?, region: String?) -> [Candidate] {
        var out: [Candidate] = []
        var i = 0
        while i < s.count {
            guard let m = lexicon.trie.longestMatch(in: s, at: i) else { i += 1; continue }
            var start = i
            let end = m.end
            // Quote marks are transparent in names, but a match never opens a quotation it does not
            // close: 香港《大公報》 holds 港《大, which is no 港大.
            if let o = (start..<end).first(where: { Self.pairs[s[$0]] != nil }), let close = Self.pairs[s[o]], !s[(o + 1)..<end].contains(close) {
                i += 1; continue
            }
            let length = s[start..<end].reduce(0) { $0 + (NameFolder.transparent.contains($1) ? 0 : 1) }
            let latin = Scalars.isASCIILetter(s[start])
            if latin {
                // A Latin alias is a whole word: HKU is not the start of HKUST.
                if start > 0, Scalars.isASCIILetter(s[start - 1]) || (end < s.count && Scalars.isASCIILetter(s[end]) && Scalars.isASCIILetter(s[end - 1])) {
                    i += 1; continue
                }
            } else if length <= 2, !(boundaries.contains(start) && boundaries.contains(end)) {
                // Two-character aliases (中大, 港大) only as whole words.
                i += 1; continue
            }
            // 金美·麥當勞: a Chinese alias right after a name's inner mark (nameInnerMarks) is the
            // second half of a transliterated person's name (a surname such as McDonald), no body.
            if !latin, start > 1, innerMarks.contains(s[start - 1]), Scalars.isHan(s[start - 2]) {
                i += 1; continue
            }
            // 司法部門: a known name whose end falls inside a word, where what follows is one of
            // name-not-before.txt's words (部|門), is only the start of that word.
            if !latin, end < s.count, !boundaries.contains(end), let nb = rules.notBefore.longestMatch(in: s, at: end),
               boundaries.contains(nb.end) || nb.end == s.count {
                i += 1; continue
            }
            // Include an opening quote when the closing one falls inside: 「產學研1+」計劃.
            if start > 0, let open = Self.pairs[s[start - 1]], s[start..<end].contains(open) { start -= 1 }
            var entry = lexicon.chooseIndex(m.payload, published: published, region: region)
            // 中華人民共和國國務院, 中國外交部: the body's own country before it is part of the mention.
            if lexicon.entries[entry].type == .institution, boundaries.contains(start),
               let home = homePrefixes.longestMatchEnding(in: s, at: start, floor: max(0, start - 8)), boundaries.contains(home.start),
               out.last.map({ $0.end <= home.start }) ?? true {
                let own = lexicon.chooseIndex(m.payload, published: published, region: home.payload)
                if lexicon.entries[own].region == nil || lexicon.entries[own].region == home.payload {
                    entry = own
                    start = home.start
                }
            }
            out.append(Candidate(start: start, end: end, type: lexicon.entries[entry].type, entry: entry))
            i = end
        }
        return out
    }

    /// Whether s[a..<b] is exactly a foreign country (`name-countries.txt`) or a home region (`name-home-prefixes.tsv`).
    func isPlace(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        countries.longestMatchEnding(in: s, at: b, floor: a)?.start == a || homePrefixes.longestMatchEnding(in: s, at: b, floor: a)?.start == a
    }
    static let englishJoiners: Set<String> = ["and", "of", "for", "&", "on", "the"]

    /// An English name: capitalised words (and, of, for between them) ending in a suffix word,
    /// each separated by one space (Technology Talent Admission Scheme).
    func englishName(_ s: [Unicode.Scalar], tokens: [Token], suffixToken ti: Int, suffixStart: Int, end: Int, type: MentionType, lexical: [Candidate]) -> Candidate? {
        // The suffix must be a whole capitalised word.
        guard tokens[ti].start == suffixStart, s[suffixStart].properties.isUppercase, end == tokens[ti].end else { return nil }
        var start = suffixStart
        var k = ti - 1
        var words = 0
        while k >= 0 {
            let t = tokens[k]
            guard t.isWord, t.end == start - 1, s[start - 1] == " ", t.end - t.start <= 20 else { break }
            let text = String(String.UnicodeScalarView(s[t.start..<t.end]))
            let capitalised = s[t.start].properties.isUppercase || Scalars.digit(s[t.start]) != nil
            if !capitalised && !Self.englishJoiners.contains(text.lowercased()) { break }
            start = t.start
            if capitalised { words += 1 }
            k -= 1
        }
        // Never start on a joining word.
        while start < suffixStart, let sp = s[start..<suffixStart].firstIndex(of: " "),
              Self.englishJoiners.contains(String(String.UnicodeScalarView(s[start..<sp])).lowercased()) {
            start = sp + 1
        }
        guard words >= 1, start < suffixStart else { return nil }
        if !Self.overlapping(lexical, start, end).isEmpty { return nil }
        return Candidate(start: start, end: end, type: type, entry: nil, partOf: nil)
    }

    /// Moves `start` past the last stop word of two or more characters inside the head.
    /// A known name (`known(i)`: where a lexicon match starting at i ends) is never cut into
    /// (聯合國|秘書處: 聯合 is a stop word).
    func cutAfterStopWords(_ s: [Unicode.Scalar], from start: Int, to limit: Int, programme: Bool, known: (Int) -> Int?) -> Int {
        var cut = start
        var i = start
        while i < limit {
            if let e = known(i), e <= limit {
                i = e
            } else if let m = rules.stopWords.longestMatch(in: s, at: i, limit: limit), m.end - i >= 2,
               !(m.end == limit && rules.isHeadVerb(s, i, m.end, institution: !programme)) {
                cut = m.end
                i = m.end
            } else {
                i += 1
            }
        }
        return cut
    }

    /// Moves `start` past the last verb, preposition, conjunction, adverb or pronoun of the head
    /// that is a whole word there (戰勝|巴西隊, 據|南通社, 意味着|中國男隊). A verb right before the
    /// suffix is the head's own word (組織|部, 宣傳|部) and stays; so do verbs inside a programme's
    /// name, which describes what it does (綠色成長淨零產業方案, 原住民保留地禁伐補償計畫): `verbs`
    /// is false for those.
    /// A known name (`known(i)`: where a lexicon match starting at i ends) is never cut into (立法會|衞生事務委員會).
    /// A suffix that names a body alone (`bareSuffix`: min_head 0, 召開|縣委) keeps no verb before it.
    /// A noun that opens with a verb (``verbNouns``: 人民代表大會, 自然保護區) is not cut into.
    func cutAfterLeftStops(_ s: [Unicode.Scalar], from start: Int, to limit: Int, boundaries: TokenBoundaries, verbs: Bool,
                           bareSuffix: Bool = false, known: (Int) -> Int?) -> Int {
        var cut = start
        var i = start
        while i < limit {
            if let e = known(i), e <= limit {
                i = e
            } else if let n = verbNouns.longestMatch(in: s, at: i, limit: limit) {
                i = n.end
            } else if boundaries.contains(i), let m = rules.leftStops.longestMatch(in: s, at: i, limit: limit),
               case let end = m.payload && m.end + 1 < limit && marks.aspect.contains(s[m.end]) && boundaries.contains(m.end + 1) ? m.end + 1 : m.end,
               boundaries.contains(end), !(m.payload && ((end == limit && !bareSuffix && !(end - i == 1 && i - start >= 2 && !boundaries.contains(i - 1))) || !verbs)) {
                // A verb with its aspect mark in one word (伴隨着|耐克公司, 收購了|…) is the verb.
                // A one-character verb right before the suffix is cut too, after a word of two
                // characters or more (香港|上|大學: attends one), not after a lone one (雲|想|集團).
                cut = end
                i = end
            } else {
                i += 1
            }
        }
        return cut
    }

    /// The document's tokens with each office title (``officeTitles``) that follows a word of two
    /// characters or more cut after its first character, which is a body's suffix: 芬蘭|農林|部長
    /// reads 芬蘭|農林|部|長. Not after a known name (保安局|局長 is the bureau and its head) nor after
    /// a word ending in the same character (該局|局長), nor after one character (副|局長), nor after a
    /// word of appointment (歷任|團長: name-marks.tsv's `appointment` characters).
    func splittingOfficeTitles(_ doc: NewsDocument, _ boundaries: TokenBoundaries, lexical: [Candidate]) -> ([Token], TokenBoundaries) {
        let s = doc.scalars
        var cuts: [Int] = []
        for (k, t) in doc.tokens.enumerated() where k > 0 && t.isWord && t.end - t.start >= 2 {
            guard officeTitles.longestMatch(in: s, at: t.start, limit: t.end)?.end == t.end else { continue }
            let before = doc.tokens[k - 1]
            guard before.isWord, before.end == t.start, before.end - before.start >= 2, s[t.start - 1] != s[t.start],
                  !marks.appointment.contains(s[t.start - 1]),
                  !lexical.contains(where: { $0.end == t.start && $0.type == .institution }) else { continue }
            cuts.append(k)
        }
        guard !cuts.isEmpty else { return (doc.tokens, boundaries) }
        var tokens: [Token] = []
        tokens.reserveCapacity(doc.tokens.count + cuts.count)
        var flags = doc.isTokenBoundary
        var next = 0
        for (k, t) in doc.tokens.enumerated() {
            if next < cuts.count, cuts[next] == k {
                tokens.append(Token(start: t.start, end: t.start + 1, isWord: true))
                tokens.append(Token(start: t.start + 1, end: t.end, isWord: true))
                flags[t.start + 1] = true
                next += 1
            } else {
                tokens.append(t)
            }
        }
        return (tokens, TokenBoundaries(flags: flags))
    }

    /// Numbers and number-classifier words (兩個, 3所, 多間, 十大) end a name on the left. A word
    /// that only opens with a digit character is a word like any other (四川, 九龍, 三菱, 陸軍: 陸
    /// is also the financial six); one opening with 一 or an Arabic digit is a count or an adverb
    /// (一直, 一改) whenever it is short.
    func isCount(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        // 零 alone is a word (淨零 net zero), not a count.
        if text.count == 1, first == "零" { return false }
        if Scalars.digit(first) != nil || first == "一" || first == "壹" { return text.count <= 3 || measureWords.contains(last) }
        guard NumberScanner.chineseDigit(first) != nil || marks.countOpeners.contains(first) else { return false }
        // The number, then at most one measure word (兩個, 多間, 十大, 三年).
        let rest = text.drop { NumberScanner.isNumberPart($0) || marks.countOpeners.contains($0) }
        return rest.isEmpty || (rest.count == 1 && measureWords.contains(last))
    }

    static let pairs = Punctuation.closing
    static let closers = Punctuation.opening

    /// Names ending in an institution or programme suffix at a word boundary; `taken` marks
    /// the code points of amounts and dates, which a name never reaches into.
    func ruleMatches(_ doc: NewsDocument, boundaries wordBoundaries: TokenBoundaries, lexical: [Candidate], taken: [Bool]) -> [Candidate] {
        let s = doc.scalars
        var out: [Candidate] = []
        let (tokens, boundaries) = splittingOfficeTitles(doc, wordBoundaries, lexical: lexical)
        // The first lexicon match ending / starting at each offset (-1: none).
        var lexicalEnding = [Int32](repeating: -1, count: s.count + 1), lexicalStarting = [Int32](repeating: -1, count: s.count + 1)
        var insideLexical = [Bool](repeating: false, count: s.count + 1)
        for l in lexical where l.end - l.start > 1 { for i in (l.start + 1)..<l.end { insideLexical[i] = true } }
        for (i, l) in lexical.enumerated() {
            if lexicalEnding[l.end] < 0 { lexicalEnding[l.end] = Int32(i) }
            if lexicalStarting[l.start] < 0 { lexicalStarting[l.start] = Int32(i) }
        }
        func institutionEnding(at e: Int) -> Candidate? {
            guard lexicalEnding[e] >= 0 else { return nil }
            let l = lexical[Int(lexicalEnding[e])]
            return l.type == .institution ? l : nil
        }
        for (ti, tok) in tokens.enumerated() where tok.isWord {
            let end = tok.end
            // The next token must not continue a Han word that makes the suffix something else (局長, 大學生).
            guard let suf = rules.suffix(in: s, endingAt: end, floor: max(0, end - 16), boundaries: boundaries) else { continue }
            let suffixStart = suf.start
            // A one-character suffix followed by a lone character the segmenter could not place
            // (助社|福計劃: 社福) may be the first half of a word: not a suffix.
            // (Not when that character is a word of its own: 中國隊|很強, 中國隊|以3比1; nor when another
            // lone character follows it, where the segmenter has cut a rare word into pieces: 全|兴|队|主|场.)
            if end - suffixStart == 1, ti + 1 < tokens.count, tokens[ti + 1].start == end, tokens[ti + 1].end - end == 1,
               Scalars.isHan(s[end]), !marks.function.contains(s[end]), !rules.isLeftStop(s, end, end + 1),
               !(ti + 2 < tokens.count && tokens[ti + 2].start == end + 1 && tokens[ti + 2].end - tokens[ti + 2].start == 1 && Scalars.isHan(s[end + 1])) { continue }
            // 香港中文大學會…: a suffix that begins inside a known name (大學|會) is not one,
            // unless that name is a bare alias ending with the suffix (哈爾濱理工大學).
            // (Or the bare alias is the suffix itself: 湖北省教育|考試院.)
            let bareEnding: Int? = lexicalEnding[end] < 0 ? nil : Optional(lexical[Int(lexicalEnding[end])].start)
                .flatMap { bareAliases.longestMatch(in: s, at: $0, limit: end)?.end == end ? $0 : nil }
            var bareStart: Int? = nil
            if insideLexical[suffixStart] {
                guard let b = bareEnding, b < suffixStart else { continue }
                bareStart = b
            } else if let b = bareEnding, b == suffixStart {
                bareStart = b
            }
            // English names inside Chinese text: capitalised words before an English suffix.
            if Scalars.isASCIILetter(s[suffixStart]) {
                if let c = englishName(s, tokens: tokens, suffixToken: ti, suffixStart: suffixStart, end: end, type: suf.payload.type, lexical: lexical) {
                    out.append(c)
                }
                continue
            }
            // 香港銀行同業拆息: the suffix only modifies the next word.
            if let nb = rules.notBefore.longestMatch(in: s, at: end), boundaries.contains(nb.end) || nb.end == s.count { continue }
            guard boundaries.contains(suffixStart) || suffixStart < tok.start || suffixStart > tok.start else { continue }
            // Walk left over word tokens.
            var start = suffixStart
            var k = ti
            // Tokens inside the suffix itself.
            while k >= 0, tokens[k].start >= suffixStart { k -= 1 }
            if k >= 0, tokens[k].end > suffixStart {
                // The suffix starts inside a token: fine for 工程學院 (suffix 學院) and for a word of
                // three or more characters that ends in a one-character suffix (中國隊, 公安局, 出版社),
                // not for a two-character word that ends in one (布局, 簽署, 好處, 排隊).
                if end - suffixStart == 1, suffixStart - tokens[k].start < 2 { continue }
                start = tokens[k].start
                k -= 1
            }
            var headTokens: [Range<Int>] = []
            if start < suffixStart { headTokens.append(start..<suffixStart) }
            // 「數碼轉型支援計劃」: a name that fills a quotation is taken whole, with a head as short as
            // quotedMinHead (“春蕾計劃”, 「星火計劃」), where a bare one needs the suffix's min_head (該計劃 is none).
            if end < s.count, let open = Self.closers[s[end]],
               let o = (max(0, suffixStart - 24)..<suffixStart).reversed().first(where: { s[$0] == open }),
               !s[(o + 1)..<suffixStart].contains(where: Punctuation.clauseBreaksAndQuotes.contains),
               suffixStart - o - 1 >= min(suf.payload.minHead, quotedMinHead),
               !suf.payload.titleOnly || Punctuation.titleOpeners.contains(open) {
                // 「藐視法庭」: a verb that never starts a name and the suffix its object is no name.
                if let v = rules.notStart.longestMatch(in: s, at: o + 1, limit: suffixStart), suffixStart - v.end < min(suf.payload.minHead, quotedMinHead) { continue }
                out.append(Candidate(start: o + 1, end: end, type: suf.payload.type, entry: nil, partOf: nil))
                continue
            }
            // 報, 周刊 name a periodical only as the whole of a title (《新聞報》).
            if suf.payload.titleOnly { continue }
            // 「新名稱」計劃: the quoted words are the head.
            if start > 0, k >= 0, let open = Self.closers[s[start - 1]],
               let o = (max(0, start - 24)..<(start - 1)).reversed().first(where: { s[$0] == open }),
               !s[(o + 1)..<(start - 1)].contains(where: Punctuation.clauseBreaks.contains) {
                start = o
                k = -1
            }
            var joined = false   // one 及/和 may join two parts of a name (食物及衞生局)
            var afterMark = false   // the word before an inner mark ends the walk unless another mark precedes it
            while k >= 0 {
                let t = tokens[k]
                // 喬治·梅森大學, Frito-Lay公司: an inner mark between two words with no space is part of the
                // name (the segmenter may leave the mark out of its words, or make it a word of its own).
                if start >= 1, innerMarks.contains(s[start - 1]) {
                    let markAt = start - 1
                    // The word before the mark: this token where the segmenter left the mark out of its
                    // words, the one before it where the mark is a token of its own.
                    let before = t.end == markAt ? k : (t.start == markAt && k > 0 ? k - 1 : -1)
                    if before >= 0, tokens[before].isWord, tokens[before].end == markAt,
                       Scalars.isHan(s[markAt - 1]) || Scalars.isASCIILetter(s[markAt - 1]),
                       Scalars.isHan(s[start]) || Scalars.isASCIILetter(s[start]) {
                        k = before
                        start = markAt
                        afterMark = true
                        continue
                    }
                }
                if !t.isWord && !(marks.joiners.contains(s[t.start]) && t.end - t.start == 1) { break }
                if t.end != start { break }
                if end - t.start > rules.maxLength { break }
                // A lexicon institution just before the head: take it whole, then stop.
                if let l = institutionEnding(at: start), l.start <= t.start {
                    if !joined { start = l.start }
                    break
                }
                if t.end - t.start == 1, marks.joiners.contains(s[t.start]) {
                    // Join only between two plain words, never after a known name.
                    // The part after the joiner needs words of its own before the suffix
                    // (食物及衞生局, not 企業和大學).
                    // Nor after a word that ends with a suffix itself: 中文大學及理工大學 is two names.
                    // The word before the joiner is a word of two characters or more: 香港隊主場戰|和|中國隊
                    // is a draw (戰和), not one name.
                    guard !joined, suffixStart - t.end >= 2, k > 0, tokens[k - 1].isWord, tokens[k - 1].end == t.start,
                          t.start - tokens[k - 1].start >= 2,
                          lexicalEnding[t.start] < 0,
                          rules.suffix(in: s, endingAt: t.start, floor: max(0, t.start - 16)) == nil,
                          !rules.isStop(s, tokens[k - 1].start, tokens[k - 1].end),
                          // Nor after a country or region: 美國和俄羅斯隊 is a country and a team.
                          !isPlace(s, tokens[k - 1].start, t.start) else { break }
                    joined = true
                    start = t.start
                    headTokens.append(t.start..<t.end)
                    k -= 1
                    continue
                }
                if rules.isStop(s, t.start, t.end), !(t.end == suffixStart && rules.isHeadVerb(s, t.start, t.end, institution: suf.payload.type == .institution)) { break }
                // A programme's head never reaches back over a body that is the subject of a verb
                // glued on the head's left (原住民族委員會補助…基金; 基金辦理…計畫).
                if suf.payload.type == .programme, rules.suffix(in: s, endingAt: t.end, floor: t.start) != nil,
                   let v = rules.notStart.longestMatch(in: s, at: t.end, limit: suffixStart), suffixStart - v.end >= suf.payload.minHead { break }
                if marks.function.contains(s[t.end - 1]) { break }
                if marks.function.contains(s[t.start]), t.end - t.start <= 2 { break }
                if isCount(s[t.start..<t.end]) { break }
                if s[t.start..<t.end].allSatisfy({ Scalars.digit($0) != nil }) { break }
                if taken[t.start..<t.end].contains(true) { break }
                start = t.start
                headTokens.append(t.start..<t.end)
                k -= 1
                // 地方百貨商店|尤勒-菲利普斯公司: before its first mark a transliterated name takes one word, or
                // the run of one-character pieces the segmenter cut it into (尤|勒), and no more.
                if afterMark, !(start >= 1 && innerMarks.contains(s[start - 1])) {
                    let nextSingle = k >= 0 && tokens[k].end == start && tokens[k].end - tokens[k].start == 1
                    if !(t.end - t.start == 1 && nextSingle) { break }
                }
            }
            // A 及/和 left dangling at the start is not part of the name.
            if start < suffixStart, marks.joiners.contains(s[start]) { start += 1; headTokens.removeLast() }
            // Multi-character stop words inside the head, however the segmenter cut them (聯同…).
            let known: (Int) -> Int? = { lexicalStarting[$0] >= 0 ? lexical[Int(lexicalStarting[$0])].end : nil }
            start = cutAfterStopWords(s, from: start, to: suffixStart, programme: suf.payload.type == .programme, known: known)
            start = cutAfterLeftStops(s, from: start, to: suffixStart, boundaries: boundaries, verbs: suf.payload.type == .institution,
                                      bareSuffix: suf.payload.minHead == 0, known: known)
            // Strip a leading stop character inside a token (e.g. 並成立 glued by the segmenter), not the
            // first of a country's name (以色列工黨: 以 is a stop word alone).
            while start < suffixStart, rules.isStop(s, start, start + 1) || innerMarks.contains(s[start]),
                  !stride(from: start + 2, through: min(start + 8, suffixStart), by: 1).contains(where: { isPlace(s, start, $0) }) { start += 1 }
            // 繼續推行X計劃, 進一步設立X基金: a left-edge stop word, then such a verb, go together.
            if let a = rules.leftStops.longestMatch(in: s, at: start, limit: suffixStart),
               let v = rules.notStart.longestMatch(in: s, at: a.end, limit: suffixStart), suffixStart - v.end >= suf.payload.minHead {
                start = a.end
            }
            // An allocation or founding verb glued on the left (補助X基金) is not part of the name.
            if let v = rules.notStart.longestMatch(in: s, at: start, limit: suffixStart) {
                // Nothing but the verb before the suffix (利用基金, 補助計畫): no name.
                guard suffixStart - v.end >= suf.payload.minHead else { continue }
                start = v.end
            }
            let head = suffixStart - start
            guard head >= suf.payload.minHead else { continue }
            // 堅持黨的領導, 企業黨組織, 共產黨人: a not_before word after the suffix makes it the object of
            // what stands before or the first part of a compound.
            if suf.payload.notBefore.contains(where: { end + $0.count <= s.count && s[end..<(end + $0.count)].elementsEqual($0) }) { continue }
            // 第三部, 第二局: an ordinal before a one-character suffix numbers a part, a round or a film, no body.
            if end - suffixStart == 1, s[start] == "第", s[(start + 1)..<suffixStart].allSatisfy(NumberScanner.isNumberPart) { continue }
            // 4家國有商業銀行, 兩所大學, 多家公司: a count of things of a kind, not a name.
            if start > 0, measureWords.contains(s[start]), NumberScanner.isNumberPart(s[start - 1]) { continue }
            // A head of general words only (研發實驗室, 本地大學) is not a name.
            // (Unless a known body opens the name and one general word follows it: 研資局研究基金 is
            // that body's fund; 港鐵公司研究可行方案 is a body and what it does.)
            let kept = headTokens.filter { $0.lowerBound >= start }
            let ownedByBody = kept.count == 1 && lexicalStarting[start] >= 0 && lexical[Int(lexicalStarting[start])].type == .institution
            // Three general words or more together name something particular (醫療科技創新平台):
            // the option genericHeadMaxWords (2) is the most a dropped head holds.
            if !kept.isEmpty, kept.count <= genericHeadMaxWords, !ownedByBody, kept.allSatisfy({ rules.isGeneric(s, $0.lowerBound, $0.upperBound) }) { continue }
            // Heads must carry a Han or Latin letter. A suffix of min_head 0 is a name alone, as a
            // word of its own (省委, 縣委: the committee of the place the text is about).
            if head == 0 {
                guard boundaries.contains(suffixStart) else { continue }
            } else {
                guard s[start..<suffixStart].contains(where: { Scalars.isHan($0) || Scalars.isASCIILetter($0) }) else { continue }
            }
            // 數碼港公司計劃於…: 計劃 right after an institution is the verb "plans", not a scheme.
            if suf.payload.type == .programme, institutionEnding(at: suffixStart) != nil { continue }
            let partOf = lexicalStarting[start] < 0 ? nil
                : Optional(lexical[Int(lexicalStarting[start])]).flatMap { $0.end < end && $0.type == .institution ? $0.entry : nil }
            if let p = partOf, lexicon.entries[p].type != .institution { continue }
            // 司, 中心: only as a part of a known body (科學技術部|農村科技司), never alone (公司, 上司).
            if suf.payload.afterBody && partOf == nil {
                // …or, for `body` rows, a body the rules name ends inside the head (湖南省委|黨校).
                guard suf.payload.afterAnyBody, stride(from: start + 2, through: suffixStart, by: 1).contains(where: { b in
                    boundaries.contains(b) && rules.suffix(in: s, endingAt: b, floor: start + 1)?.payload.type == .institution
                }) else { continue }
            }
            // 美國公司, 法國公司: a place and a kind of body is no body's name.
            if suf.payload.notAfterPlace, isPlace(s, start, suffixStart) { continue }
            // 瑞典軍: a country's army; after anything else 軍 ends a given name.
            if suf.payload.placeOnly, !isPlace(s, start, suffixStart) { continue }
            if let b = bareStart {
                // What stands before a bare alias must be a name of its own: two characters or
                // more, not a general word (本地理工大學), not the body's own region (香港理工大學 is the
                // lexicon's full name), no other known name (特區政府|最高法院).
                guard b - start >= 2, !rules.isGeneric(s, start, b), !isPlace(s, start, b),
                      !(start..<b).contains(where: { lexicalStarting[$0] >= 0 }), !insideLexical[start] else { continue }
            }
            out.append(Candidate(start: start, end: end, type: suf.payload.type, entry: nil, partOf: partOf, overBare: bareStart))
        }
        // Overlapping rule names: keep the longest.
        out.sort { ($0.start, -($0.end - $0.start)) < ($1.start, -($1.end - $1.start)) }
        var kept: [Candidate] = []
        for c in out {
            if let j = kept.firstIndex(where: { $0.start < c.end && c.start < $0.end }) {
                if c.end - c.start > kept[j].end - kept[j].start { kept[j] = c }
            } else {
                kept.append(c)
            }
        }
        return kept
    }
}
