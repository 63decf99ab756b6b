import Foundation
import NewsKBCore
import Testing

/// One row of fixtures/recognizer-cases/money.tsv.
struct MoneyCase: CustomTestStringConvertible, Sendable {
    let text, region, surface, currency, min, max, approx: String
    var testDescription: String { text }

    static let all: [MoneyCase] = Repo.cases("recognizer-cases/money.tsv").map {
        MoneyCase(text: $0["text"]!, region: $0["region"]!, surface: $0["surface"]!, currency: $0["currency"]!,
                  min: $0["min"]!, max: $0["max"]!, approx: $0["approx"]!)
    }
}

@Suite("Money: every Hong Kong amount read exactly")
struct MoneyRecognizerTests {
    @Test("case table", arguments: MoneyCase.all)
    func caseTable(_ c: MoneyCase) throws {
        let doc = try Repo.run(c.text, region: c.region.isEmpty ? nil : c.region)
        let money = doc.mentions(.money)
        if c.surface == "-" {
            #expect(money.isEmpty, "expected no amount, found \(money.map { doc.text(of: $0) })")
            return
        }
        try #require(money.count == 1, "expected one amount \(c.surface), found \(money.map { doc.text(of: $0) })")
        let m = money[0]
        #expect(doc.text(of: m) == c.surface)
        guard case .money(let v) = m.value else { Issue.record("no money value"); return }
        #expect(v.currency == c.currency)
        #expect(v.min == (c.min == "-" ? nil : Decimal(string: c.min)), "min")
        #expect(v.max == (c.max == "-" ? nil : Decimal(string: c.max)), "max")
        #expect(v.approximate == (c.approx == "y"), "approximate")
    }

    @Test("plain 元 records how its currency was decided")
    func currencySource() throws {
        let region = try Repo.run("撥款100億元", region: "HK").mentions(.money)[0]
        let fallback = try Repo.run("撥款100億元", region: nil).mentions(.money)[0]
        let explicit = try Repo.run("撥款100億港元").mentions(.money)[0]
        guard case .money(let a) = region.value, case .money(let b) = fallback.value, case .money(let c) = explicit.value else {
            Issue.record("no values"); return
        }
        #expect(a.currencySource == .region)
        #expect(b.currencySource == .region, "the pipeline's own region HK decides when the input names none")
        #expect(c.currencySource == .explicit)
    }

    // A Taiwan travel page's text on GitHub (觀音山, 約五、六百萬年前): the number grammar that amounts use.
    @Test("two digits listed with 、 before the rest of a number are a range, the first taking the second's place")
    func listedPair() throws {
        let s = Array("觀音山位於高雄縣大社鄉東邊，約五、六百萬年前，因造山運動而擠壓出今日的觀音山系".unicodeScalars)
        let at = s.firstIndex(of: "五")!
        let n = try #require(NumberScanner.scan(s, at: at))
        #expect(n.low == 5_000_000 && n.high == 6_000_000 && n.end == at + 5 && !n.isExact)
        // A list's number before 、 at the start of a line is no part of the amount after it.
        let list = Array("\n1、200萬元資助".unicodeScalars)
        #expect(NumberScanner.scan(list, at: 1)?.end == 2)
    }

    // Universal NER Chinese-GSD train (Wikipedia, CC BY-SA 4.0): 廿 is twenty, and the digit after it its ones.
    @Test("廿五 is twenty-five")
    func twentyFive() throws {
        let s = Array("樂章長廿五分鐘，為貝多芬最長樂章之一。".unicodeScalars)
        let n = try #require(NumberScanner.scan(s, at: 3))
        #expect(n.low == 25 && n.high == 25 && n.end == 5)
    }

    // Now TV news on the Community Care Fund, 2020 (money-cues.tsv `list` rows).
    @Test("two amounts listed with 及 share the unit and currency written after the second")
    func listedAmounts() throws {
        let doc = try Repo.run("委員會亦通過資助九龍樂善堂及香港社區組織協會，撥款分別6056萬及7706萬元。")
        let found = doc.mentions(.money).map { m -> String in
            guard case .money(let v) = m.value else { return doc.text(of: m) }
            return "\(doc.text(of: m))=\(v.currency) \(v.min.map { "\($0)" } ?? "-")"
        }
        #expect(found == ["6056萬=HKD 60560000", "7706萬元=HKD 77060000"])
    }

    @Test("two amounts in one sentence stay two")
    func twoAmounts() throws {
        let doc = try Repo.run("研發開支突破300億元，增至301.38億元。")
        #expect(doc.mentions(.money).map { doc.text(of: $0) } == ["突破300億元", "301.38億元"])
    }
}
