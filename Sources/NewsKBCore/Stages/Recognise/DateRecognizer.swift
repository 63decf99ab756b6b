#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds dates and resolves them to inclusive day ranges: absolute forms (`2024年6月20日`,
/// `2024-06-20`, `20/6/2024`, `二〇二四年六月`), quarters and parts (`2025年第三季`,
/// `今年年底`, `4月中`), Hong Kong fiscal years (`2024-25年度`), `民國113年`, and
/// expressions relative to the published date (`去年12月`, `本月15日`, `昨日`).
/// A bare `7月1日` takes the year of a heading or sentence just before it.
public struct DateRecognizer: DocumentStage {
    public static let stageName = "recognise.date.v1"
    /// Word boundaries too: a date must start and end on one (and it reads `isTokenBoundary`).
    public static let requires: Set<AnnotationKey> = [.text, .sentences, .tokens, .region]
    public static let assigns: Set<AnnotationKey> = [.dates]
    let vocab: DateVocabulary
    /// A heading paragraph this short passes its year to the paragraph after it.
    let headingMaxLength: Int
    /// The years a four-digit written year may be (`earliestYear`…`latestYear`): 1112年3月 and
    /// 1578年6月24日 are dates in a history page.
    let years: ClosedRange<Int>
    /// What an ROC year adds to make a Gregorian one (民國113年 is 2024): `rocYearOffset`.
    let rocOffset: Int

    public init(config: StageConfig, pipeline: PipelineDefinition, lexicons: LexiconCache) throws {
        vocab = try DateVocabulary(table: lexicons.table(config, endingWith: "dates.tsv"))
        headingMaxLength = try config.intOption("headingMaxLength", default: 16)
        let (earliest, latest) = (try config.intOption("earliestYear", default: 1800), try config.intOption("latestYear", default: 2200))
        guard earliest <= latest else { throw NewsKBError.pipeline("\(Self.stageName): earliestYear \(earliest) is after latestYear \(latest)") }
        years = earliest...latest
        rocOffset = try config.intOption("rocYearOffset", default: 1911)
    }

    /// A year as written: absolute, relative to the published date, or not written at all.
    enum YearSource { case absolute(Int), relative(Int), none }

    struct Found {
        var start: Int
        var end: Int
        var value: DateValue?
        /// The year the expression states (absolute or relative), to pass on to bare dates.
        var statedYear: Int?
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        let s = doc.scalars
        let boundaries = TokenBoundaries(flags: doc.isTokenBoundary)
        let region = doc.region ?? context.pipeline.region
        let taiwan = region.uppercased() == "TW"
        let scanner = Scan(s: s, vocab: vocab, years: years, rocOffset: rocOffset, fiscalStartMonth: vocab.fiscalStart(region),
                           published: doc.published, tokenBoundaries: boundaries, taiwan: taiwan)
        let paragraphs = doc.paragraphRanges
        var found: [Found] = []
        var i = 0
        // Locals, so the closure below captures an integer rather than a copy of the stage.
        let headingMax = headingMaxLength, firstScalars = vocab.firstScalars, numberStarts = NumberScanner.numberStarts
        while i < s.count {
            // Most characters start no date: skip them before any parsing.
            if !firstScalars.contains(s[i]) && !numberStarts.contains(s[i]) && s[i] != "民" {
                i += 1
                continue
            }
            // 五月天 (a band) is no May.
            if let n = vocab.notDates.longestMatch(in: s, at: i) {
                i = n.end
                continue
            }
            // 當天, 當日: the day a date just before named (財委會19日加開會議。…當天，財委會…).
            if let w = vocab.dayAnaphors.longestMatch(in: s, at: i) {
                if let day = Self.anaphorDay(for: i, found: found, doc: doc, paragraphs: paragraphs) {
                    found.append(Found(start: i, end: w.end, value: day, statedYear: nil))
                }
                i = w.end
                continue
            }
            guard let f = scanner.match(at: i, contextYear: { Self.contextYear(for: $0, found: found, doc: doc, paragraphs: paragraphs, headingMaxLength: headingMax) },
                                        contextMonth: { Self.contextMonth(for: $0, found: found, doc: doc) }) else {
                i += 1
                continue
            }
            found.append(f)
            i = f.end
        }
        found = Self.listedYears(found, s: s, taiwan: taiwan, rocOffset: rocOffset)
        found = Self.joiningYearRanges(found, s: s, marks: vocab.rangeMarks)
        found = Self.joiningDateRanges(found, s: s, marks: vocab.rangeMarks)
        for f in found {
            var m = Mention(type: .date, start: f.start, end: f.end, value: f.value.map { .date($0) } ?? .none)
            m.sentence = doc.sentenceIndex(at: f.start)
            doc.addMention(m)
        }
    }

