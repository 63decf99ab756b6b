import Foundation
import GRDB
import NewsKBCore
import NewsKBTestSupport
@testable import NewsKBStore
import Testing

/// The typed tables a SQL user queries: values, sentences, counts and keys agree with the
/// export's records, whatever way the documents came in.
@Suite("Typed schema")
struct TypedSchemaTests {
    static var pipeline: Pipeline { Repository.pipeline }

    func doc(_ id: String, _ text: String, published: String = "2024-06-20") throws -> NewsDocument {
        var d = NewsDocument(id: id, source: id + ".txt", format: .text, payload: Array(text.utf8), published: CivilDate(iso: published))
        try Self.pipeline.run(&d)
        return d
    }

    func tempKB() throws -> KnowledgeBase {
        try KnowledgeBase(path: NSTemporaryDirectory() + "kb-\(UUID().uuidString).sqlite")
    }

    /// Two documents written as Hong Kong papers write them.
    func fixtures() throws -> [NewsDocument] {
        [try doc("budget", "財政預算案\n\n政府將向創新科技署撥款約100億元，推行「產學研1+」計劃，明年3月底前完成。另撥出不少於20億元成立新基金。"),
         try doc("hku", "港大新聞\n\n香港大學獲研資局撥款2億元至3億元，2024年第三季開始研究。")]
    }

