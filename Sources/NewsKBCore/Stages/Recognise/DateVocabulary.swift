/// The date words of `dates.tsv`, compiled to tries.
struct DateVocabulary: Sendable {
    enum Word: Sendable {
        case yearRelative(Int)
        case dayRelative(Int)
        case monthRelative(Int)
        case yearPart(Int, Int)
        case monthPart(Int, Int)
        case quarter(Int)
        case weekRelative(Int)
        /// A fiscal year relative to the one the published date falls in (本財政年度 0, 下個財政年度 +1).
        case fiscalRelative(Int)
        /// A century relative to the one the published date falls in (上世紀 -1, 本世紀 0).
        case centuryRelative(Int)
    }

    let words: ScalarTrie<Word>
    /// First characters of every date word.
    let firstScalars: ScalarSet
    /// For one-character month parts: the characters that make them part of another word.
    let blockedAfter: [Unicode.Scalar: Set<Unicode.Scalar>]
    /// Characters that, right before a relative-day word, make its first character part of
    /// another word (雨後天晴, 先天後天): keyed by the word's first character, both scripts.
    let blockedBefore: [Unicode.Scalar: Set<Unicode.Scalar>]
    /// Parts of a decade after 年代 (初 → its years 0…3, 中期 → 4…6, 末 → 7…9).
    let decadeParts: ScalarTrie<Int>
    let decadePartYears: [(first: Int, last: Int)]
    /// What joins two years into one range (1992-1993年, 1998年至2001年).
    let rangeMarks: ScalarTrie<Int>
    /// Characters before a two-digit 年 that make it a year (在97年, 至98年), not a count.
    let yearBefore: ScalarSet
    /// Named character sets (kind `chars`), each a rule's characters:
    /// after 月, what makes it a count or another word (3個月 is handled apart; 月薪, 月租);
    let monthCountAfter: ScalarSet
    /// after a two-digit 年, what makes it a count of years (07年來, 97年間) or a decade;
    let shortYearCountAfter: ScalarSet
    /// after an ROC year with no month, what makes it a length of time (50年來);
    let rocYearCountAfter: ScalarSet
    /// before a bare day, what makes it a count (第1日, 每5日, 2月有29日);
    let dayCountBefore: ScalarSet
    /// after one, what makes it a count or another word (3日內, 3日遊, 50日元);
    let dayCountAfter: ScalarSet
    /// after a bare day in Chinese numerals, the words that make it a date (瓦利六日宣布).
    let chineseDayWordAfter: ScalarSet
    /// The characters a written date holds, one of which must be near a number for it to be read as one (年, 月, -);
    let dateMarks: ScalarSet
    /// the characters a written date ends with (年, 月, 日, 號): a number right after one is no bare day;
    let dateEnds: ScalarSet
    /// between a year and the next in a fiscal year (2024-25年度, 2024/25, 二○二三/二四年度);
    let yearPairSeparators: ScalarSet
    /// between a year and a second one written short that makes the two a range (1973至74年, 1977-78年);
    let yearRangeSeparators: ScalarSet
    /// between the year, month and day of a numeric date (2024-06-20, 2024/6/20).
    let numericDateSeparators: ScalarSet

    /// After a relative week (上周, 下星期), the character naming its day: ISO weekday 1…7, 0 for
    /// the weekend (末): kind `weekday`.
    let weekdays: [Unicode.Scalar: Int]
    /// Words after N日 that make it a count (以來, 以內): kind `day_count_after_word`.
    let dayCountAfterWords: ScalarTrie<Bool>
    /// Words for the day a date just before named (當天, 當日, 同日): kind `day_anaphor`.
    let dayAnaphors: ScalarTrie<Bool>
    /// Names that contain a date form and are no date (五月天, a band; 五月花號, a ship): kind `not_date`.
    let notDates: ScalarTrie<Bool>
    /// What ends a fiscal year's written form (年度, 財政年度, 財年).
    let fiscalSuffixes: ScalarTrie<Bool>
    /// The month a region's government fiscal year starts in (Hong Kong's on 1 April; the
    /// mainland's, Taiwan's and Macao's with the calendar year); `*` for any other region.
    let fiscalStartMonth: [String: Int]

    /// The start month of `region`'s fiscal year.
    func fiscalStart(_ region: String?) -> Int {
        fiscalStartMonth[(region ?? "*").uppercased()] ?? fiscalStartMonth["*"] ?? 4
    }

    static let requiredSets = ["month_count_after", "short_year_count_after", "roc_year_count_after",
                               "day_count_before", "day_count_after", "chinese_day_word_after",
                               "date_mark", "date_end", "year_pair_separator", "year_range_separator",
                               "numeric_date_separator"]

