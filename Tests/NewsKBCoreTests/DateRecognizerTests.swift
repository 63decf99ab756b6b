import NewsKBCore
import Testing

/// One row of fixtures/recognizer-cases/dates.tsv.
struct DateCase: CustomTestStringConvertible, Sendable {
    let text, published, region, surface, start, end, granularity: String
    var testDescription: String { "\(text) @\(published)" }

    static let all: [DateCase] = Repo.cases("recognizer-cases/dates.tsv").map {
        DateCase(text: $0["text"]!, published: $0["published"]!, region: $0["region"]!, surface: $0["surface"]!,
                 start: $0["start"]!, end: $0["end"]!, granularity: $0["granularity"]!)
    }
}

@Suite("Dates: resolved to real ranges against the published date")
struct DateRecognizerTests {
    @Test("case table", arguments: DateCase.all)
    func caseTable(_ c: DateCase) throws {
        let doc = try Repo.run(c.text, published: c.published, region: c.region.isEmpty ? nil : c.region)
        let dates = doc.mentions(.date)
        if c.surface == "-" {
            #expect(dates.isEmpty, "expected no date, found \(dates.map { doc.text(of: $0) })")
            return
        }
        try #require(dates.count == 1, "expected one date \(c.surface), found \(dates.map { doc.text(of: $0) })")
        #expect(doc.text(of: dates[0]) == c.surface)
        guard case .date(let v) = dates[0].value else { Issue.record("no date value"); return }
        #expect(v.start.description == c.start)
        #expect(v.end.description == c.end)
        #expect(v.granularity.rawValue == c.granularity)
    }

    @Test("two-digit years listed before one 年 are two years", arguments: [
        // A property listing (Simplified, mainland) and an interview on machine learning (Simplified), both public.
        ("03、04年连续两届荣获南城区商品房销售冠军", "CN", ["03": "2003", "04年": "2004"]),
        ("97、98年SVM被发明出来，极其火热", "CN", ["97": "1997", "98年": "1998"]),
    ])
    func listedYears(_ text: String, _ region: String, _ expected: [String: String]) throws {
        let doc = try Repo.run(text, published: "2024-06-20", region: region)
        var got: [String: String] = [:]
        for m in doc.mentions(.date) {
            guard case .date(let v) = m.value else { continue }
            #expect(v.start.month == 1 && v.end.month == 12 && v.start.year == v.end.year)
            got[doc.text(of: m)] = String(v.start.year)
        }
        #expect(got == expected)
    }

    // China News Service via cri.cn 2016-03-21.
    @Test("當天 is the day a date just before named, and no date when none did", arguments: [
        ("財委會19日加開會議，一共通過4項撥款申請。綜合香港媒體報道，當天，財委會加開4節會議。", "2016-03-21", "當天", "2016-03-19"),
        ("當天下雨，會議延期。", "2016-03-21", "當天", nil),
    ])
    func dayAnaphor(_ text: String, _ published: String, _ surface: String, _ day: String?) throws {
        let doc = try Repo.run(text, published: published, region: "HK")
        let found = doc.mentions(.date).first { doc.text(of: $0) == surface }
        guard let day else {
            #expect(found == nil, "\(doc.mentions(.date).map { doc.text(of: $0) })")
            return
        }
        guard let found, case .date(let v) = found.value else { Issue.record("no \(surface)"); return }
        #expect(v.start.description == day && v.end.description == day && v.granularity == .day)
    }

    @Test("a bare 7月1日 under a heading naming 2022 takes 2022")
    func yearFromHeading() throws {
        let doc = try Repo.run("政策回顧\n\n2022年\n\n◆ 創新及科技局於7月1日改名為創新科技及工業局", published: "2024-06-20")
        let dates = doc.mentions(.date)
        #expect(dates.map { doc.text(of: $0) } == ["2022年", "7月1日"])
        guard case .date(let v) = dates.last?.value else { Issue.record("no date value"); return }
        #expect(v.start.description == "2022-07-01")
    }

    @Test("a bare month after a sentence naming a year takes that year")
    func yearFromPreviousSentence() throws {
        let doc = try Repo.run("2019年經濟下滑。3月出口跌一成。", published: "2024-06-20")
        guard case .date(let v) = doc.mentions(.date).last!.value else { Issue.record("no date"); return }
        #expect(v.start.description == "2019-03-01")
    }

    static func start(_ m: Mention) -> String {
        if case .date(let v) = m.value { return v.start.description }
        return "nil"
    }

    // Universal NER Chinese-GSD, train split (Wikipedia, CC BY-SA 4.0).
    @Test("a bare day takes the month of the date just before it")
    func dayFromPreviousDate() throws {
        let doc = try Repo.run("日航擬於2012年9月10日定價，並於19日在東京證券交易所上市。", published: "2024-06-20")
        let values = doc.mentions(.date).map { doc.text(of: $0) + "=" + Self.start($0) }
        #expect(values == ["2012年9月10日=2012-09-10", "19日=2012-09-19"])
    }

    @Test("a date after the hyphen that ends another date is read year and all, and the two are one range")
    func dateAfterHyphen() throws {
        let doc = try Repo.run("蘭封戰鬥發生於1927年10月20日-1928年1月20日，交戰地點則是在中國豫東一帶。", published: "2024-06-20")
        let values = doc.mentions(.date).map { m -> String in
            guard case .date(let v) = m.value else { return doc.text(of: m) }
            return doc.text(of: m) + "=" + v.start.description + ".." + v.end.description
        }
        #expect(values == ["1927年10月20日-1928年1月20日=1927-10-20..1928-01-20"])
    }

    @Test("a bare month far from any year takes the published year")
    func yearFromPublished() throws {
        let doc = try Repo.run("2019年經濟下滑。\n\n其後多年情況好轉。\n\n業界指出，3月出口回升。", published: "2024-06-20")
        guard case .date(let v) = doc.mentions(.date).last!.value else { Issue.record("no date"); return }
        #expect(v.start.description == "2024-03-01")
    }

    @Test("relative dates without a published date have no value, not a wrong one")
    func noPublished() throws {
        let doc = try Repo.run("去年12月推出", published: nil)
        #expect(doc.mentions(.date).count == 1)
        #expect(doc.mentions(.date)[0].value == .none)
    }
}