    /// Two years of two digits listed with 、 before one 年 are two years (03、04年: 2003 and
    /// 2004; 97、98年: 1997 and 1998; in Taiwan ROC years), the first written without its 年.
    static func listedYears(_ found: [Found], s: [Unicode.Scalar], taiwan: Bool, rocOffset: Int) -> [Found] {
        let digit = Scalars.digit
        func year(_ a: Int, _ b: Int) -> Int? {
            let n = a * 10 + b
            if taiwan { return rocOffset + n }
            if a == 0 { return 2000 + n }
            return n >= 50 ? 1900 + n : nil
        }
        var out = found
        var j = 2
        while j + 3 < s.count {
            // DD、DD年, not inside a longer number: looked for only where a 、 stands.
            guard s[j] == "、" else { j += 1; continue }
            let i = j - 2
            j += 1
            guard let a1 = digit(s[i]), let a2 = digit(s[i + 1]), let b1 = digit(s[i + 3]), let b2 = digit(s[i + 4]), s[i + 5] == "年",
                  i == 0 || digit(s[i - 1]) == nil, let first = year(a1, a2), let second = year(b1, b2), second > first, second - first < 10 else { continue }
            out.removeAll { $0.start < i + 6 && $0.end > i }
            out.append(Found(start: i, end: i + 2, value: .years(first, first), statedYear: first))
            out.append(Found(start: i + 3, end: i + 6, value: .years(second, second), statedYear: second))
            j = i + 6
        }
        return out.sorted { $0.start < $1.start }
    }

    /// Two years joined by a range mark are one range (1992-1993年, 1998年至2001年), and so
    /// is a bare year before the mark (1995至1997年): from the first's 1 January to the
    /// second's 31 December, when the second comes after the first within a century.
    static func joiningYearRanges(_ found: [Found], s: [Unicode.Scalar], marks: ScalarTrie<Int>) -> [Found] {
        func singleYear(_ f: Found) -> Int? {
            guard let v = f.value, !v.relative, v.granularity == .year, v.start.year == v.end.year, v.start.month == 1, v.end.month == 12 else { return nil }
            return v.start.year
        }
        let digit = Scalars.digit
        var out: [Found] = []
        for f in found {
            guard let second = singleYear(f) else { out.append(f); continue }
            // The mark just before this year, and what stands before the mark.
            var markStart: Int? = nil
            for k in stride(from: f.start - 1, through: max(0, f.start - 3), by: -1) {
                if let m = marks.longestMatch(in: s, at: k), m.end == f.start { markStart = k; break }
            }
            guard let mark = markStart else { out.append(f); continue }
            if let prev = out.last, prev.end == mark, let first = singleYear(prev), second > first, second - first <= 100 {
                out[out.count - 1] = Found(start: prev.start, end: f.end, value: .years(first, second), statedYear: second)
                continue
            }
            // A bare year of four digits before the mark, not part of a longer number.
            if mark >= 4, (mark - 4..<mark).allSatisfy({ digit(s[$0]) != nil }), mark == 4 || digit(s[mark - 5]) == nil,
               out.last.map({ $0.end <= mark - 4 }) ?? true {
                let first = (mark - 4..<mark).reduce(0) { $0 * 10 + digit(s[$1])! }
                if first >= 1000, second > first, second - first <= 100 {
                    out.append(Found(start: mark - 4, end: f.end, value: .years(first, second), statedYear: second))
                    continue
                }
            }
            out.append(f)
        }
        return out
    }

    /// Two dates joined by a range mark are one range from the first's start to the second's
    /// end (4月至12月, 2023年1月1日至3月31日, 1979年到1997年11月), when the second does not end
    /// before the first starts; its granularity is the coarser of the two.
    static func joiningDateRanges(_ found: [Found], s: [Unicode.Scalar], marks: ScalarTrie<Int>) -> [Found] {
        func rank(_ g: DateGranularity) -> Int {
            switch g {
            case .day: return 0
            case .partOfMonth: return 1
            case .month: return 2
            case .quarter: return 3
            case .half, .partOfYear: return 4
            case .year, .fiscalYear: return 5
            }
        }
        var out: [Found] = []
        for f in found {
            if let prev = out.last, prev.end < f.start, let m = marks.longestMatch(in: s, at: prev.end), m.end == f.start {
                switch (prev.value, f.value) {
                case let (a?, b?) where b.end >= a.start:
                    let g = rank(a.granularity) >= rank(b.granularity) ? a.granularity : b.granularity
                    out[out.count - 1] = Found(start: prev.start, end: f.end,
                                               value: DateValue(start: a.start, end: b.end, granularity: g, relative: a.relative || b.relative),
                                               statedYear: f.statedYear ?? prev.statedYear)
                    continue
                case (nil, nil):
                    out[out.count - 1] = Found(start: prev.start, end: f.end, value: nil, statedYear: nil)
                    continue
                default:
                    break
                }
            }
            out.append(f)
        }
        return out
    }

