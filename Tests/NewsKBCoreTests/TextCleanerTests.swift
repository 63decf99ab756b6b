import NewsKBCore
import Testing

@Suite("Clean text: headline, blank line, paragraphs")
struct TextCleanerTests {
    @Test("the first line is the headline and paragraphs are separated by one blank line")
    func layout() throws {
        let doc = try Repo.run("\n\n  標題　在此  \n\n\n第一段。\n\n\n\n第二段。\n")
        #expect(doc.title == "標題 在此")
        #expect(doc.text == "標題 在此\n\n第一段。\n\n第二段。")
    }

    @Test("a paragraph broken between two characters is joined, even across blank lines")
    func joinsBrokenParagraph() throws {
        let body = "所以計劃正好釋放本地大學科研成果轉化和商品化的潛力，回應了香港創"
        let doc = try Repo.run("標題\n\n\(body)\n\n科面臨的重大挑戰。\n\n短標題\n\n下一段。")
        #expect(doc.text.contains("回應了香港創科面臨的重大挑戰。"))
        #expect(doc.text.contains("\n\n短標題\n\n下一段。"), "a short heading is not joined to the next paragraph")
    }

    @Test("a long headline with a blank line after it stays the headline, not the start of the first paragraph")
    func longHeadline() throws {
        // A press release's title (info.gov.hk, 2018-03-02): 51 characters, no closing punctuation.
        let title = "財經事務及庫務局局長在立法會財務委員會會議就二零一八/一九年度基本工程儲備基金整體撥款申請發言全文"
        let doc = try Repo.run("\(title)\n\n以下是財經事務及庫務局局長今日下午於立法會財務委員會會議上的開場發言全文：\n")
        #expect(doc.title == title)
        #expect(doc.text.hasPrefix(title + "\n\n以下是"))
    }

    @Test("a sentence that ends with punctuation is not joined")
    func keepsFinishedParagraphs() throws {
        let doc = try Repo.run("標題\n\n這是一段已經完整結束的長句子，內容關於香港的創新科技政策發展。\n\n第二段開始。")
        #expect(doc.text.hasSuffix("發展。\n\n第二段開始。"))
    }

    @Test("zero-width and control characters are removed, NFC applied")
    func tidies() throws {
        let doc = try Repo.run("標\u{200B}題\u{0007}\n\nCafe\u{0301}。")
        #expect(doc.text == "標題\n\nCafé。")
    }

    @Test("language is told from the script")
    func language() throws {
        #expect(try Repo.run("這是香港的新聞報道，政府會發表。").language == "zh-Hant")
        #expect(try Repo.run("这是香港的新闻报道，政府会发表。").language == "zh-Hans")
    }
}
