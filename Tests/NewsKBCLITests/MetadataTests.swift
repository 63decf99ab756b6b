import Foundation
import Testing

/// `--metadata`: an archive's per-file dates, regions, addresses and titles from a file beside it.
@Suite("Input metadata and unresolved dates")
struct MetadataTests {
    /// Two articles in a folder, one relative date in each, no date of their own.
    func archive() throws -> String {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/arch/2024", withIntermediateDirectories: true)
        try "科技撥款\n\n今年政府向創新科技署撥款100億元。".write(toFile: dir + "/arch/2024/a.txt", atomically: true, encoding: .utf8)
        try "拨款新闻\n\n今年政府拨款100亿元。".write(toFile: dir + "/arch/2024/b.txt", atomically: true, encoding: .utf8)
        return dir
    }

    func documents(_ r: CLI.Result) -> [String: [String: Any]] {
        Dictionary(uniqueKeysWithValues: r.lines.filter { $0["kind"] as? String == "document" }.map { ($0["doc_id"] as! String, $0) })
    }

    @Test("a CSV row gives a file its date, region, address and title, and the record says they came from the metadata", arguments: ["csv", "jsonl"])
    func metadata(_ kind: String) throws {
        let dir = try archive()
        let meta = kind == "csv"
            ? "path,published,region,url,title\narch/2024/a.txt,2024-03-01,HK,https://news.example.hk/a,\"科技撥款, 修訂\"\n"
            : "{\"path\":\"arch/2024/a.txt\",\"published\":\"2024-03-01\",\"region\":\"HK\",\"url\":\"https://news.example.hk/a\",\"title\":\"科技撥款, 修訂\"}\n"
        try meta.write(toFile: dir + "/meta." + kind, atomically: true, encoding: .utf8)
        let r = try CLI.run(["extract", "--metadata", dir + "/meta." + kind, dir + "/arch"])
        #expect(r.status == 0, "\(r.stderr)")
        let docs = documents(r)
        let a = try #require(docs["2024/a"])
        #expect(a["published"] as? String == "2024-03-01" && a["published_source"] as? String == "metadata")
        #expect(a["region"] as? String == "HK" && a["region_source"] as? String == "metadata")
        #expect(a["url"] as? String == "https://news.example.hk/a" && a["title"] as? String == "科技撥款, 修訂")
        let dated = r.lines.first { $0["doc_id"] as? String == "2024/a" && $0["type"] as? String == "date" }
        #expect((dated?["value"] as? [String: Any])?["start"] as? String == "2024-01-01", "今年 resolves against the metadata's date")
        let b = try #require(docs["2024/b"])
        #expect(b["published"] is NSNull && b["published_source"] as? String == "none")
        #expect(b["region"] as? String == "CN" && b["region_source"] as? String == "script", "no row for it: its Simplified script decides")
        #expect(r.stderr.contains("event=unresolved_dates unresolved_dates=1"), "b's 今年 has no date to resolve against: \(r.stderr)")
    }

    @Test("a metadata row with a date that is not YYYY-MM-DD is refused before anything is read, naming its line")
    func badRow() throws {
        let dir = try archive()
        try "path,published\narch/2024/a.txt,2024-03-01\narch/2024/b.txt,3/1/2024\n".write(toFile: dir + "/meta.csv", atomically: true, encoding: .utf8)
        let r = try CLI.run(["extract", "--metadata", dir + "/meta.csv", dir + "/arch"])
        #expect(r.status == 64 || r.status == 2, "\(r.status)")
        #expect(r.stderr.contains("meta.csv:3") && r.stderr.contains("3/1/2024"), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test("relative dates left without a value are counted in the summary and by stats, with the options that resolve them")
    func unresolvedCounted() throws {
        let dir = try archive()
        let kb = dir + "/kb.sqlite"
        let r = try CLI.run(["ingest", "--kb", kb, dir + "/arch"])
        #expect(r.stderr.contains("unresolved_dates=2"), "\(r.stderr)")
        let stats = try CLI.run(["stats", "--kb", kb])
        #expect(stats.stdout.contains("unresolved dates 2") && stats.stdout.contains("--published or --metadata"), "\(stats.stdout)")
        let resolved = try CLI.run(["ingest", "--kb", kb, "--published", "2024-06-20", dir + "/arch"])
        #expect(resolved.stderr.contains("unresolved_dates=0") && resolved.stderr.contains("reprocessed_options=2"), "other options: the files are read again")
        #expect(!(try CLI.run(["stats", "--kb", kb]).stdout.contains("unresolved dates")))
    }
}
