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
    }
}