    /// The day a word such as 當天 refers to: the last date of one day before it, in the same
    /// paragraph or the sentence before; nil (and no mention) when there is none.
    static func anaphorDay(for offset: Int, found: [Found], doc: NewsDocument, paragraphs: [Range<Int>]) -> DateValue? {
        guard let last = found.last(where: { $0.end <= offset }), let v = last.value, v.granularity == .day, v.start == v.end else { return nil }
        let sameParagraph = paragraphs.first { $0.contains(offset) }.map { $0.contains(last.start) } ?? false
        guard sameParagraph || doc.sentenceIndex(at: offset) - doc.sentenceIndex(at: last.start) <= 1 else { return nil }
        return DateValue(start: v.start, end: v.end, granularity: .day, relative: true)
    }

    /// The month a bare day takes: that of a date of a month or a day in the same sentence or
    /// the one before (2012年9月10日定價，並於19日上市 is 19 September 2012).
    static func contextMonth(for offset: Int, found: [Found], doc: NewsDocument) -> (year: Int, month: Int)? {
        guard let last = found.last(where: { $0.end <= offset }), let v = last.value,
              v.granularity == .day || v.granularity == .month, v.start.year == v.end.year, v.start.month == v.end.month,
              doc.sentenceIndex(at: offset) - doc.sentenceIndex(at: last.start) <= 1 else { return nil }
        return (v.start.year, v.start.month)
    }

    /// The year a bare month or day takes: from a date stating a year in the same or the
    /// previous sentence, the same paragraph, or a short heading paragraph just before.
    static func contextYear(for offset: Int, found: [Found], doc: NewsDocument, paragraphs: [Range<Int>], headingMaxLength: Int) -> Int? {
        guard let last = found.last(where: { $0.statedYear != nil && $0.end <= offset }), let year = last.statedYear else {
            return doc.published?.year
        }
        let sHere = doc.sentenceIndex(at: offset), sThere = doc.sentenceIndex(at: last.start)
        let pHere = paragraphs.firstIndex { $0.contains(offset) } ?? 0
        let pThere = paragraphs.firstIndex { $0.contains(last.start) } ?? 0
        if sHere - sThere <= 1 || pHere == pThere { return year }
        if pHere - pThere == 1, paragraphs[pThere].count <= headingMaxLength { return year }
        return doc.published?.year
    }
}

extension DateRecognizer {
    /// The scanning state over one document.
    struct Scan {
        let s: [Unicode.Scalar]
        let vocab: DateVocabulary
        let years: ClosedRange<Int>
        let rocOffset: Int
        /// The month the document's region starts its fiscal year in.
        let fiscalStartMonth: Int
        let published: CivilDate?
        let tokenBoundaries: TokenBoundaries
        let taiwan: Bool

        func at(_ i: Int) -> Unicode.Scalar? { i < s.count ? s[i] : nil }

        /// ISO weekday, Monday 1 … Sunday 7 (1970-01-01 was a Thursday).
        static func weekday(_ d: CivilDate) -> Int {
            let n = d.dayNumber
            return ((n % 7 + 7) % 7 + 3) % 7 + 1
        }

        func hasDateMark(from i: Int, within n: Int) -> Bool {
            var j = i
            let end = min(s.count, i + n)
            while j < end { if vocab.dateMarks.contains(s[j]) { return true }; j += 1 }
            return false
        }

        /// Reads a whole run of 1...maxDigits ASCII or full-width digits.
        func digits(_ i: Int, max maxDigits: Int) -> (value: Int, end: Int, count: Int)? {
            Scalars.digitRun(s, at: i, max: maxDigits, whole: true)
        }

        /// A small Chinese or Arabic number (months, days, ROC years) ending before `unit`.
        func smallNumber(_ i: Int, max maxValue: Int) -> (value: Int, end: Int)? {
            if let d = digits(i, max: 3) { return d.value <= maxValue ? (d.value, d.end) : nil }
            guard let n = NumberScanner.scan(s, at: i), n.isExact, !n.hasBigUnit, n.low <= Decimal(maxValue) else { return nil }
            // Limit to the numeral characters a date uses.
            guard let v = n.integer else { return nil }
            return (v, n.end)
        }

        /// `1993年` in `1992-1993年`: four digits and 年 after a hyphen that follows four digits
        /// (an ISO date's `-06-20` has two), the second year of a range.
        func isSecondYearOfRange(_ i: Int) -> Bool {
            guard i >= 5, (i..<(i + 4)).allSatisfy({ $0 < s.count && Scalars.digit(s[$0]) != nil }), at(i + 4) == "年" else { return false }
            return ((i - 5)..<(i - 1)).allSatisfy { Scalars.digit(s[$0]) != nil } && (i == 5 || Scalars.digit(s[i - 6]) == nil)
        }

