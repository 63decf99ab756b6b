import Foundation
import Testing

/// The real Hong Kong feature article in ../shared, scored by ../shared/eval/score.py.
@Suite("Seed article acceptance")
struct SeedAcceptanceTests {
    @Test("extract on the seed article scores micro F1 >= 0.80 (skipped without ../shared)",
          .enabled(if: CLI.shared != nil, "../shared is absent: seed acceptance skipped"))
    func seedScore() throws {
        let shared = CLI.shared!
        let seed = shared + "/corpus/seed/hk-innotech-2024.txt"
        let r = try CLI.run(["extract", "--published", "2024-06-20", seed])
        #expect(r.status == 0, "\(r.stderr)")
        let pred = CLI.tempDir() + "/seed.jsonl"
        try r.stdout.write(toFile: pred, atomically: true, encoding: .utf8)
        let score = try Scorer.run("score.py", ["--gold", shared + "/eval/gold", "--pred", pred])
        let micro = (score["micro"] as! [String: Any])["f1"] as! Double
        let types = score["types"] as! [String: [String: Any]]
        #expect(micro >= 0.80, "micro F1 \(micro)")
        #expect(types["money"]!["f1"] as! Double >= 0.97)
        #expect(types["date"]!["f1"] as! Double >= 0.97)
        #expect(types["institution"]!["f1"] as! Double >= 0.90)
        #expect(types["programme"]!["f1"] as! Double >= 0.90)
        let funding = score["funding"] as! [Int]
        #expect(funding[0] >= 5, "funding facts \(funding)")
        let same = score["same_entity"] as! [Int], apart = score["different_entity"] as! [Int]
        #expect(same[0] == same[1] && apart[0] == apart[1])
        // Fact records: all seven of the gold, nothing extra, funder and date right on each.
        let facts = try #require(score["facts"] as? [String: Any], "no fact records scored")
        #expect(facts["tp"] as? Int == 7 && facts["fp"] as? Int == 0 && facts["fn"] as? Int == 0, "\(facts)")
        #expect(facts["funder_ok"] as? Int == 7 && facts["date_ok"] as? Int == 7, "\(facts)")
    }

