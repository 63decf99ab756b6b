import Foundation
import Testing

/// `newskb report`: the static pages an analyst opens, read as HTML.
@Suite("report")
struct ReportTests {
    /// The fixtures, and the budget article again under another name a day later (a reprint).
    func knowledgeBase() throws -> (kb: String, out: String) {
        let dir = CLI.tempDir()
        let reprint = CLI.tempDir()
        try FileManager.default.copyItem(atPath: CLI.root + "/fixtures/news/hk-budget-2025.txt", toPath: reprint + "/budget-reprint.txt")
        #expect(try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "--published", "2025-02-27", "fixtures/news"]).status == 0)
        #expect(try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "--published", "2025-02-28", reprint]).status == 0)
        let r = try CLI.run(["report", "--kb", dir + "/kb.sqlite", "--output", dir + "/report"])
        #expect(r.status == 0, "\(r.stderr)")
        return (dir + "/kb.sqlite", dir + "/report")
    }

    func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    /// The cells of the index's funding row for a recipient.
    func fundingRow(_ index: String, _ name: String) -> String? {
        index.components(separatedBy: "<tr>").first { $0.contains(">\(name)</a>") && $0.contains("class=\"n\"") }
    }

    @Test("funding by year counts a fact once however many articles restate it, and keeps currencies apart")
    func restatedOnce() throws {
        let (_, out) = try knowledgeBase()
        let index = try read(out + "/index.html")
        let itf = try #require(fundingRow(index, "創新及科技基金"), "the budget's fund has a funding row")
        #expect(itf.contains("HKD 100億") && !itf.contains("HKD 200億"), "\(itf)")
        let gba = try #require(fundingRow(index, "深港科技创新合作基金"))
        #expect(gba.contains("CNY") && !gba.contains("HKD"), "a renminbi fund is counted in renminbi: \(gba)")
        #expect(gba.contains("CNY 50億") && !gba.contains("70億"), "the first tranche (不少於20億元) is inside the 50億 total, not added to it: \(gba)")
    }

    @Test("each programme's page has its SVG timeline and its facts with their sentences, linked to the documents")
    func programmePage() throws {
        let (_, out) = try knowledgeBase()
        let index = try read(out + "/index.html")
        let link = try #require(index.range(of: "href=\"entity/[^\"]+\">創新及科技基金<", options: .regularExpression).map { String(index[$0]) })
        let file = String(link.dropFirst(6).prefix { $0 != "\"" })
        let page = try read(out + "/" + file)
        #expect(page.contains("<svg") && page.contains("</svg>") && page.contains("<rect"), "a bar for its funding")
        #expect(page.contains("HKD 100億"))
        #expect(page.contains("reported by 2 documents"), "the reprint is a second report of the same fact")
        #expect(page.contains("href=\"../doc/"), "the fact links to its document")
    }

    @Test("a document's page shows its text with the evidence of every fact marked, where the fact's link points")
    func documentPage() throws {
        let (kb, out) = try knowledgeBase()
        let facts = try CLI.run(["facts", "--kb", kb, "--format", "jsonl"]).lines
        let budget = facts.filter { $0["doc_id"] as? String == "hk-budget-2025" }
        #expect(!budget.isEmpty)
        let page = try read(out + "/doc/hk-budget-2025.html")
        for f in budget {
            let id = (f["fact_id"] as! String).replacingOccurrences(of: ":", with: "-")
            #expect(page.contains("<mark class=\"evidence\" id=\"\(id)\""), "fact \(id) is marked")
        }
        #expect(page.contains("class=\"m-money\""))
    }

    @Test("the report refers to nothing on the network: no script, stylesheet, font or image from elsewhere")
    func offline() throws {
        let (_, out) = try knowledgeBase()
        let files = try FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.hasSuffix(".html") }
        #expect(files.count > 3)
        for f in files {
            let html = try read(out + "/" + f)
            #expect(!html.contains("<script"), "\(f)")
            #expect(!html.contains("<link"), "\(f)")
            #expect(!html.contains("@import") && !html.contains("url("), "\(f)")
            #expect(html.range(of: "src=\"", options: .literal) == nil, "\(f)")
        }
    }
}
