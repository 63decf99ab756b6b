import Foundation
import Testing

@Suite("Search in either script")
struct SearchTests {
    /// A knowledge base of the bundled fixtures (one of them a Taiwan feed on 半導體).
    static func kb() throws -> String {
        let kb = CLI.tempDir() + "/kb.sqlite"
        let r = try CLI.run(["ingest", "--kb", kb, "--published", "2025-02-27", "fixtures/news"])
        #expect(r.status == 0, "\(r.stderr)")
        return kb
    }

    @Test("a Simplified query finds Traditional text, with the hit marked in a snippet")
    func eitherScript() throws {
        let kb = try Self.kb()
        let hans = try CLI.run(["search", "--kb", kb, "--format", "jsonl", "半导体"])
        let hant = try CLI.run(["search", "--kb", kb, "--format", "jsonl", "半導體"])
        #expect(hans.status == 0, "\(hans.stderr)")
        #expect(!hans.lines.isEmpty && hans.stdout == hant.stdout)
        #expect(hans.lines.allSatisfy { ($0["snippet"] as? String)?.contains("【半導體】") == true }, "\(hans.stdout)")
    }

    @Test("a Hong Kong variant, its standard form and the Simplified form find the same article (衞生, 衛生, 卫生)")
    func hongKongVariants() throws {
        let kb = try Self.kb()
        let found = try ["衞生局", "衛生局", "卫生局"].map { try CLI.run(["search", "--kb", kb, "--format", "jsonl", $0]).lines.compactMap { $0["doc_id"] as? String } }
        #expect(found[0].contains("feed-2024-07-02-hk"), "the fixture writes 醫務衞生局")
        #expect(found[0] == found[1] && found[1] == found[2], "\(found)")
    }

    @Test("every term is required; a term of two characters matches wherever it stands")
    func allTerms() throws {
        let kb = try Self.kb()
        let one = try CLI.run(["search", "--kb", kb, "--format", "jsonl", "撥款"])
        let two = try CLI.run(["search", "--kb", kb, "--format", "jsonl", "撥款", "半導體"])
        #expect(one.lines.count > two.lines.count)
        #expect(Set(two.lines.compactMap { $0["doc_id"] as? String }).isSubset(of: Set(one.lines.compactMap { $0["doc_id"] as? String })))
        let none = try CLI.run(["search", "--kb", kb, "--format", "jsonl", "不存在的詞語組合"])
        #expect(none.status == 0 && none.lines.isEmpty)
    }

    @Test("ingesting a changed file again leaves one index entry for its document, and CSV has a header")
    func reindexed() throws {
        let dir = CLI.tempDir()
        let kb = dir + "/kb.sqlite"
        try "標題\n\n政府撥款研究半導體。".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        _ = try CLI.run(["ingest", "--kb", kb, dir + "/a.txt"])
        try "標題\n\n政府撥款研究半導體和人工智能。".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        _ = try CLI.run(["ingest", "--kb", kb, dir + "/a.txt"])
        let csv = try CLI.run(["search", "--kb", kb, "--format", "csv", "半導體"])
        #expect(csv.stdout.split(separator: "\n").count == 2, "\(csv.stdout)")
        #expect(csv.stdout.hasPrefix("doc_id,title,published,score,snippet\n"))
        #expect(try CLI.run(["search", "--kb", kb, "--format", "jsonl", "人工智能"]).lines.count == 1, "the new text is indexed")
    }

    @Test("a knowledge base made before the index is indexed when it is next opened")
    func upgraded() throws {
        let kb = try Self.kb()
        try shell("python3 -c \"import sqlite3; c=sqlite3.connect('\(kb)'); c.execute('drop trigger document_search_delete'); c.execute('drop table search'); c.execute(\\\"delete from grdb_migrations where identifier='v5-search'\\\"); c.commit()\"")
        let r = try CLI.run(["search", "--kb", kb, "--format", "jsonl", "半導體"])
        #expect(r.status == 0 && !r.lines.isEmpty, "\(r.stderr)")
    }
}
