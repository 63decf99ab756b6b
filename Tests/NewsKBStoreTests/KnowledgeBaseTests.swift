import Foundation
import GRDB
import NewsKBCore
@testable import NewsKBStore
import Testing

@Suite("Knowledge base")
struct KnowledgeBaseTests {
    static let root: String = {
        let here = #filePath
        return String(here[..<here.firstRange(of: "/Tests/")!.lowerBound])
    }()
    static let pipeline = try! Pipeline.load(root + "/pipelines/hk-news.json")

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
        let a = try doc("a", "標題\n\n創新科技署撥款100億元。"), b = try doc("b", "標題\n\n香港大學撥款2億元。")
        do {
            // The first schema, as the first release left it.
            let old = try DatabaseQueue(path: path)
            try KnowledgeBase.migrator.migrate(old, upTo: "v1-documents-mentions-entities-relations-ledger")
            try old.write { db in _ = try KnowledgeBase.store(a, pipeline: "p@1", in: db) }
        }
        let migrated = try KnowledgeBase(path: path)
        #expect(try migrated.store(b, pipeline: "p@1") == .added)
        #expect(try migrated.store(a, pipeline: "p@1") == .unchanged, "documents stored before the migration are still known")
        let fresh = try tempKB()
        _ = try fresh.store(a, pipeline: "p@1")
        _ = try fresh.store(b, pipeline: "p@1")
        #expect(try export(migrated) == export(fresh))
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

    @Test("errors are stored and exported as error records; a clean re-ingest clears them")
    func errors() throws {
        let kb = try tempKB()
        try kb.recordError(source: "feed.jsonl:2", docID: nil, error: "E-INPUT: not a JSON record")
        #expect(try export(kb).contains { $0.contains("\"kind\":\"error\"") && $0.contains("feed.jsonl:2") })
        try kb.recordLedger(.init(source: "feed.jsonl", size: 1, mtime: 1, sha256: "x", status: "ok", documents: 1))
        #expect(!(try export(kb)).contains { $0.contains("\"kind\":\"error\"") })
    }
}
