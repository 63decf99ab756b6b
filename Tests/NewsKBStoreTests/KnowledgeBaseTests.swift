import Foundation
import GRDB
import NewsKBCore
import NewsKBTestSupport
@testable import NewsKBStore
import Testing

@Suite("Knowledge base")
struct KnowledgeBaseTests {
    static var pipeline: Pipeline { Repository.pipeline }

    func doc(_ id: String, _ text: String) throws -> NewsDocument {
        var d = NewsDocument(id: id, source: id + ".txt", format: .text, payload: Array(text.utf8), published: CivilDate(iso: "2024-06-20"))
        try Self.pipeline.run(&d)
        return d
    }

    func export(_ kb: KnowledgeBase) throws -> [String] {
        var lines: [String] = []
        try kb.export { lines.append($0) }
        return lines
    }

    /// A mention's export record, as the first release kept it in its row.
    static func mentionRecord(_ m: Mention, in d: NewsDocument) -> String {
        var out: [UInt8] = []
        var text = d.text(of: m)
        text.withUTF8 { Records.writeMention(docID: Records.jsonString(d.id), start: m.start, end: m.end, entityID: m.entityID, sentence: m.sentence,
                                             text: $0, type: m.type.rawValue, value: m.value, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    func tempKB() throws -> KnowledgeBase {
        try KnowledgeBase(path: NSTemporaryDirectory() + "kb-\(UUID().uuidString).sqlite")
    }

    @Test("the same document twice is stored once; a changed one replaces its facts")
    func replaceAndSkip() throws {
        let kb = try tempKB()
        #expect(try kb.store(doc("a", "標題\n\n創新科技署撥款100億元。"), pipeline: "p@1") == .added)
        #expect(try kb.store(doc("a", "標題\n\n創新科技署撥款100億元。"), pipeline: "p@1") == .unchanged)
        #expect(try kb.store(doc("a", "標題\n\n創新科技署撥款200億元。"), pipeline: "p@1") == .replaced)
        let lines = try export(kb)
        #expect(lines.filter { $0.contains("\"kind\":\"document\"") }.count == 1)
        #expect(lines.contains { $0.contains("\"text\":\"200億元\"") })
        #expect(!lines.contains { $0.contains("\"text\":\"100億元\"") })
    }

    @Test("a knowledge base an earlier version made opens, migrates, and exports what it held")
    func migratesEarlierSchema() throws {
        let path = NSTemporaryDirectory() + "kb-v1-\(UUID().uuidString).sqlite"
        let a = try doc("a", "標題\n\n創新科技署撥款100億元，2025年3月底前完成。"), b = try doc("b", "標題\n\n香港大學撥款2億元，2024年3月完成。")
        do {
            // The first schema, as the first release left it.
            let old = try DatabaseQueue(path: path)
            try KnowledgeBase.migrator.migrate(old, upTo: "v1-documents-mentions-entities-relations-ledger")
            // Rows as the first release wrote them (no origin column yet), and an error row of its shape.
            let r = Records.serialize(a)
            try old.write { db in
                try db.execute(sql: "INSERT INTO document (doc_id, source, sha256, pipeline, published, language, region, title, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               arguments: [a.id, a.source, a.sha256, "p@1", a.published?.description, a.language, a.region, a.title, r.document])
                for (i, m) in a.mentions.enumerated() {
                    try db.execute(sql: "INSERT INTO mention (doc_id, ord, type, text, start, \"end\", entity_id, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                   arguments: [a.id, i, m.type.rawValue, a.text(of: m), m.start, m.end, m.entityID, Self.mentionRecord(m, in: a)])
                }
                for id in a.entities.keys.sorted() { try KnowledgeBase.upsertEntity(a.entities[id]!, in: db) }
                for (i, rel) in a.relations.enumerated() {
                    try db.execute(sql: "INSERT INTO relation (doc_id, ord, type, subject, record) VALUES (?, ?, ?, ?, ?)",
                                   arguments: [a.id, i, rel.type.rawValue, rel.subject, r.relations[i]])
                }
                try db.execute(sql: "INSERT INTO input_error (source, doc_id, error) VALUES ('feed.jsonl:2', NULL, 'E-INPUT: not a JSON record')")
            }
        }
        let migrated = try KnowledgeBase(path: path)
        #expect(try migrated.store(b, pipeline: "p@1") == .added)
        #expect(try migrated.store(a, pipeline: "p@1") == .unchanged, "documents stored before the migration are still known")
        let fresh = try tempKB()
        _ = try fresh.store(a, pipeline: "p@1")
        _ = try fresh.store(b, pipeline: "p@1")
        try fresh.recordError(InputFailure(InputLocation(file: "feed.jsonl", line: 2), docID: nil, code: .input, "not a JSON record"), origin: nil, runID: nil)
        let old = try export(migrated), new = try export(fresh)
        // The typed tables of the migrated knowledge base hold what a new one holds.
        for sql in ["SELECT * FROM money_mention ORDER BY doc_id, ord", "SELECT * FROM date_mention ORDER BY doc_id, ord",
                    "SELECT * FROM sentence ORDER BY doc_id, ord", "SELECT doc_id, ord, sentence, entity_id, currency, amount_min, amount_max, approximate, currency_source, date_start, date_end, granularity, relative, exact FROM mention ORDER BY doc_id, ord",
                    "SELECT * FROM relation ORDER BY doc_id, ord", "SELECT entity_id, mentions, documents FROM entity ORDER BY entity_id",
                    "SELECT doc_id, url, text FROM document ORDER BY doc_id"] {
            let a = try migrated.db.read { db in try Row.fetchAll(db, sql: sql) }, b = try fresh.db.read { db in try Row.fetchAll(db, sql: sql) }
            #expect(a == b, "\(sql)")
            #expect(!a.isEmpty, "\(sql)")
        }
        #expect(old.filter { !$0.contains("\"kind\":\"error\"") } == new.filter { !$0.contains("\"kind\":\"error\"") })
        let oldError = try #require(old.first { $0.contains("\"kind\":\"error\"") })
        #expect(oldError.contains("\"code\":\"E-INPUT\"") && oldError.contains("\"source\":\"feed.jsonl:2\""), "an old error row keeps its source and gains its code")
    }

    @Test("a new pipeline version re-processes an unchanged document")
    func pipelineChange() throws {
        let kb = try tempKB()
        _ = try kb.store(doc("a", "標題\n\n撥款100億元。"), pipeline: "p@1")
        #expect(try kb.store(doc("a", "標題\n\n撥款100億元。"), pipeline: "p@2") == .replaced)
    }

    @Test("one entity across documents and scripts, counting both documents")
    func entityAcrossDocuments() throws {
        let kb = try tempKB()
        _ = try kb.store(doc("a", "標題\n\n創新科技及工業局今日宣布新措施。"), pipeline: "p@1")
        _ = try kb.store(doc("b", "标题\n\n创科及工业局今日宣布新措施。"), pipeline: "p@1")
        let entity = try export(kb).first { $0.contains("\"entity_id\":\"inst:itib\"") && $0.contains("\"kind\":\"entity\"") }
        let e = try #require(entity)
        #expect(e.contains("\"documents\":2") && e.contains("\"mentions\":2"))
        #expect(e.contains("创科及工业局"), "the Simplified alias seen is recorded")
    }

    @Test("export is byte-identical for the same knowledge base, in stable order")
    func deterministic() throws {
        let kb = try tempKB()
        _ = try kb.store(doc("b", "標題\n\n港科大撥款1億元。"), pipeline: "p@1")
        _ = try kb.store(doc("a", "標題\n\n香港大學撥款2億元。"), pipeline: "p@1")
        let first = try export(kb), second = try export(kb)
        #expect(first == second)
        #expect(first[0].contains("\"doc_id\":\"a\""), "documents come in id order")
    }

    @Test("errors are stored and exported as typed error records; the file's next clean run clears them")
    func errors() throws {
        let kb = try tempKB()
        let f = InputFailure(InputLocation(file: "/data/feed.jsonl", line: 2), docID: nil, code: .input, "not a JSON record")
        try kb.recordError(f, origin: "/data/feed.jsonl", runID: "run-1")
        let line = try #require(try export(kb).first { $0.contains("\"kind\":\"error\"") })
        for field in ["\"source\":\"/data/feed.jsonl:2\"", "\"file\":\"/data/feed.jsonl\"", "\"line\":2", "\"stage\":\"read\"",
                      "\"code\":\"E-INPUT\"", "\"error\":\"E-INPUT: not a JSON record\""] {
            #expect(line.contains(field), "\(line)")
        }
        try kb.recordLedger(.init(source: "/data/other.jsonl", size: 1, mtime: 1, sha256: "x", status: "ok", documents: 1), runID: "run-2")
        #expect(try export(kb).contains { $0.contains("\"kind\":\"error\"") }, "another file's run leaves this file's errors")
        try kb.recordLedger(.init(source: "/data/feed.jsonl", size: 1, mtime: 1, sha256: "x", status: "ok", documents: 1), runID: "run-2")
        #expect(!(try export(kb)).contains { $0.contains("\"kind\":\"error\"") })
    }

    @Test("three rejected records of one file are three error rows, not one")
    func errorsPerRecord() throws {
        let kb = try tempKB()
        for line in [2, 5, 9] {
            try kb.recordError(InputFailure(InputLocation(file: "/data/feed.jsonl", line: line), docID: "d\(line)", stage: "decode.v1", code: .decode, "empty input"),
                               origin: "/data/feed.jsonl", runID: "r")
        }
        #expect(try kb.errorRows().map(\.failure.location.line) == [2, 5, 9])
    }

    @Test("a document another file already holds is not overwritten: a collision error row instead")
    func collisionAcrossFiles() throws {
        let kb = try tempKB()
        var a = try doc("article", "標題\n\n創新科技署撥款100億元。"), b = try doc("article", "標題\n\n香港大學撥款2億元。")
        a.origin = "/archive/2024-07-01/article.txt"
        b.origin = "/archive/2024-07-02/article.txt"
        var batch = KnowledgeBase.IngestBatch()
        batch.documents = [(a, KnowledgeBase.prepare(a))]
        var collided = Set<String>()
        #expect(try kb.write(batch, pipeline: "p@1", runID: "r1", collided: &collided) == [.added])
        batch.documents = [(b, KnowledgeBase.prepare(b))]
        batch.files = [.init(source: "/archive/2024-07-02/article.txt", size: 1, mtime: 1, sha256: "", status: "ok", documents: 1)]
        let outcome = try kb.write(batch, pipeline: "p@1", runID: "r2", collided: &collided)
        #expect(outcome == [.collision(with: a.source)])
        #expect(try kb.ledgerEntries()["/archive/2024-07-02/article.txt"]?.status == "partial")
        let lines = try export(kb)
        #expect(lines.contains { $0.contains("\"text\":\"100億元\"") } && !lines.contains { $0.contains("\"text\":\"2億元\"") })
        #expect(lines.contains { $0.contains("\"code\":\"E-COLLISION\"") })
    }

    @Test("prune removes only documents whose file is gone, below the folders given")
    func prune() throws {
        let kb = try tempKB()
        var a = try doc("a", "標題\n\n創新科技署撥款100億元。"), b = try doc("b", "標題\n\n香港大學撥款2億元。"), c = try doc("c", "標題\n\n港科大撥款1億元。")
        a.origin = "/feeds/x/a.txt"; b.origin = "/feeds/x/b.txt"; c.origin = "/other/c.txt"
        for d in [a, b, c] { _ = try kb.store(d, pipeline: "p@1") }
        let gone: Set<String> = ["/feeds/x/a.txt", "/other/c.txt"]
        let t = try kb.prune(under: ["/feeds"], exists: { !gone.contains($0) })
        #expect(t.documents == 1)
        let ids = try export(kb).filter { $0.contains("\"kind\":\"document\"") }
        #expect(ids.count == 2 && !ids.contains { $0.contains("\"doc_id\":\"a\"") }, "c is gone too, but not below /feeds")
    }

    /// How SQLite would find one entity's mentions: by an index, or by reading the whole table.
    static func entityLookupPlan(_ kb: KnowledgeBase) throws -> String {
        try kb.db.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM mention WHERE entity_id = 'inst:itc'").map { $0["detail"] as String }.joined(separator: "; ")
        }
    }

    @Test("a bulk ingest's deferred indexes: gone while it writes, made again at its end or by the next writer after a killed run")
    func deferredIndexes() throws {
        let path = NSTemporaryDirectory() + "kb-\(UUID().uuidString).sqlite"
        let kb = try KnowledgeBase(path: path)
        try kb.store(doc("a", "標題\n\n創新科技署撥款100億元推行「產學研1+」計劃。"), pipeline: "p@1")
        #expect(try Self.entityLookupPlan(kb).contains("mention_entity"))
        try kb.deferIndexes()
        #expect(try !Self.entityLookupPlan(kb).contains("mention_entity"))
        // Mentions stored meanwhile are in the index once it is made again.
        try kb.store(doc("b", "標題\n\n創新科技署公布新安排。"), pipeline: "p@1")
        try kb.restoreIndexes()
        #expect(try Self.entityLookupPlan(kb).contains("mention_entity"))
        let indexed = try kb.db.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mention INDEXED BY mention_entity WHERE entity_id = 'inst:itc'")
        }
        #expect(indexed == 2)
        // A run killed after dropping them: the next writer to open the knowledge base makes them.
        try kb.deferIndexes()
        let next = try KnowledgeBase(path: path)
        #expect(try Self.entityLookupPlan(next).contains("mention_entity"))
        let names = try next.db.read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'") }
        #expect(KnowledgeBase.deferrableIndexes.allSatisfy { names.contains($0.name) }, "\(names)")
    }
}