        func match(at i: Int, contextYear: (Int) -> Int?, contextMonth: (Int) -> (year: Int, month: Int)?) -> Found? {
            let c = s[i]
            // A number starts a date only with a date mark close behind it.
            if NumberScanner.canStart(c), !hasDateMark(from: i, within: 14), vocab.words.longestMatch(in: s, at: i) == nil { return nil }
            // (After a hyphen that ends a date, 1927年10月20日-1928年1月20日, a new date starts.)
            if i > 0, Scalars.digit(s[i - 1]) != nil || s[i - 1] == "." || s[i - 1] == "/"
                || s[i - 1] == "-" && Scalars.digit(c) != nil && !isSecondYearOfRange(i) && !(i >= 2 && vocab.dateEnds.contains(s[i - 2])) { return nil }
            if Scalars.digit(c) != nil, let f = numeric(at: i) { return f }
            // 民國113年
            if c == "民", at(i + 1) == "國" || at(i + 1) == "国", let n = smallNumber(i + 2, max: 200), at(n.end) == "年" {
                return continueAfterYear(start: i, yearEnd: n.end + 1, year: rocOffset + n.value, relative: false, contextYear: contextYear)
            }
            // A fiscal year in Chinese digits: 二○二三/二四年度, 二○一○至一一財政年度
            if let f = chineseFiscalYear(at: i) { return f }
            // A three-digit year in brackets after an era year: 宋真宗咸平二年（999年）.
            if i > 0, s[i - 1] == "（" || s[i - 1] == "(", let d = digits(i, max: 3), d.count == 3, s[i] != "0",
               at(d.end) == "年", at(d.end + 1) == "）" || at(d.end + 1) == ")" {
                return Found(start: i, end: d.end + 1, value: .years(d.value, d.value), statedYear: d.value)
            }
            // A year: 2024年, 二〇二四年
            if let y = writtenYear(at: i) {
                return continueAfterYear(start: i, yearEnd: y.end, year: y.year, relative: false, contextYear: contextYear)
            }
            // A date word (去年, 明日, 本財政年度 …) and what it starts are a date where the whole
            // starts a word of the segmenter's or ends one: 明日 is no tomorrow inside 光明日報 or across
            // 說明|日後, nor 前年 across 目前|年齡; 從去年 and 至今|年 (a preposition glued on) and 在今年年底
            // (one word) still hold their year.
            if let w = vocab.words.longestMatch(in: s, at: i), !(i > 0 && vocab.blockedBefore[s[i]]?.contains(s[i - 1]) == true) {
                func wordDate() -> Found? {
                    switch w.payload {
                    case .yearRelative(let off):
                        guard let p = published else {
                            // Read the whole expression (去年12月), but without a published date it has no value.
                            var f = continueAfterYear(start: i, yearEnd: w.end, year: 2000, relative: true, contextYear: contextYear)
                            f.value = nil
                            f.statedYear = nil
                            return f
                        }
                        return continueAfterYear(start: i, yearEnd: w.end, year: p.year + off, relative: true, contextYear: contextYear)
                    case .dayRelative(let off):
                        guard let p = published else { return Found(start: i, end: w.end, value: nil, statedYear: nil) }
                        let d = p.adding(days: off)
                        return Found(start: i, end: w.end, value: DateValue(start: d, end: d, granularity: .day, relative: true), statedYear: nil)
                    case .monthRelative(let off):
                        guard let p = published else {
                            var f = continueAfterMonth(start: i, monthEnd: w.end, year: 2000, month: 1, relative: true, statedYear: nil)
                            f.value = nil
                            return f
                        }
                        let m = CivilDate(year: p.year, month: p.month, day: 1).adding(months: off)
                        return continueAfterMonth(start: i, monthEnd: w.end, year: m.year, month: m.month, relative: true, statedYear: nil)
                    case .weekRelative(let off):
                        // 上周五, 下星期一, 本周末: a day (or the weekend) of a week relative to the published date.
                        guard let next = at(w.end), let wd = vocab.weekdays[next] else { return nil }
                        guard let p = published else { return Found(start: i, end: w.end + 1, value: nil, statedYear: nil) }
                        let monday = p.adding(days: -(Self.weekday(p) - 1) + 7 * off)
                        let v = wd == 0
                            ? DateValue(start: monday.adding(days: 5), end: monday.adding(days: 6), granularity: .day, relative: true)
                            : DateValue(start: monday.adding(days: wd - 1), end: monday.adding(days: wd - 1), granularity: .day, relative: true)
                        return Found(start: i, end: w.end + 1, value: v, statedYear: nil)
                    case .centuryRelative(let off):
                        // 上世紀 (the 1900s in a paper of 2024), and the decades after it (上世紀五六十年代).
                        guard let p = published else {
                            var f = decades(at: w.end, base: 1900, start: i) ?? Found(start: i, end: w.end, value: nil, statedYear: nil)
                            f.value = nil
                            return f
                        }
                        let base = ((p.year - 1) / 100 + off) * 100
                        if var r = decades(at: w.end, base: base, start: i) {
                            r.value = r.value.map { DateValue(start: $0.start, end: $0.end, granularity: $0.granularity, relative: true) }
                            return r
                        }
                        return Found(start: i, end: w.end, value: .years(base + 1, base + 100, relative: true), statedYear: nil)
                    case .fiscalRelative(let off):
                        // 本財政年度: the region's fiscal year that holds the published date (in Hong Kong
                        // April to March), moved by `off` years; where it is the calendar year, that year.
                        guard let p = published else { return Found(start: i, end: w.end, value: nil, statedYear: nil) }
                        let m = fiscalStartMonth
                        let first = (p.month >= m ? p.year : p.year - 1) + off
                        let v = m == 1 ? DateValue.years(first, first, relative: true)
                            : DateValue(start: CivilDate(year: first, month: m, day: 1), end: CivilDate(year: first + 1, month: m, day: 1).adding(days: -1),
                                        granularity: .fiscalYear, relative: true)
                        return Found(start: i, end: w.end, value: v, statedYear: nil)
                    default:
                        return nil
                    }
                }
                if let f = wordDate(), tokenBoundaries.contains(f.start) || tokenBoundaries.contains(f.end) { return f }
            }
            // A century, 21世紀 (2001 to 2100), and a decade of it, 19世紀80年代初 (1880 to 1883),
            // or two (20世紀80至90年代: 1980 to 1999).
            if let n = smallNumber(i, max: 30), n.value >= 1, at(n.end) == "世", at(n.end + 1) == "紀" || at(n.end + 1) == "纪" {
                let base = (n.value - 1) * 100
                if let r = decades(at: n.end + 2, base: base, start: i) { return r }
                return Found(start: i, end: n.end + 2, value: .years(base + 1, base + 100), statedYear: nil)
            }
            // Two decades written short: 40至50年代 (1940 to 1959), 五六十年代 (1950 to 1969).
            if let r = decadeRange(at: i, base: 1900, start: i) ?? pairedDecades(at: i, base: 1900, start: i) { return r }
            // A decade written short: 50年代, 九十年代 (the 1900s).
            if let n = smallNumber(i, max: 90), n.value >= 20, n.value % 10 == 0, at(n.end) == "年", at(n.end + 1) == "代" {
                return decade(start: i, end: n.end + 2, first: 1900 + n.value)
            }
            // A bare day: 26日 (克林頓26日說, 並於19日上市), in the month of a date just before it, else
            // the published month (or the month before, when the day is still to come in it).
            if let d = bareDay(at: i) {
                let publishedMonth = published.map { p -> (year: Int, month: Int) in
                    let m = CivilDate(year: p.year, month: p.month, day: 1).adding(months: d.day <= p.day ? 0 : -1)
                    return (m.year, m.month)
                }
                guard let ym = contextMonth(i) ?? publishedMonth, CivilDate.isValid(year: ym.year, month: ym.month, day: d.day) else {
                    return Found(start: i, end: d.end, value: nil, statedYear: nil)
                }
                let day = CivilDate(year: ym.year, month: ym.month, day: d.day)
                return Found(start: i, end: d.end, value: DateValue(start: day, end: day, granularity: .day, relative: true), statedYear: nil)
            }
            // A bare month: 7月1日, 六月
            if let m = smallNumber(i, max: 12), m.value >= 1, at(m.end) == "月", !isMonthCount(m.end) {
                guard let y = contextYear(i) else {
                    // Read the whole expression (5月13日), but with no year known it has no value.
                    var f = continueAfterMonth(start: i, monthEnd: m.end + 1, year: 2000, month: m.value, relative: true, statedYear: nil)
                    f.value = nil
                    return f
                }
                return continueAfterMonth(start: i, monthEnd: m.end + 1, year: y, month: m.value, relative: true, statedYear: nil)
            }
            return nil
        }

    
        /// 26日, 二十六日: a day of the month with no month, starting a word, not a count of days.
        /// Chinese numerals from 二 (一日 is "one day").
        func bareDay(at i: Int) -> (day: Int, end: Int)? {
            guard tokenBoundaries.contains(i), i == 0 || !(vocab.dayCountBefore.contains(s[i - 1]) || vocab.dateEnds.contains(s[i - 1])),
                  let d = smallNumber(i, max: 31), d.value >= 1, at(d.end) == "日" else { return nil }
            // In Chinese numerals only before a word that says when (瓦利六日宣布, 六日晚): 射九日 is nine suns.
            if Scalars.digit(s[i]) == nil, d.value < 2 || !(at(d.end + 1).map(vocab.chineseDayWordAfter.contains) ?? false) { return nil }
            if let n = at(d.end + 1), vocab.dayCountAfter.contains(n) { return nil }
            // 3日以來, 5日以內: a count; 13日以27票贊成 is the 13th (day_count_after_word rows).
            if d.end + 1 < s.count, vocab.dayCountAfterWords.longestMatch(in: s, at: d.end + 1) != nil { return nil }
            return (d.value, d.end + 1)
        }