    init(table: TSVTable) throws {
        let (k, s, a, b) = (try table.column("kind"), try table.column("surface"), try table.column("a"), try table.column("b"))
        var words = ScalarTrie<Word>(folding: .widthAndCase)
        var blocked: [Unicode.Scalar: Set<Unicode.Scalar>] = [:], blockedBefore: [Unicode.Scalar: Set<Unicode.Scalar>] = [:]
        var sets: [String: Set<Unicode.Scalar>] = [:]
        var fiscal = ScalarTrie<Bool>(), fiscalStart: [String: Int] = [:], notDate = ScalarTrie<Bool>(), days: [Unicode.Scalar: Int] = [:]
        var firsts = Set<Unicode.Scalar>()
        var anaphors = ScalarTrie<Bool>(), countWords = ScalarTrie<Bool>()
        var parts = ScalarTrie<Int>(), partYears: [(Int, Int)] = [], marks = ScalarTrie<Int>(), before = Set<Unicode.Scalar>()
        for row in table.rows {
            if table.cell(row, k) == "block_after", let c = table.cell(row, s).unicodeScalars.first {
                blocked[c, default: []].formUnion(table.cell(row, a).unicodeScalars)
                continue
            }
            if table.cell(row, k) == "weekday" {
                guard let c = table.cell(row, s).unicodeScalars.first, let n = Int(table.cell(row, a)), (0...7).contains(n) else {
                    throw NewsKBError.lexicon("\(table.path): weekday \(table.cell(row, s)) needs a number 0 to 7")
                }
                days[c] = n
                continue
            }
            if table.cell(row, k) == "not_date" {
                for v in NameKey.scriptVariants(table.cell(row, s)) { notDate.insert(v.unicodeScalars, true) }
                continue
            }
            if table.cell(row, k) == "fiscal_suffix" {
                for v in NameKey.scriptVariants(table.cell(row, s)) { fiscal.insert(v.unicodeScalars, true) }
                continue
            }
            if table.cell(row, k) == "fiscal_start" {
                guard let m = Int(table.cell(row, a)), (1...12).contains(m) else {
                    throw NewsKBError.lexicon("\(table.path): fiscal_start \(table.cell(row, s)) needs a month 1 to 12")
                }
                fiscalStart[table.cell(row, s).uppercased()] = m
                continue
            }
            if table.cell(row, k) == "chars" {
                for v in NameKey.scriptVariants(table.cell(row, a)) { sets[table.cell(row, s), default: []].formUnion(v.unicodeScalars) }
                continue
            }
            if table.cell(row, k) == "block_before" {
                for v in NameKey.scriptVariants(table.cell(row, s)) {
                    guard let c = v.unicodeScalars.first else { continue }
                    for b in NameKey.scriptVariants(table.cell(row, a)) { blockedBefore[c, default: []].formUnion(b.unicodeScalars) }
                }
                continue
            }
            if table.cell(row, k) == "decade_part" {
                for v in NameKey.scriptVariants(table.cell(row, s)) { parts.insert(v.unicodeScalars, partYears.count) }
                partYears.append((Int(table.cell(row, a)) ?? 0, Int(table.cell(row, b)) ?? 9))
                continue
            }
            if table.cell(row, k) == "year_before" {
                for v in NameKey.scriptVariants(table.cell(row, s)) { before.formUnion(v.unicodeScalars) }
                continue
            }
            if table.cell(row, k) == "day_count_after_word" {
                for v in NameKey.scriptVariants(table.cell(row, s)) { countWords.insert(v.unicodeScalars, true) }
                continue
            }
            if table.cell(row, k) == "day_anaphor" {
                for v in NameKey.scriptVariants(table.cell(row, s)) {
                    anaphors.insert(v.unicodeScalars, true)
                    if let f = v.unicodeScalars.first { firsts.insert(f) }
                }
                continue
            }
            if table.cell(row, k) == "range_mark" {
                marks.insert(table.cell(row, s).unicodeScalars, 0)
                continue
            }
            let x = Int(table.cell(row, a)) ?? 0, y = Int(table.cell(row, b)) ?? 0
            let w: Word
            switch table.cell(row, k) {
            case "year_rel": w = .yearRelative(x)
            case "day_rel": w = .dayRelative(x)
            case "month_rel": w = .monthRelative(x)
            case "year_part": w = .yearPart(x, y)
            case "month_part": w = .monthPart(x, y)
            case "quarter": w = .quarter(x)
            case "week_rel": w = .weekRelative(x)
            case "fiscal_rel": w = .fiscalRelative(x)
            case "century_rel": w = .centuryRelative(x)
            case let other: throw NewsKBError.lexicon("\(table.path): unknown kind '\(other)'")
            }
            for v in NameKey.scriptVariants(table.cell(row, s)) {
                words.insert(v.unicodeScalars, w)
                if let f = v.unicodeScalars.first { firsts.insert(f); firsts.insert(Scalars.foldWidthAndCase(f)) }
            }
        }
        self.words = words
        self.blockedAfter = blocked
        self.blockedBefore = blockedBefore
        self.decadeParts = parts
        self.decadePartYears = partYears
        self.rangeMarks = marks
        self.dayAnaphors = anaphors
        self.dayCountAfterWords = countWords
        self.yearBefore = ScalarSet(before)
        for name in Self.requiredSets where sets[name] == nil {
            throw NewsKBError.lexicon("\(table.path): no `chars` row named \(name)")
        }
        fiscalSuffixes = fiscal
        notDates = notDate
        weekdays = days
        fiscalStartMonth = fiscalStart
        monthCountAfter = ScalarSet(sets["month_count_after"]!)
        shortYearCountAfter = ScalarSet(sets["short_year_count_after"]!)
        rocYearCountAfter = ScalarSet(sets["roc_year_count_after"]!)
        dayCountBefore = ScalarSet(sets["day_count_before"]!)
        dayCountAfter = ScalarSet(sets["day_count_after"]!)
        chineseDayWordAfter = ScalarSet(sets["chinese_day_word_after"]!)
        dateMarks = ScalarSet(sets["date_mark"]!)
        dateEnds = ScalarSet(sets["date_end"]!)
        yearPairSeparators = ScalarSet(sets["year_pair_separator"]!)
        yearRangeSeparators = ScalarSet(sets["year_range_separator"]!)
        numericDateSeparators = ScalarSet(sets["numeric_date_separator"]!)
        self.firstScalars = ScalarSet(firsts)
    }
}