    @Test("ingest then export of the seed gives the same fact records as extract, and `facts` lists them once each",
          .enabled(if: CLI.shared != nil, "../shared is absent: seed acceptance skipped"))
    func seedFactsStored() throws {
        let seed = CLI.shared! + "/corpus/seed/hk-innotech-2024.txt"
        let kb = CLI.tempDir() + "/kb.sqlite"
        let extract = try CLI.run(["extract", "--published", "2024-06-20", seed])
        let ingest = try CLI.run(["ingest", "--kb", kb, "--published", "2024-06-20", seed])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let export = try CLI.run(["export", "--kb", kb])
        let facts = { (r: CLI.Result) in r.stdout.split(separator: "\n").filter { $0.contains("\"kind\":\"fact\"") } }
        #expect(facts(export) == facts(extract) && facts(extract).count == 7)
        // The same article again under another name: a second report of each fact, not a second fact.
        let dir = CLI.tempDir()
        try FileManager.default.copyItem(atPath: seed, toPath: dir + "/reprint.txt")
        _ = try CLI.run(["ingest", "--kb", kb, "--published", "2024-06-21", dir + "/reprint.txt"])
        let linked = try CLI.run(["facts", "--kb", kb, "--format", "jsonl", "--linked"])
        #expect(linked.status == 0, "\(linked.stderr)")
        #expect(linked.lines.count == 7)
        #expect(linked.lines.allSatisfy { ($0["documents"] as? [String]) == ["hk-innotech-2024", "reprint"] && $0["first_reported"] as? String == "2024-06-20" })
        // Without --linked: each fact once per document, with the document's title and the sentence.
        let perDocument = try CLI.run(["facts", "--kb", kb, "--format", "jsonl"])
        #expect(perDocument.lines.count == 14)
        #expect(Set(perDocument.lines.compactMap { $0["doc_id"] as? String }) == ["hk-innotech-2024", "reprint"])
        #expect(perDocument.lines.allSatisfy { $0["title"] as? String == "以創科打造香港新質生產力" && !(($0["sentence"] as? String) ?? "").isEmpty })
        #expect(perDocument.lines.allSatisfy { ["text", "published"].contains($0["date_source"] as? String) })
        // The filters a user narrows with: amounts of at least 100億 in HK dollars, from 2023 on.
        let big = try CLI.run(["facts", "--kb", kb, "--format", "jsonl", "--min-amount", "10000000000", "--currency", "hkd", "--until", "2024-06-20"])
        #expect(!big.lines.isEmpty && big.lines.allSatisfy { ($0["min"] as? Int ?? $0["max"] as? Int ?? 0) >= 10_000_000_000 && $0["currency"] as? String == "HKD" })
        #expect(try CLI.run(["facts", "--kb", kb, "--min-amount", "100億"]).status != 0, "an amount in words is refused with a hint")
        let given = try CLI.run(["facts", "--kb", kb, "--format", "jsonl", "--entity", "香港特區政府"])
        #expect(given.status == 0 && !given.lines.isEmpty, "\(given.stderr)")
        #expect(given.lines.allSatisfy { $0["funder"] as? String == "inst:hksarg" || $0["recipient"] as? String == "inst:hksarg" })
        let innohk = try CLI.run(["facts", "--kb", kb, "--format", "jsonl", "--linked", "--entity", "InnoHK"])
        #expect(Set(innohk.lines.compactMap { $0["min"] as? Int }) == [10_000_000_000, 2_000_000_000])
        let hans = try CLI.run(["facts", "--kb", kb, "--format", "jsonl", "--linked", "--entity", "产学研1+计划"])
        let story = try CLI.run(["entity", "--kb", kb, "--format", "jsonl", "InnoHK"])
        let innohkStory = try #require(story.lines.first)
        #expect(innohkStory["entity_id"] as? String == "prog:innohk")
        #expect((innohkStory["facts"] as? [[String: Any]])?.count == 2, "its two funding facts")
        #expect((innohkStory["surfaces"] as? [[String: Any]])?.contains { $0["text"] as? String == "InnoHK創新平台" } == true)
        #expect(try CLI.run(["entity", "--kb", kb, "no such body"]).status == 1)
        // A short name in the other script than any the documents wrote: 创科局 finds 創科局's bureaus.
        let short = try CLI.run(["entity", "--kb", kb, "--format", "jsonl", "创科局"])
        #expect(short.status == 0 && short.lines.contains { $0["entity_id"] as? String == "inst:itib" }, "\(short.stderr)")
        let csv = try CLI.run(["facts", "--kb", kb, "--format", "csv", "--linked"])
        #expect(csv.stdout.hasPrefix("recipient,recipient_name,currency,min,max,") && csv.stdout.split(separator: "\n").count == 8, "\(csv.stdout)")
        let rows = try CLI.run(["facts", "--kb", kb, "--format", "csv"])
        #expect(rows.stdout.hasPrefix("fact_id,recipient,recipient_name,currency,min,max,approximate,funder,funder_name,date,date_source,doc_id,title,url,"))
        #expect(hans.lines.count == 1 && (hans.lines.first?["sentence"] as? String)?.contains("設立100億元「產學研1+」計劃") == true, "traced to the 2022 list item that dates it")
    }
}

/// The 44 real Chinese news pages of ../shared/eval/peer/cwced, scored by score_html.py.
@Suite("News pages acceptance")
struct NewsPagesAcceptanceTests {
    @Test("main content body F1 >= 0.90, the right date on >= 80% of dated pages, no U+FFFD (skipped without ../shared)",
          .enabled(if: CLI.shared != nil, "../shared is absent: page acceptance skipped"))
    func cwced() throws {
        let shared = CLI.shared!
        let r = try CLI.run(["extract", shared + "/eval/peer/cwced/html"])
        let pred = CLI.tempDir() + "/pages.jsonl"
        try r.stdout.write(toFile: pred, atomically: true, encoding: .utf8)
        let score = try Scorer.run("score_html.py", ["--gold", shared + "/eval/peer/cwced", "--pred", pred])
        #expect(score["missing"] as? Int == 0)
        #expect((score["f1"] as! Double) >= 0.90, "body F1 \(score["f1"]!)")
        #expect(Double(score["date_ok"] as! Int) >= 0.8 * Double(score["dated"] as! Int), "dates \(score["date_ok"]!)/\(score["dated"]!)")
        #expect(score["replacement_chars"] as? Int == 0)
        // Extracted without flags, every page says why its region is what it is, and a plain 元 is renminbi.
        let records = r.lines
        let docs = records.filter { $0["kind"] as? String == "document" }
        #expect(docs.count == 44)
        #expect(docs.allSatisfy { ["charset", "wording", "script", "url"].contains($0["region_source"] as? String) }, "\(docs.map { $0["region_source"] ?? "nil" })")
        #expect(docs.filter { $0["region_source"] as? String == "charset" }.count >= 20, "most of these pages are GB2312: the charset says mainland")
        let byRegion = records.filter { $0["type"] as? String == "money" }.compactMap { $0["value"] as? [String: Any] }.filter { $0["currency_source"] as? String == "region" }
        #expect(byRegion.count > 100 && byRegion.allSatisfy { $0["currency"] as? String == "CNY" }, "\(byRegion.filter { $0["currency"] as? String != "CNY" }.count) not CNY")
    }
}