    @Test("each amount's currency, min, max and approximation are columns equal to its exported value")
    func moneyColumns() throws {
        let kb = try tempKB()
        for d in try fixtures() { try kb.store(d, pipeline: "p@1") }
        let rows = try kb.db.read { db in try Row.fetchAll(db, sql: "SELECT doc_id, start, currency, amount_min, amount_max, approximate, currency_source FROM mention WHERE type = 'money' ORDER BY doc_id, ord") }
        var exported: [String: [String: Any]] = [:]
        try kb.export { line in
            guard let r = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], r["type"] as? String == "money" else { return }
            exported["\(r["doc_id"]!)@\(r["start"]!)"] = r["value"] as? [String: Any]
        }
        #expect(rows.count == exported.count && rows.count >= 3)
        for r in rows {
            let value = try #require(exported["\(r["doc_id"] as String)@\(r["start"] as Int)"])
            #expect(r["currency"] as String == value["currency"] as? String)
            #expect((r["amount_min"] as Int64?).map(Int.init) == value["min"] as? Int)
            #expect((r["amount_max"] as Int64?).map(Int.init) == value["max"] as? Int)
            #expect(r["approximate"] as Bool == value["approximate"] as? Bool)
            #expect(r["currency_source"] as String? == value["currency_source"] as? String)
        }
        // The questions a SQL user asks: amounts of at least 1e9 HKD, exact ones apart.
        let big = try kb.db.read { db in try Row.fetchAll(db, sql: "SELECT text, exact FROM money_mention WHERE currency = 'HKD' AND amount_min >= 1e9 ORDER BY text") }
        #expect(big.map { $0["text"] as String } == ["不少於20億元", "約100億元"])
        #expect(big.map { $0["exact"] as Bool } == [false, false], "a lower bound and an approximation are not exact")
    }

    @Test("each date's range and granularity are columns, and a relative date says so")
    func dateColumns() throws {
        let kb = try tempKB()
        for d in try fixtures() { try kb.store(d, pipeline: "p@1") }
        let rows = try kb.db.read { db in try Row.fetchAll(db, sql: "SELECT text, date_start, date_end, granularity, relative FROM date_mention ORDER BY doc_id, start") }
        #expect(rows.map { "\($0["text"] as String) \($0["date_start"] as String)..\($0["date_end"] as String) \($0["granularity"] as String) \($0["relative"] as Bool)" }
                == ["明年3月底 2025-03-21..2025-03-31 part_of_month true", "2024年第三季 2024-07-01..2024-09-30 quarter false"])
    }

    @Test("every mention's sentence is a row holding the mention, with its text")
    func sentences() throws {
        let kb = try tempKB()
        for d in try fixtures() { try kb.store(d, pipeline: "p@1") }
        let rows = try kb.db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT m.text AS mention, m.start AS ms, m."end" AS me, s.start AS ss, s."end" AS se, s.text AS sentence
                FROM mention m LEFT JOIN sentence s ON s.doc_id = m.doc_id AND s.ord = m.sentence
                """)
        }
        #expect(!rows.isEmpty)
        for r in rows {
            let sentence = try #require(r["sentence"] as String?, "\(r["mention"] as String) has no sentence row")
            #expect((r["ss"] as Int) <= (r["ms"] as Int) && (r["me"] as Int) <= (r["se"] as Int))
            #expect(sentence.contains(r["mention"] as String))
            #expect(sentence.unicodeScalars.count == (r["se"] as Int) - (r["ss"] as Int))
        }
        let first = try kb.db.read { db in try String.fetchOne(db, sql: "SELECT text FROM sentence WHERE doc_id = 'hku' AND ord = 1") }
        #expect(first == "香港大學獲研資局撥款2億元至3億元，2024年第三季開始研究。")
    }

    /// Counts as the mention table gives them, beside the stored columns.
    func counts(_ kb: KnowledgeBase) throws -> (stored: [String], counted: [String]) {
        try kb.db.read { db in
            (try String.fetchAll(db, sql: "SELECT entity_id || ' ' || mentions || ' ' || documents FROM entity WHERE mentions > 0 ORDER BY entity_id"),
             try String.fetchAll(db, sql: "SELECT entity_id || ' ' || COUNT(*) || ' ' || COUNT(DISTINCT doc_id) FROM mention WHERE entity_id IS NOT NULL GROUP BY entity_id ORDER BY entity_id"))
        }
    }

    @Test("an entity's mention and document counts follow documents added, replaced and removed")
    func entityCounts() throws {
        let kb = try tempKB()
        for d in try fixtures() { try kb.store(d, pipeline: "p@1") }
        var c = try counts(kb)
        #expect(c.stored == c.counted && !c.stored.isEmpty)
        try kb.store(doc("hku2", "港大\n\n香港大學再獲撥款1億元。香港大學表示歡迎。"), pipeline: "p@1")
        c = try counts(kb)
        #expect(c.stored == c.counted)
        #expect(c.stored.contains { $0.hasPrefix("inst:hku ") && $0.hasSuffix(" 2") }, "\(c.stored)")
        // The second article is rewritten without the university: its counts go with it.
        try kb.store(doc("hku2", "科技\n\n創新科技署撥款1億元。"), pipeline: "p@1")
        c = try counts(kb)
        #expect(c.stored == c.counted, "\(c.stored) vs \(c.counted)")
        #expect(c.stored.contains { $0.hasPrefix("inst:hku ") && $0.hasSuffix(" 1") }, "\(c.stored)")
    }

    @Test("mentions, relations and facts point to entities that exist, and an entity still named cannot be deleted")
    func entityKeys() throws {
        let kb = try tempKB()
        for d in try fixtures() { try kb.store(d, pipeline: "p@1") }
        // 港中大工程學院 is part of 香港中文大學, which the text names only inside it.
        try kb.store(doc("cuhk", "港中大\n\n港中大工程學院獲撥款5億元。"), pipeline: "p@1")
        try kb.db.read { db in
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            let parent = try String.fetchOne(db, sql: "SELECT e.name FROM relation r JOIN entity e ON e.entity_id = r.object_entity WHERE r.type = 'part_of' AND r.doc_id = 'cuhk'")
            #expect(parent == "香港中文大學")
        }
        #expect(throws: DatabaseError.self) {
            try kb.db.write { db in try db.execute(sql: "DELETE FROM entity WHERE entity_id = 'inst:hku'") }
        }
    }
}

@Suite("Reading a knowledge base")
struct ReadingTests {
    @Test("a reader upgrades a knowledge base an older binary made when it may write there, and creates none")
    func readerUpgrades() throws {
        let path = NSTemporaryDirectory() + "kb-v5-\(UUID().uuidString).sqlite"
        do {
            var config = Configuration()
            config.prepareDatabase { db in KnowledgeBase.addFunctions(db) }
            let old = try DatabaseQueue(path: path, configuration: config)
            try KnowledgeBase.migrator.migrate(old, upTo: "v5-search")
            try old.write { db in try db.execute(sql: "PRAGMA application_id = \(KnowledgeBase.applicationID)") }
        }
        let reader = try KnowledgeBase(readingAt: path)
        #expect(try reader.db.read { db in try KnowledgeBase.migrator.hasCompletedMigrations(db) })
        #expect(throws: (any Error).self) { try reader.db.write { db in try db.execute(sql: "DELETE FROM entity") } }
        let missing = NSTemporaryDirectory() + "kb-none-\(UUID().uuidString).sqlite"
        #expect(throws: (any Error).self) { _ = try KnowledgeBase(readingAt: missing) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}

@Suite("Search at scale")
struct SearchScaleTests {
    @Test("when more documents match than are ranked, the newest are ranked, the one saying it most first")
    func newestRanked() throws {
        let kb = try KnowledgeBase(path: NSTemporaryDirectory() + "kb-\(UUID().uuidString).sqlite")
        let texts = ["舊聞\n\n半導體產業。", "次舊\n\n半導體。", "半導體新聞\n\n半導體、半導體、半導體晶片。", "新聞\n\n本港半導體業。", "最新\n\n半導體。"]
        for (i, t) in texts.enumerated() {
            var d = NewsDocument(id: "d\(i)", source: "d\(i).txt", format: .text, payload: Array(t.utf8), published: CivilDate(iso: "2024-06-2\(i)"))
            try Repository.pipeline.run(&d)
            try kb.store(d, pipeline: "p@1")
        }
        let all = try kb.searchRanked(["半导体"], limit: 10)
        #expect(all.ranking == .all && all.hits.count == 5 && all.hits.first?.docID == "d2")
        let capped = try kb.searchRanked(["半导体"], limit: 10, rankedMatches: 3)
        #expect(capped.ranking == .newest)
        #expect(Set(capped.hits.map(\.docID)) == ["d2", "d3", "d4"], "the three stored last")
        #expect(capped.hits.first?.docID == "d2", "in its title and three times in its text")
        #expect(capped.hits.first?.snippet.contains("【半導體】") == true)
    }
}
