import Foundation
import Testing

/// `newskb extract` over fixtures/news against fixtures/expected/news.json.
@Suite("End to end over the bundled fixtures", .serialized)
struct EndToEndTests {
    nonisolated(unsafe) static let expected: [String: Any] = {
        let data = FileManager.default.contents(atPath: CLI.root + "/fixtures/expected/news.json")!
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    static let output: CLI.Result = try! CLI.run(["extract", "--published", "2025-02-27", "fixtures/news"])

    func records(_ kind: String, doc: String? = nil) -> [[String: Any]] {
        Self.output.lines.filter { $0["kind"] as? String == kind && (doc == nil || $0["doc_id"] as? String == doc) }
    }

    @Test("extract succeeds on every fixture and keeps the contract's offsets")
    func contract() {
        #expect(Self.output.status == 0, "\(Self.output.stderr)")
        let docs = records("document").map { $0["doc_id"] as! String }
        #expect(Set(docs) == Set((Self.expected["documents"] as! [String: Any]).keys))
        Contract.checkOffsets(Self.output.lines)
        #expect(!records("entity").isEmpty)
        #expect(!records("relation").isEmpty)
    }

    static func numbersEqual(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil), (is NSNull, is NSNull), (nil, is NSNull), (is NSNull, nil): return true
        case (let x as NSNumber, let y as NSNumber): return x.decimalValue == y.decimalValue
        default: return false
        }
    }

    @Test("each fixture yields the mentions, values and entities it should", arguments: (expected["documents"] as! [String: Any]).keys.sorted())
    func documentExpectations(_ id: String) throws {
        let spec = (Self.expected["documents"] as! [String: Any])[id] as! [String: Any]
        let doc = try #require(records("document", doc: id).first, "no document \(id)")
        for key in ["published", "language", "region", "title", "url"] {
            if let want = spec[key] as? String { #expect(doc[key] as? String == want, "\(id) \(key)") }
        }
        let text = doc["text"] as! String
        for t in spec["text_contains"] as? [String] ?? [] { #expect(text.contains(t), "\(id) text lacks \(t)") }
        let mentions = records("mention", doc: id)
        for want in spec["mentions"] as! [[String: Any]] {
            let type = want["type"] as! String, surface = want["text"] as! String
            let found = mentions.filter { $0["type"] as? String == type && $0["text"] as? String == surface }
            guard let m = found.first else {
                Issue.record("\(id): no \(type) '\(surface)'; have \(mentions.filter { $0["type"] as? String == type }.map { $0["text"] as! String })")
                continue
            }
            let value = m["value"] as? [String: Any] ?? [:]
            if type == "money" {
                #expect(value["currency"] as? String == want["currency"] as? String, "\(surface) currency")
                #expect(Self.numbersEqual(value["min"], want["min"]), "\(surface) min \(String(describing: value["min"]))")
                #expect(Self.numbersEqual(value["max"], want["max"]), "\(surface) max \(String(describing: value["max"]))")
                #expect(value["approximate"] as? Bool == (want["approximate"] as? Bool ?? false), "\(surface) approximate")
            }
            if type == "date" {
                #expect(value["start"] as? String == want["start"] as? String, "\(surface) start")
                #expect(value["end"] as? String == want["end"] as? String, "\(surface) end")
            }
            if let e = want["entity"] as? String { #expect(m["entity_id"] as? String == e, "\(surface) entity") }
            if type == "institution" || type == "programme" { #expect(m["entity_id"] is String, "\(surface) has an entity") }
        }
        for absent in spec["absent"] as? [String] ?? [] {
            #expect(!mentions.contains { ($0["text"] as! String).contains(absent) }, "\(id): '\(absent)' must not be extracted")
        }
        let relations = records("relation", doc: id)
        for f in spec["funding"] as? [[Any]] ?? [] {
            let subject = f[0] as! String
            let hit = relations.contains { r in
                r["type"] as? String == "funding" && r["subject"] as? String == subject
                    && Self.numbersEqual((r["object"] as? [String: Any])?["min"], f[1])
            }
            #expect(hit, "\(id): funding \(subject) \(f[1]) not found")
        }
        for p in spec["part_of"] as? [[String]] ?? [] {
            #expect(relations.contains { $0["type"] as? String == "part_of" && $0["subject_text"] as? String == p[0] && $0["object"] as? String == p[1] },
                    "\(id): \(p[0]) part_of \(p[1])")
        }
    }

    @Test("the same institution or programme is one entity across scripts, aliases and documents")
    func sameEntity() {
        for group in Self.expected["same_entity"] as! [[[String]]] {
            let ids = group.map { pair in
                Set(records("mention", doc: pair[0]).filter { $0["text"] as? String == pair[1] }.compactMap { $0["entity_id"] as? String })
            }
            #expect(ids.allSatisfy { $0.count == 1 } && Set(ids.flatMap { $0 }).count == 1, "\(group) → \(ids)")
        }
        // And the entity record counts both documents.
        let itib = records("entity").first { $0["entity_id"] as? String == "inst:itib" }
        #expect((itib?["documents"] as? Int ?? 0) >= 3)
        #expect(itib?["name_hans"] as? String == "创新科技及工业局")
    }

    @Test("extract output is the same bytes on every run")
    func deterministic() throws {
        let again = try CLI.run(["extract", "--published", "2025-02-27", "fixtures/news"])
        #expect(again.stdout == Self.output.stdout)
    }

    @Test("extract output is the same bytes whatever the number of jobs")
    func jobsDoNotChangeOutput() throws {
        let one = try CLI.run(["extract", "--jobs", "1", "--published", "2025-02-27", "fixtures/news"])
        let three = try CLI.run(["extract", "--jobs", "3", "--published", "2025-02-27", "fixtures/news"])
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == three.stdout)
    }
}

@Suite("Golden output")
struct GoldenOutputTests {
    @Test("extract on the fixtures gives fixtures/expected/news.golden.jsonl byte for byte")
    func golden() throws {
        let r = try CLI.run(["extract", "--published", "2025-02-27", "fixtures/news"])
        let golden = try String(contentsOfFile: CLI.root + "/fixtures/expected/news.golden.jsonl", encoding: .utf8)
        if r.stdout != golden {
            let a = r.stdout.split(separator: "\n", omittingEmptySubsequences: false), b = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record("""
                output differs from the golden file at line \(i + 1):
                  now:    \(i < a.count ? String(a[i].prefix(300)) : "(end)")
                  golden: \(i < b.count ? String(b[i].prefix(300)) : "(end)")
                If the change is meant, regenerate: .build/debug/newskb extract --published 2025-02-27 fixtures/news > fixtures/expected/news.golden.jsonl
                """)
        }
    }
}

@Suite("Export against extract")
struct ExportMatchesExtractTests {
    @Test("ingest then export writes every record extract writes, byte for byte (documents, mentions, relations, facts, entities)")
    func sameRecords() throws {
        let kb = CLI.tempDir() + "/kb.sqlite"
        var inputs = ["fixtures/news"]
        if let shared = CLI.shared { inputs.append(shared + "/corpus/seed/hk-innotech-2024.txt") }
        let extract = try CLI.run(["extract", "--published", "2025-02-27"] + inputs)
        #expect(try CLI.run(["ingest", "--kb", kb, "--published", "2025-02-27"] + inputs).status == 0)
        let export = try CLI.run(["export", "--kb", kb])
        let records = { (r: CLI.Result) in r.stdout.split(separator: "\n").filter { !$0.contains("\"kind\":\"error\"") }.sorted() }
        let a = records(extract), b = records(export)
        #expect(a.count > 300)
        #expect(a == b, "first difference: \(zip(a, b).first { $0 != $1 }.map { "\($0.0.prefix(200)) | \($0.1.prefix(200))" } ?? "counts \(a.count) vs \(b.count)")")
    }
}
