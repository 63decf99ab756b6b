import Foundation
import NewsKBCore
import Testing

@Suite("detect.region.v1: a document's region from its wording when the input names none")
struct RegionDetectorTests {
    static func region(_ text: String, given: String? = nil) throws -> (String?, [String]) {
        let doc = try Repo.run("標題\n\n" + text, region: given)
        return (doc.region, doc.warnings)
    }

    @Test("real lines, each with the region its paper is in", arguments: [
        // Xinhua 2023-12-29: Simplified, no other region's words.
        ("记者29日从财政部了解到，财政部近日下达第二批国债资金预算5646亿元。", "CN"),
        // ETtoday 2025-08-14: 行政院, 縣市.
        ("行政院長卓榮泰14日主持行政院會，其中包括原民禁伐補償23.7億、縣市政府一般性補助款636億元。", "TW"),
        // Budget speech 2015-16 para 140, Simplified, from Hong Kong: one 香港 word is enough to keep HK.
        ("在二零一五/一六年度，政府会向医院管理局提供经常拨款四百九十亿元。为了应付香港长远的医疗服务需求，我们会推行多项医院工程。", "HK"),
        // news.gov.hk 2005-02-10, Simplified, from Hong Kong: a Hong Kong department's name keeps it HK.
        ("社会福利署公布，奖券基金在去年10月至12月期间，共批出1亿6,055万元予各项社会福利服务计划。", "HK"),
        // China.com.cn 2015-06-23 in Traditional script: 中央財政.
        ("近日，中央財政下撥中央水利資金250億元，用於支援有關地區172項重大水利工程中的29項續建項目。中央財政此次撥付的資金。", "CN"),
    ])
    func lines(_ text: String, _ expected: String) throws {
        let (region, warnings) = try Self.region(text)
        #expect(region == expected)
        if expected != "HK" { #expect(warnings.contains { $0.hasPrefix("I-REGION: \(expected) from") }, "\(warnings)") }
    }

    @Test("a page's address decides before its wording, and says so: a .cn host is a mainland page", arguments: [
        ("https://www.news.cn/politics/2023-12/29/c_1130000000.htm", "CN"), ("https://news.rthk.hk/rthk/ch/component/k2/1700000.htm", "HK"),
        ("https://news.ltn.com.tw/news/politics/breakingnews/5173820", "TW"), ("https://www.gov.mo/zh-hant/news/1/", "MO"),
    ])
    func byAddress(_ url: String, _ expected: String) throws {
        // A line with Hong Kong words on a page whose address is elsewhere: the address wins.
        var doc = NewsDocument(id: "u", source: "u.html", format: .text, payload: Array("標題\n\n立法會財務委員會今日通過撥款。".utf8), url: url)
        try Repo.pipeline.run(&doc)
        #expect(doc.region == expected)
        #expect(doc.regionSource == .url)
        #expect(doc.warnings.contains { $0.contains("its address") } || expected == "HK", "the pipeline's own region needs no note")
    }

    @Test("a plain 元 follows the detected region: CNY on a mainland page")
    func currency() throws {
        let doc = try Repo.run("标题\n\n记者从财政部了解到，财政部近日下达资金预算5646亿元。", region: nil)
        guard case .money(let v) = try #require(doc.mentions.first { $0.type == .money }).value else { Issue.record("no amount"); return }
        #expect(v.currency == "CNY" && v.currencySource == .region)
    }

    @Test("a region the input names is never changed")
    func givenRegion() throws {
        let (region, warnings) = try Self.region("记者从财政部了解到，财政部近日下达第二批国债资金预算5646亿元。", given: "HK")
        #expect(region == "HK" && !warnings.contains { $0.hasPrefix("I-REGION") })
    }
}
