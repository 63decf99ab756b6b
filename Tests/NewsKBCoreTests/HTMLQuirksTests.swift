@testable import NewsKBCore
import Testing

/// Markup real pages carry that libxml2's HTML parser reads in ways that lose the article.
@Suite("HTML quirks: nothing of the article lost to the parser")
struct HTMLQuirksTests {
    func run(_ html: String) throws -> NewsDocument { try Repo.runHTML(html) }

    let first = "<p>政府撥款5億元推行新計劃，局方表示會在明年檢討。</p>"
    let second = "<p>第二段：創新科技署撥款3億元，明年完成。</p>"

    @Test("a void <embed> without a close does not swallow the paragraphs after it")
    func embed() throws {
        let doc = try run("<html><body><div class=\"content\"><h1>標題</h1>\(first)<embed src=\"clip.swf\">\(second)</div></body></html>")
        #expect(doc.text.contains("第二段：創新科技署撥款3億元"), "\(doc.text)")
        #expect(doc.mentions(.money).count == 2)
    }

    @Test("300 unclosed <font> tags before the article: kept, not 'too deep'")
    func unclosedFonts() throws {
        let doc = try run("<html><body>" + String(repeating: "<font size=\"2\">", count: 300) + "<div class=\"content\"><h1>標題</h1>\(first)\(second)</div></body></html>")
        #expect(doc.text.contains("政府撥款5億元") && doc.text.contains("第二段"), "\(doc.text)")
    }

    @Test("a closed sidebar nested deeper than 256 before the article does not lose it")
    func deepSidebar() throws {
        let side = "<div id=\"side\">" + String(repeating: "<div>", count: 300) + "側欄" + String(repeating: "</div>", count: 300) + "</div>"
        let doc = try run("<html><body>\(side)<div class=\"content\"><h1>標題</h1>\(first)\(second)</div></body></html>")
        #expect(doc.text.contains("第二段"), "\(doc.text)")
    }

    @Test("an unclosed <figcaption> gives back the paragraphs it swallowed; a closed one stays a caption")
    func figcaption() throws {
        let open = try run("<html><body><div class=\"content\"><h1>標題</h1><figure><img src=\"a.jpg\"><figcaption>圖片說明\(first)\(second)</div></body></html>")
        #expect(open.text.contains("政府撥款5億元") && open.text.contains("第二段"), "\(open.text)")
        #expect(!open.text.contains("圖片說明"))
        let closed = try run("<html><body><div class=\"content\"><h1>標題</h1><figure><img src=\"a.jpg\"><figcaption><p>圖片說明：會場</p></figcaption></figure>\(first)\(second)</div></body></html>")
        #expect(!closed.text.contains("圖片說明") && closed.text.contains("第二段"))
    }

    @Test("a NUL byte deep in the page becomes U+FFFD with a warning, and the text after it is kept")
    func nulAfter8K() throws {
        let long = "<p>" + String(repeating: "政府撥款5億元推行新計劃，局方表示會在明年檢討。", count: 400) + "</p>"
        let doc = try run("<html><body><div class=\"content\"><h1>標題</h1>\(long)<p>中段\u{0}之後：創新科技署撥款3億元，明年完成。</p></div></body></html>")
        #expect(doc.text.contains("之後：創新科技署撥款3億元"))
        #expect(doc.warnings.contains("W-DECODE: 1 NUL characters replaced by U+FFFD"))
    }

    @Test("a tag with tens of thousands of attributes is cut to the cap; its content and every other tag stay as they were")
    func attributeCap() throws {
        let attrs = (0..<10_000).map { "a\($0)=\"x y\"" }.joined(separator: " ")
        let page = "<html><body><div class=\"content\" \(attrs)><p title='t' data-x=1>政府撥款5億元推行新計劃，局方表示會在明年檢討。</p></div></body></html>"
        let (bytes, cut) = AttributeCap.apply(Array(page.utf8), max: 256)
        #expect(cut == 1)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("a254=\"x y\"") && !text.contains("a255="), "class and a0…a254 are the 256 kept")
        #expect(text.hasSuffix("><p title='t' data-x=1>政府撥款5億元推行新計劃，局方表示會在明年檢討。</p></div></body></html>"))
        let plain = Array("<div a=1 b='2' c=\"3\"><p>內容</p></div>".utf8)
        #expect(AttributeCap.apply(plain, max: 2).cut == 1 && AttributeCap.apply(plain, max: 3).bytes == plain)
        let doc = try run(page)
        #expect(doc.mentions(.money).count == 1)
    }
}