        /// "3個月" is a duration, "3月" a month; also 月份 and 月薪 are not.
        func isMonthCount(_ monthIndex: Int) -> Bool {
            guard let n = at(monthIndex + 1) else { return false }
            return vocab.monthCountAfter.contains(n)
        }

        /// A four-digit year with 年 (Arabic, full-width or Chinese digits), or an ROC year in Taiwan.
        func writtenYear(at i: Int) -> (year: Int, end: Int)? {
            if let d = digits(i, max: 4), d.count == 4, at(d.end) == "年", years.contains(d.value) {
                return (d.value, d.end + 1)
            }
            // 二〇二四年: four Chinese digits written positionally.
            var v = 0, j = i
            while j < s.count, j - i < 4, let d = NumberScanner.chineseDigit(s[j]) { v = v * 10 + d; j += 1 }
            if j - i == 4, at(j) == "年", years.contains(v) { return (v, j + 1) }
            // 二千零四年, 两千年: a year written with units.
            if let n = NumberScanner.scan(s, at: i), n.isExact, !n.hasBigUnit, !n.arabicOnly, at(n.end) == "年",
               let y = n.integer, years.contains(y) { return (y, n.end + 1) }
            // 07年: a two-digit year with a leading zero is this century.
            if let d = digits(i, max: 2), d.count == 2, s[i] == "0" || s[i] == "０", at(d.end) == "年",
               !(at(d.end + 1).map { vocab.shortYearCountAfter.contains($0) } ?? false) {
                return (2000 + d.value, d.end + 1)
            }
            // 97年 after 在, 於, 至 … (在97年的今天), or before a month (97年7月): the 1900s, outside
            // Taiwan, where a year without its century is an ROC year (below).
            if !taiwan, let d = digits(i, max: 2), d.count == 2, d.value >= 50, s[i] != "0", s[i] != "０", at(d.end) == "年",
               !(at(d.end + 1).map { vocab.shortYearCountAfter.contains($0) } ?? false),
               i > 0 && vocab.yearBefore.contains(s[i - 1]) || (smallNumber(d.end + 1, max: 12).map { at($0.end) == "月" } ?? false) {
                return (1900 + d.value, d.end + 1)
            }
            // 零八年 likewise.
            if s[i] == "零" || s[i] == "〇", i + 1 < s.count, let d = NumberScanner.chineseDigit(s[i + 1]), d > 0, at(i + 2) == "年",
               !(i > 0 && NumberScanner.chineseDigit(s[i - 1]) != nil) {
                return (2000 + d, i + 3)
            }
            if taiwan, let n = smallNumber(i, max: 150), at(n.end) == "年" {
                let next = at(n.end + 1)
                let followsMonth = next.map { Scalars.digit($0) != nil || NumberScanner.chineseDigit($0) != nil || $0 == "十" || $0 == "度" } ?? false
                let durationish = next.map { vocab.rocYearCountAfter.contains($0) } ?? false
                if followsMonth || (n.value >= 50 && !durationish) { return (rocOffset + n.value, n.end + 1) }
            }
            return nil
        }

