import Foundation
import Testing

@Suite("ingest, export, stats", .serialized)
struct KnowledgeBaseCommandTests {
    @Test("ingesting twice changes nothing and two exports are byte-identical")
    func idempotent() throws {
        let dir = CLI.tempDir()
        let kb = dir + "/kb.sqlite"
        let first = try CLI.run(["ingest", "--kb", kb, "--published", "2025-02-27", "fixtures/news"])
        #expect(first.status == 0, "\(first.stderr)")
        let e1 = try CLI.run(["export", "--kb", kb])
        let second = try CLI.run(["ingest", "--kb", kb, "--published", "2025-02-27", "fixtures/news"])
        #expect(second.status == 0)
        #expect(second.stderr.contains("added=0") && second.stderr.contains("skipped_files=6"), "\(second.stderr)")
        let e2 = try CLI.run(["export", "--kb", kb, "--output", dir + "/out.jsonl"])
        #expect(e2.status == 0)
        let file = try String(contentsOfFile: dir + "/out.jsonl", encoding: .utf8)
        #expect(file == e1.stdout, "export to a file equals export to stdout, and re-ingesting changed nothing")
        Contract.checkOffsets(e1.lines)
        let kinds = Set(e1.lines.compactMap { $0["kind"] as? String })
        #expect(kinds.isSuperset(of: ["document", "mention", "entity", "relation"]))
        // Ids are unique: no document or mention twice.
        let docIDs = e1.lines.filter { $0["kind"] as? String == "document" }.map { $0["doc_id"] as! String }
        #expect(docIDs.count == Set(docIDs).count)
        // Hidden temporary files are gone after the rename.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test("a changed document replaces its old mentions; the export matches a fresh ingest of the new text")
    func changedDocument() throws {
        let dir = CLI.tempDir()
        let input = dir + "/news"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        try "標題\n\n政府撥款100億元推行「產學研1+」計劃。".write(toFile: input + "/a.txt", atomically: true, encoding: .utf8)
        _ = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "--published", "2024-06-20", input])
        try "標題\n\n政府撥款200億元推行「產學研1+」計劃，創新科技署負責。".write(toFile: input + "/a.txt", atomically: true, encoding: .utf8)
        let again = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "--published", "2024-06-20", input])
        #expect(again.stderr.contains("replaced=1"), "\(again.stderr)")
        let updated = try CLI.run(["export", "--kb", dir + "/kb.sqlite"])
        _ = try CLI.run(["ingest", "--kb", dir + "/fresh.sqlite", "--published", "2024-06-20", input])
        let fresh = try CLI.run(["export", "--kb", dir + "/fresh.sqlite"])
        #expect(updated.stdout == fresh.stdout)
        #expect(!updated.stdout.contains("\"100億元\""))
    }

    @Test("stats counts by type and lists the most mentioned entities")
    func stats() throws {
        let dir = CLI.tempDir()
        _ = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "--published", "2025-02-27", "fixtures/news"])
        let s = try CLI.run(["stats", "--kb", dir + "/kb.sqlite", "--top", "3"])
        #expect(s.status == 0)
        #expect(s.stdout.contains("documents  11"), "\(s.stdout)")
        #expect(s.stdout.contains("most mentioned entities"))
        #expect(s.stdout.contains("money"))
    }
}

@Suite("Command line behaviour")
struct CLIBehaviourTests {
    @Test("every command has --help", arguments: ["ingest", "export", "extract", "errors", "prune", "stats", "facts", "search", "entity", "load", "bench"])
    func help(_ command: String) throws {
        let r = try CLI.run([command, "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE"))
    }

    @Test("a bad --published is one line on stderr and exit code 2")
    func usageError() throws {
        let r = try CLI.run(["extract", "--published", "20-06-2024", "fixtures/news"])
        #expect(r.status == 2)
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("a missing input path is an error record and exit 1; the other inputs are still extracted")
    func missingPath() throws {
        let r = try CLI.run(["extract", "no/such/place", "fixtures/news/hk-budget-2025.txt"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no/such/place"))
        #expect(r.lines.contains { $0["kind"] as? String == "error" && $0["code"] as? String == "E-NOTFOUND" && $0["source"] as? String == "no/such/place" })
        #expect(r.lines.contains { $0["kind"] as? String == "document" && $0["doc_id"] as? String == "hk-budget-2025" })
    }

    @Test("extract - streams JSONL records from stdin")
    func stdinStream() throws {
        let input = """
        {"id":"s1","published":"2024-06-20","region":"HK","title":"測試","text":"政府撥款100億元。"}
        {"id":"s2","published":"2024-06-20","region":"CN","text":"投入5亿元。"}
        """
        let r = try CLI.run(["extract", "-"], stdin: input)
        #expect(r.status == 0, "\(r.stderr)")
        let money = r.lines.filter { $0["kind"] as? String == "mention" && $0["type"] as? String == "money" }
        #expect(money.count == 2)
        #expect((money.last?["value"] as? [String: Any])?["currency"] as? String == "CNY")
    }
}

@Suite("load: merging extract parts")
struct LoadCommandTests {
    @Test("two extract parts loaded into one knowledge base export exactly what one ingest exports")
    func partsEqualIngest() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/parts", withIntermediateDirectories: true)
        let a = try CLI.run(["extract", "--published", "2025-02-27", "fixtures/news/hk-budget-2025.txt", "fixtures/news/cyberport-ai-grant.html", "fixtures/news/legco-lift-big5.html"])
        let b = try CLI.run(["extract", "--published", "2025-02-27", "fixtures/news/gba-fund-hans.txt", "fixtures/news/feed-2024-07.jsonl", "fixtures/news/hk-feed-sample.warc.gz"])
        try a.stdout.write(toFile: dir + "/parts/part-00000", atomically: true, encoding: .utf8)
        try b.stdout.write(toFile: dir + "/parts/part-00001", atomically: true, encoding: .utf8)
        let load = try CLI.run(["load", "--kb", dir + "/loaded.sqlite", dir + "/parts"])
        #expect(load.status == 0, "\(load.stderr)")
        // Loading the same parts again changes nothing.
        _ = try CLI.run(["load", "--kb", dir + "/loaded.sqlite", dir + "/parts"])
        _ = try CLI.run(["ingest", "--kb", dir + "/ingested.sqlite", "--published", "2025-02-27", "fixtures/news"])
        let x = try CLI.run(["export", "--kb", dir + "/loaded.sqlite"]), y = try CLI.run(["export", "--kb", dir + "/ingested.sqlite"])
        #expect(x.stdout == y.stdout)
        #expect(!x.stdout.isEmpty)
        // The typed tables too: a SQL user sees the same rows whichever way the documents came.
        for table in ["money_mention", "date_mention", "sentence", "funding_fact", "entity_mention"] {
            let sql = "SELECT * FROM \(table) ORDER BY 1, 2, 3"
            let a = try SQL.rows(dir + "/loaded.sqlite", sql), b = try SQL.rows(dir + "/ingested.sqlite", sql)
            #expect(a == b && !a.isEmpty, "\(table)")
        }
        let columns = "SELECT doc_id, ord, type, subject, subject_text, object_entity, object_currency, object_min, object_max, object_approximate, object_date_start, object_date_end, object_granularity, evidence_start, evidence_end FROM relation ORDER BY 1, 2"
        let la = try SQL.rows(dir + "/loaded.sqlite", columns), ib = try SQL.rows(dir + "/ingested.sqlite", columns)
        #expect(la == ib && !la.isEmpty)
    }
}
