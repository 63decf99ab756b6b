import Foundation
import Testing

@Suite("Bad input gets a clear error and loses nothing else")
struct BadInputTests {
    @Test("invalid bytes, binary and empty files, a malformed JSONL line: error records, the rest goes on")
    func hostileFolder() throws {
        let dir = CLI.tempDir()
        let good = "標題\n\n政府撥款100億元推行計劃。"
        try good.write(toFile: dir + "/good.txt", atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: dir + "/empty.txt", contents: Data())
        _ = FileManager.default.createFile(atPath: dir + "/binary.txt", contents: Data([0x7F, 0x45, 0x4C, 0x46, 0, 1, 2, 3, 0, 0]))
        var garbage = Data((0..<4000).map { UInt8(0x80 + ($0 % 64)) })
        garbage.append(contentsOf: [0xFF, 0xFE, 0xFD])
        _ = FileManager.default.createFile(atPath: dir + "/garbage.txt", contents: garbage)
        let jsonl = """
        {"id":"j1","text":"撥款5億元。","published":"2024-01-02"}
        {"id":"j2","text": broken
        {"id":"j3","text":"撥款6億元。","published":"2024-01-03"}
        {"id":"j4","published":"2024-01-03"}
        """
        try jsonl.write(toFile: dir + "/feed.jsonl", atomically: true, encoding: .utf8)
        try "<html><body><div><p>未閉合的網頁，撥款3億元".write(toFile: dir + "/unclosed.html", atomically: true, encoding: .utf8)

        let r = try CLI.run(["extract", "--published", "2024-06-20", dir])
        #expect(r.status == 1, "some inputs were rejected")
        let docs = Set(r.lines.filter { $0["kind"] as? String == "document" }.map { $0["doc_id"] as! String })
        #expect(docs == ["good", "j1", "j3", "unclosed"], "\(docs)")
        let errors = r.lines.filter { $0["kind"] as? String == "error" }
        let sources = errors.map { ($0["source"] as! String).replacingOccurrences(of: dir + "/", with: "") }
        #expect(Set(sources) == ["empty.txt", "binary.txt", "garbage.txt", "feed.jsonl:2", "feed.jsonl:4"], "\(sources)")
        #expect(errors.allSatisfy { ($0["error"] as? String)?.isEmpty == false })

        // The same inputs into a knowledge base: error records there too, good documents kept.
        let kb = dir + "/kb.sqlite"
        let ingest = try CLI.run(["ingest", "--kb", kb, "--published", "2024-06-20", dir])
        #expect(ingest.status == 1)
        let export = try CLI.run(["export", "--kb", kb])
        #expect(export.lines.filter { $0["kind"] as? String == "error" }.count == 5)
        #expect(export.lines.filter { $0["kind"] as? String == "document" }.count == 4)
    }
}