        /// Where a fiscal-year suffix (`fiscal_suffix` in dates.tsv: 年度, 財政年度, 財年) starting at `j` ends, if one does.
        func fiscalSuffixEnd(_ j: Int) -> Int? {
            j < s.count ? vocab.fiscalSuffixes.longestMatch(in: s, at: j)?.end : nil
        }

        /// Four Chinese digits, a separator, the next year's last two (or four) digits and a
        /// fiscal-year suffix: 二○二三/二四年度 (April 2023 to March 2024).
        func chineseFiscalYear(at i: Int) -> Found? {
            var first = 0, j = i
            while j < s.count, j - i < 4, let d = NumberScanner.chineseDigit(s[j]) { first = first * 10 + d; j += 1 }
            guard j - i == 4, years.contains(first), let sep = at(j), vocab.yearPairSeparators.contains(sep) else { return nil }
            var next = 0, k = j + 1
            while k < s.count, k - j - 1 < 4, let d = NumberScanner.chineseDigit(s[k]) { next = next * 10 + d; k += 1 }
            return fiscalYear(start: i, first: first, next: next, nextDigits: k - j - 1, end: k)
        }

        /// A fiscal year from its first year and the next year's last two or all four digits
        /// ending at `end`, when they follow on and a fiscal suffix comes next: in Hong Kong
        /// April to March. Where the region's fiscal year is the calendar year (the mainland,
        /// Taiwan, Macao), a year written across two is a foreign one of unknown start: the two
        /// years.
        func fiscalYear(start i: Int, first: Int, next: Int, nextDigits: Int, end: Int) -> Found? {
            let second = nextDigits == 2 ? first + 1 - (first + 1) % 100 + next : next
            guard nextDigits == 2 || nextDigits == 4, second == first + 1, let suffixEnd = fiscalSuffixEnd(end) else { return nil }
            let m = fiscalStartMonth
            let v = m == 1 ? DateValue.years(first, second)
                : DateValue(start: CivilDate(year: first, month: m, day: 1), end: CivilDate(year: second, month: m, day: 1).adding(days: -1), granularity: .fiscalYear)
            return Found(start: i, end: suffixEnd, value: v, statedYear: first)
        }

