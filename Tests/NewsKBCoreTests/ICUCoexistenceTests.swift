import Foundation
import NewsKBCore
import Testing

/// System ICU (through the CICU target) and Foundation's bundled ICU in one process:
/// both must give their own correct answers, with no symbol of one bound to the other.
@Suite("ICU and Foundation side by side")
struct ICUCoexistenceTests {
    @Test("system ICU word break, normalisation, transliteration and Foundation string APIs in one process")
    func bothWork() throws {
        // Foundation (its own ICU): case mapping, comparison, number and date formatting.
        #expect("straße".uppercased() == "STRASSE")
        #expect("香港".compare("香港", options: .caseInsensitive) == .orderedSame)
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.locale = Locale(identifier: "en_US")
        #expect(f.string(from: 1234567) == "1,234,567")
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "Asia/Hong_Kong")!
        let d = cal.date(from: DateComponents(year: 2024, month: 6, day: 20))!
        #expect(cal.component(.weekday, from: d) == 5)   // a Thursday

        // System ICU through CICU.
        #expect(ICU.version.hasPrefix("7"))
        let text = Array("新型工業發展辦公室".unicodeScalars)
        let (bounds, _) = ICU.boundaries(text[...], sentence: false)
        #expect(bounds.first == 0 && bounds.last == text.count && bounds.count >= 3, "dictionary word break splits the name")
        #expect(ICU.normalize("１２３ＡＢＣ", nfkc: true) == "123ABC")
        #expect(Transliterator.hantToHans?.apply("創新科技及工業局") == "创新科技及工业局")
        #expect(ICU.convert([0xA4, 0xA4, 0xA4, 0xE5], from: "Big5-HKSCS", strict: true) == "中文")

        // And Foundation again after ICU ran.
        #expect("ǅ".lowercased() == "ǆ")
        #expect("香港".localizedStandardCompare("香港") == .orderedSame)
        #expect(("創新" as NSString).length == 2)
    }

    @Test("sentence boundaries fall after 。 and at paragraph breaks")
    func sentences() {
        let s = Array("今年撥款。明年檢討！\n\n新段落".unicodeScalars)
        let (b, _) = ICU.boundaries(s[...], sentence: true)
        #expect(b.contains(5) && b.contains(12), "\(b)")
    }

    @Test("offsets stay in code points when text has characters outside the BMP")
    func astral() {
        let s = Array("加建𨋢及升降機".unicodeScalars)
        let (b, _) = ICU.boundaries(s[...], sentence: false)
        #expect(b.last == s.count)
        #expect(b.allSatisfy { $0 <= s.count })
    }
}
