import Foundation
import NewsKBCore
import Testing

@Suite("Records: the JSONL a document writes")
struct RecordsTests {
    /// Every line of a document's records, parsed back with Foundation's JSON reader.
    func lines(_ doc: NewsDocument) throws -> [[String: Any]] {
        var out: [UInt8] = []
        Records.write(doc, to: &out)
        return try String(decoding: out, as: UTF8.self).split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test("text with quotes, backslashes, tabs, control characters and U+2028 survives a round trip")
    func escaping() throws {
        let body = "他說：\"政府撥款\\100億元\"\t即時生效\u{2028}下一段\u{1}完"
        var doc = try Repo.run(body)
        doc.author = "記者 \"陳\""
        let records = try lines(doc)
        let document = try #require(records.first)
        #expect(document["kind"] as? String == "document")
        #expect((document["text"] as? String)?.contains("\"政府撥款\\100億元\"") == true)
        #expect(document["author"] as? String == "記者 \"陳\"")
        let money = try #require(records.first { $0["type"] as? String == "money" })
        #expect(money["text"] as? String == "100億元")
        let value = try #require(money["value"] as? [String: Any])
        #expect((value["min"] as? NSNumber)?.int64Value == 10_000_000_000)
    }

    @Test("keys are written in sorted order, so equal records are equal bytes")
    func sortedKeys() throws {
        var doc = try Repo.run("2024年12月，創新科技署撥款5.5億元推行新計劃。")
        doc.author = "記者"
        var out: [UInt8] = []
        Records.write(doc, to: &out)
        for line in String(decoding: out, as: UTF8.self).split(separator: "\n") {
            let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let resorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            // Same keys in the same order: compare the key sequence, not number formatting.
            let keys = { (s: String) in s.matches(of: /"([a-z_]+)":/).map { String($0.1) } }
            #expect(keys(String(line)) == keys(String(decoding: resorted, as: UTF8.self)), "\(line.prefix(80))")
        }
        #expect(try lines(doc).contains { ($0["value"] as? [String: Any])?["max"] as? NSNumber == NSNumber(value: 550_000_000) })
    }
}
