import NewsKBCore
import Testing

@Suite("HTML pages: the article, not the page")
struct HTMLContentTests {
    func run(_ html: String) throws -> NewsDocument { try Repo.runHTML(html) }

    @Test("navigation, sidebars, footers and scripts full of amounts are dropped")
    func boilerplate() throws {
        let doc = try run("""
        <html><head><title>新聞標題 - 示例網</title><meta property="article:published_time" content="2024-09-12T10:00:00+08:00">
        <script>var x = "撥款999億元";</script></head><body>
        <nav>首頁 港聞 撥款300億元</nav>
        <div class="content"><h1>新聞標題</h1><p>政府今日宣布撥款100億元推行新計劃，並會在明年檢討成效。</p><p>局長表示，計劃反應理想，會繼續推行。</p></div>
        <div class="sidebar"><p>熱門：2023年12月撥款50億元</p></div>
        <footer>版權所有 查詢電話2345 6789</footer></body></html>
        """)
        #expect(doc.title == "新聞標題")
        #expect(doc.published?.description == "2024-09-12")
        #expect(doc.text == "新聞標題\n\n政府今日宣布撥款100億元推行新計劃，並會在明年檢討成效。\n\n局長表示，計劃反應理想，會繼續推行。")
        #expect(doc.mentions(.money).count == 1)
    }

    @Test("deeply nested pages are rejected, not crashed on")
    func deepNesting() throws {
        let html = String(repeating: "<div>", count: 5000) + "撥款100億元" + String(repeating: "</div>", count: 5000)
        let failure = #expect(throws: StageFailure.self) { try run(html) }
        #expect(failure?.stage == "html.content.v1" && failure?.code == .html)
    }
}