        /// Numeric dates: fiscal years, ISO and slashed forms, day-first Hong Kong dates.
        func numeric(at i: Int) -> Found? {
            guard let a = digits(i, max: 4) else { return nil }
            let sep = at(a.end)
            if a.count == 4, let sp = sep, vocab.yearPairSeparators.contains(sp), let b = digits(a.end + 1, max: 4) {
                // Fiscal year: 2024-25年度, 2024/25財政年度, 2024-2025年度
                if let f = fiscalYear(start: i, first: a.value, next: b.value, nextDigits: b.count, end: b.end) { return f }
                // 1973至74年, 1977-78年: a range of years whose second is written short (its century the first's).
                if vocab.yearRangeSeparators.contains(sp), b.count == 2, at(b.end) == "年", at(b.end + 1) != "度", years.contains(a.value),
                   case let second = a.value / 100 * 100 + b.value, second > a.value {
                    return Found(start: i, end: b.end + 1, value: .years(a.value, second), statedYear: second)
                }
                // 2024-06-20, 2024/6/20, 2024.6.20
                if vocab.numericDateSeparators.contains(sp), years.contains(a.value), b.count <= 2, (1...12).contains(b.value) {
                    if at(b.end) == sp, let d = digits(b.end + 1, max: 2), CivilDate.isValid(year: a.value, month: b.value, day: d.value),
                       !(at(d.end).map { Scalars.digit($0) != nil } ?? false) {
                        let day = CivilDate(year: a.value, month: b.value, day: d.value)
                        return Found(start: i, end: d.end, value: DateValue(start: day, end: day, granularity: .day), statedYear: a.value)
                    }
                }
            }
            if a.count == 4, sep == ".", let b = digits(a.end + 1, max: 2), at(b.end) == ".", let d = digits(b.end + 1, max: 2),
               CivilDate.isValid(year: a.value, month: b.value, day: d.value), years.contains(a.value) {
                let day = CivilDate(year: a.value, month: b.value, day: d.value)
                return Found(start: i, end: d.end, value: DateValue(start: day, end: day, granularity: .day), statedYear: a.value)
            }
            // 20/6/2024 (Hong Kong writes the day first)
            if a.count <= 2, sep == "/", let b = digits(a.end + 1, max: 2), at(b.end) == "/", let y = digits(b.end + 1, max: 4), y.count == 4,
               CivilDate.isValid(year: y.value, month: b.value, day: a.value), !(at(y.end).map { Scalars.digit($0) != nil } ?? false) {
                let day = CivilDate(year: y.value, month: b.value, day: a.value)
                return Found(start: i, end: y.end, value: DateValue(start: day, end: day, granularity: .day), statedYear: y.value)
            }
            return nil
        }

        /// A decade whose 年代 ends at `end`, or the part of it written next (八十年代中期: 1984 to 1986).
        /// Two decades joined by a range mark before one 年代 (40至50年代, 80至90年代), from `base`.
        func decadeRange(at i: Int, base: Int, start: Int) -> Found? {
            guard let a = smallNumber(i, max: 90), a.value % 10 == 0, a.end < s.count,
                  let mark = vocab.rangeMarks.longestMatch(in: s, at: a.end),
                  let b = smallNumber(mark.end, max: 90), b.value % 10 == 0, b.value > a.value,
                  at(b.end) == "年", at(b.end + 1) == "代" else { return nil }
            if base == 1900, a.value < 20 { return nil }
            let last = decade(start: start, end: b.end + 2, first: base + b.value)
            guard let v = last.value else { return nil }
            return Found(start: start, end: last.end, value: .years(base + a.value, v.end.year), statedYear: nil)
        }

        /// The decades written after a century (`base` its first year less one, 1900 for the
        /// twentieth): two joined by a range mark (80至90年代), two neighbouring digits (五六十年代),
        /// or one (八十年代初).
        func decades(at j: Int, base: Int, start: Int) -> Found? {
            if let r = decadeRange(at: j, base: base, start: start) ?? pairedDecades(at: j, base: base, start: start) { return r }
            if let d = smallNumber(j, max: 90), d.value % 10 == 0, at(d.end) == "年", at(d.end + 1) == "代" {
                return decade(start: start, end: d.end + 2, first: base + d.value)
            }
            return nil
        }

