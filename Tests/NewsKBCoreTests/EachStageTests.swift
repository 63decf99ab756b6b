import Foundation
import NewsKBCore
import NewsKBTestSupport
import Testing

/// Every stage run on its own, over a document that holds just the layers the stage
/// requires (built by hand, or by the one stage that assigns a layer too fiddly to build).
@Suite("Each stage on its own")
struct EachStageTests {
    @Test("moving recognise.names.v1 before the amounts and dates it must not overlap is refused by the loader")
    func orderChecked() throws {
        var def = Repository.pipeline.definition
        let names = def.stages.firstIndex { $0.stage == "recognise.names.v1" }!, money = def.stages.firstIndex { $0.stage == "recognise.money.v1" }!
        def.stages.swapAt(names, money)
        #expect(throws: NewsKBError.self) { try def.validate() }
    }

    @Test("every stage of the pipeline file has a test here or in its own suite")
    func covered() {
        let tested: Set<String> = ["decode.v1", "html.content.v1", "clean.text.v1", "detect.language.v1", "segment.sentences.v1",
                                   "segment.words.v1", "recognise.money.v1", "recognise.date.v1", "recognise.names.v1",
                                   "resolve.entities.v1", "relate.v1", "relate.facts.v1", "detect.region.v1"]
        #expect(Set(Repository.pipeline.stages.map(\.name)) == tested)
    }

    @Test("decode.v1: Big5-HKSCS bytes with no label become text, with the charset noted")
    func decode() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sys; sys.stdout.buffer.write('香港特區政府撥款100億元，搭𨋢好唔方便。'.encode('big5hkscs'))"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let bytes = [UInt8](out.fileHandleForReading.readDataToEndOfFile())
        p.waitUntilExit()
        var doc = NewsDocument(id: "d", source: "hand", format: .text, payload: bytes)
        try runStage("decode.v1", on: &doc)
        #expect(doc.decoded == "香港特區政府撥款100億元，搭𨋢好唔方便。")
        #expect(doc.warnings.contains { $0.hasPrefix("I-CHARSET: decoded as Big5-HKSCS") })
    }

    @Test("html.content.v1: the article's paragraphs and headline, not the navigation")
    func html() throws {
        var doc = NewsDocument(id: "h", source: "hand", format: .html, payload: [])
        doc.decoded = "<html><head><title>標題 - 港聞</title></head><body><nav>首頁 新聞 撥款1億元</nav><div class=\"content\"><h1>標題</h1><p>政府撥款5億元推行新計劃，局方表示會在明年檢討。</p><p>第二段：創新科技署撥款3億元，明年完成。</p></div></body></html>"
        try runStage("html.content.v1", on: &doc)
        #expect(doc.paragraphs.contains("政府撥款5億元推行新計劃，局方表示會在明年檢討。"))
        #expect(!doc.paragraphs.contains { $0.contains("首頁") })
    }

    @Test("clean.text.v1: headline, blank line, paragraphs; a hard wrap inside a paragraph joined")
    func clean() throws {
        var doc = NewsDocument(id: "c", source: "hand", format: .text, payload: [])
        doc.decoded = "標題\n\n所以計劃正好釋放本地大學科研成果轉化和商品化的潛力，回應了香港創\n科面臨的重大挑戰。\n\n第二段。"
        try runStage("clean.text.v1", on: &doc)
        #expect(doc.title == "標題")
        #expect(doc.text == "標題\n\n所以計劃正好釋放本地大學科研成果轉化和商品化的潛力，回應了香港創科面臨的重大挑戰。\n\n第二段。")
    }

    @Test("clean.text.v1: a short line standing alone (a year heading, a byline) stays its own paragraph")
    func cleanHeading() throws {
        // The form of the seed article's list: a long line, a blank line, 2024年, a blank line, items.
        var doc = NewsDocument(id: "c", source: "hand", format: .text, payload: [])
        doc.decoded = "標題\n\n- ◆ 設立100億元「新型工業加速計劃」，推動下游新型工業發展\n\n2024年\n\n- ◆ 年內成立香港微電子研發院，促進第三代半導體研發合作\n\n整理：本報記者"
        try runStage("clean.text.v1", on: &doc)
        #expect(doc.text == "標題\n\n- ◆ 設立100億元「新型工業加速計劃」，推動下游新型工業發展\n\n2024年\n\n- ◆ 年內成立香港微電子研發院，促進第三代半導體研發合作\n\n整理：本報記者")
    }

    @Test("detect.language.v1: Simplified and Traditional text told apart")
    func language() throws {
        var hans = handMade("标题\n\n政府宣布拨款五亿元推动创新发展，这项计划会在明年检讨。")
        try runStage("detect.language.v1", on: &hans)
        #expect(hans.language == "zh-Hans")
        var hant = handMade("標題\n\n政府宣布撥款五億元推動創新發展，這項計劃會在明年檢討。")
        try runStage("detect.language.v1", on: &hant)
        #expect(hant.language == "zh-Hant")
    }

    @Test("segment.sentences.v1 and segment.words.v1: sentences and word boundaries as code-point ranges")
    func segments() throws {
        var doc = handMade("政府撥款5億元。局方會檢討。")
        doc.sentences = []
        try runStage("segment.sentences.v1", on: &doc)
        #expect(doc.sentences == [0..<8, 8..<14])
        try runStage("segment.words.v1", on: &doc)
        #expect(doc.tokens.first.map { $0.start..<$0.end } == 0..<2, "政府 is a word")
        #expect(doc.isTokenBoundary.count == doc.scalars.count + 1)
    }

    @Test("recognise.money.v1: an amount with its bound, in whole units, from the sentence layer")
    func money() throws {
        var doc = handMade("政府撥款逾28億元興建研發院。")
        try runStage("recognise.money.v1", on: &doc)
        let m = try #require(doc.mentions.first)
        #expect(doc.text(of: m) == "逾28億元")
        #expect(m.value == .money(MoneyValue(currency: "HKD", min: 2_800_000_000, max: nil, approximate: false, currencySource: .region)))
    }

    @Test("recognise.date.v1: a relative date resolved against the published date")
    func date() throws {
        var doc = handMade("計劃將於明年3月底完成。", published: "2024-06-20")
        try runStage("segment.words.v1", on: &doc)   // dates start and end on word boundaries
        try runStage("recognise.date.v1", on: &doc)
        let m = try #require(doc.mentions.first)
        #expect(doc.text(of: m) == "明年3月底")
        guard case .date(let v) = m.value else { Issue.record("no date value"); return }
        #expect(v.start.description == "2025-03-21" && v.end.description == "2025-03-31", "\(v.start)..\(v.end)")
    }

    @Test("recognise.names.v1: a lexicon name found, never over an amount already taken")
    func names() throws {
        let text = "創新科技署與海洋生態研究中心合作。"
        var doc = handMade(text)
        try runStage("segment.words.v1", on: &doc)   // the token layer this stage requires
        try runStage("recognise.names.v1", on: &doc)
        let found = doc.mentions.map { doc.text(of: $0) }
        #expect(found.contains("創新科技署"), "\(found)")
        guard case .name(let lexical) = doc.mentions.first(where: { doc.text(of: $0) == "創新科技署" })?.value else { Issue.record("no name"); return }
        #expect(lexical.method == .lexicon && lexical.lexiconID != nil)
    }
}