        /// Two neighbouring Chinese digits before 十年代: 五六十年代 is the fifties and sixties.
        func pairedDecades(at j: Int, base: Int, start: Int) -> Found? {
            guard let a = at(j).flatMap(NumberScanner.chineseDigit), let b = at(j + 1).flatMap(NumberScanner.chineseDigit),
                  b == a + 1, a >= 1, at(j + 2) == "十", at(j + 3) == "年", at(j + 4) == "代" else { return nil }
            if base == 1900, a < 2 { return nil }
            let last = decade(start: start, end: j + 5, first: base + b * 10)
            guard let v = last.value else { return nil }
            return Found(start: start, end: last.end, value: .years(base + a * 10, v.end.year), statedYear: nil)
        }

        func decade(start: Int, end: Int, first: Int) -> Found {
            var (a, b, stop) = (0, 9, end)
            if let p = vocab.decadeParts.longestMatch(in: s, at: end) {
                (a, b) = vocab.decadePartYears[p.payload]
                stop = p.end
            }
            return Found(start: start, end: stop, value: .years(first + a, first + b), statedYear: nil)
        }

        /// After a year: 度, 年代, quarters, halves and parts, or a month.
        func continueAfterYear(start: Int, yearEnd: Int, year: Int, relative: Bool, contextYear: (Int) -> Int?) -> Found {
            let yearRange = DateValue.years(year, year, relative: relative)
            var j = yearEnd
            if at(j) == "度" { j += 1 }
            else if at(j) == "代", !relative, year % 10 == 0 {
                return decade(start: start, end: j + 1, first: year)
            }
            // Parts written after the year (第三季, 上半年) or sharing its 年 (年底 in 今年年底 or 2024年底).
            for k in [j, j - 1] where k >= start {
                guard let w = vocab.words.longestMatch(in: s, at: k), w.end > j else { continue }
                // A single new character must stand alone as a word (今年中 but not 今年中國).
                if w.end - j == 1, !tokenBoundaries.contains(w.end) { continue }
                switch w.payload {
                case .quarter(let q):
                    var end = w.end
                    if at(end) == "度" { end += 1 }
                    let v = DateValue(start: CivilDate(year: year, month: 3 * q - 2, day: 1), end: CivilDate.lastOfMonth(year: year, month: 3 * q), granularity: .quarter, relative: relative)
                    return Found(start: start, end: end, value: v, statedYear: year)
                case .yearPart(let a, let b):
                    let g: DateGranularity = (a == 1 && b == 12) ? .year : (b - a == 5 ? .half : .partOfYear)
                    let v = DateValue(start: CivilDate(year: year, month: a, day: 1), end: CivilDate.lastOfMonth(year: year, month: b), granularity: g, relative: relative)
                    return Found(start: start, end: w.end, value: v, statedYear: year)
                default:
                    continue
                }
            }
            if let m = smallNumber(j, max: 12), m.value >= 1, at(m.end) == "月", !isMonthCount(m.end) {
                return continueAfterMonth(start: start, monthEnd: m.end + 1, year: year, month: m.value, relative: relative, statedYear: year)
            }
            return Found(start: start, end: j, value: yearRange, statedYear: year)
        }

        /// After a month: a day (日/號), or a part of the month (上旬, 月底, 中).
        func continueAfterMonth(start: Int, monthEnd: Int, year: Int, month: Int, relative: Bool, statedYear: Int?) -> Found {
            let j = monthEnd
            if let d = smallNumber(j, max: 31), let u = at(d.end), u == "日" || u == "號" || u == "号",
               CivilDate.isValid(year: year, month: month, day: d.value) {
                let day = CivilDate(year: year, month: month, day: d.value)
                return Found(start: start, end: d.end + 1, value: DateValue(start: day, end: day, granularity: .day, relative: relative), statedYear: statedYear)
            }
            for k in [j, j - 1] {
                guard let w = vocab.words.longestMatch(in: s, at: k), w.end > j, case .monthPart(let a, let b) = w.payload else { continue }
                if w.end - j == 1, w.end < s.count, !tokenBoundaries.contains(w.end) || vocab.blockedAfter[s[j]]?.contains(s[w.end]) == true { continue }
                let last = CivilDate.daysIn(year: year, month: month)
                let v = DateValue(start: CivilDate(year: year, month: month, day: a), end: CivilDate(year: year, month: month, day: b == 0 ? last : min(b, last)),
                                  granularity: .partOfMonth, relative: relative)
                return Found(start: start, end: w.end, value: v, statedYear: statedYear)
            }
            let v = DateValue(start: CivilDate(year: year, month: month, day: 1), end: CivilDate.lastOfMonth(year: year, month: month), granularity: .month, relative: relative)
            // 3月份 is March too.
            return Found(start: start, end: at(j) == "份" ? j + 1 : j, value: v, statedYear: statedYear)
        }
    }
}
