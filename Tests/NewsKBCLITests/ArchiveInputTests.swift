import Foundation
import Testing

/// Archives and hostile files: gzip, WARC, truncation, wrong lengths, huge lines, bombs.
@Suite("Archives and hostile input")
struct ArchiveInputTests {
    func gzip(_ data: Data, to path: String) throws {
        let raw = path + ".raw"
        try data.write(to: URL(fileURLWithPath: raw))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "gzip -c -n '\(raw)' > '\(path)' && rm '\(raw)'"]
        try p.run()
        p.waitUntilExit()
    }

    func warcRecord(_ type: String, id: Int, body: Data, declaredLength: Int? = nil) -> Data {
        var d = Data("WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:rec-\(id)>\r\nWARC-Target-URI: https://news.example.hk/\(id)\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(declaredLength ?? body.count)\r\n\r\n".utf8)
        d.append(body)
        d.append(Data("\r\n\r\n".utf8))
        return d
    }

    func page(_ n: Int) -> Data { Data("<html><body><div class=\"content\"><h1>第\(n)則</h1><p>政府撥款\(n)億元推行新計劃，局方表示會在明年檢討。</p></div></body></html>".utf8) }

    @Test("a WARC with several records, one of them with a wrong Content-Length: the others are read")
    func warcWrongLength() throws {
        let dir = CLI.tempDir()
        var warc = Data()
        warc.append(warcRecord("resource", id: 1, body: page(1)))
        warc.append(warcRecord("resource", id: 2, body: page(2), declaredLength: page(2).count - 30))
        warc.append(warcRecord("resource", id: 3, body: page(3)))
        warc.append(warcRecord("resource", id: 4, body: page(4), declaredLength: page(4).count + 40))
        warc.append(warcRecord("resource", id: 5, body: page(5)))
        try warc.write(to: URL(fileURLWithPath: dir + "/crawl.warc"))
        let r = try CLI.run(["extract", "--published", "2024-06-20", dir + "/crawl.warc"])
        #expect(r.status == 1)
        let docs = r.lines.filter { $0["kind"] as? String == "document" }.map { $0["doc_id"] as! String }
        #expect(docs.contains("rec-1") && docs.contains("rec-3") && docs.contains("rec-5"), "\(docs)")
        let errors = r.lines.filter { $0["kind"] as? String == "error" }
        #expect(errors.contains { ($0["error"] as! String).contains("wrong Content-Length") && $0["doc_id"] as? String == "rec-2" })
        #expect(errors.contains { ($0["error"] as! String).contains("wrong Content-Length") && $0["doc_id"] as? String == "rec-4" })
    }

    @Test("gzipped JSONL and WARC are read as streams; a truncated gzip keeps what came before it")
    func gzipInputs() throws {
        let dir = CLI.tempDir()
        var jsonl = ""
        for i in 1...50 { jsonl += "{\"id\":\"g\(i)\",\"published\":\"2024-01-0\(i % 9 + 1)\",\"text\":\"政府撥款\(i)億元。\"}\n" }
        try gzip(Data(jsonl.utf8), to: dir + "/feed.jsonl.gz")
        let ok = try CLI.run(["extract", dir + "/feed.jsonl.gz"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.lines.filter { $0["kind"] as? String == "document" }.count == 50)

        let full = try Data(contentsOf: URL(fileURLWithPath: dir + "/feed.jsonl.gz"))
        try full.prefix(full.count * 2 / 3).write(to: URL(fileURLWithPath: dir + "/cut.jsonl.gz"))
        let cut = try CLI.run(["extract", dir + "/cut.jsonl.gz"])
        #expect(cut.status == 1)
        let n = cut.lines.filter { $0["kind"] as? String == "document" }.count
        #expect(n > 10 && n < 50, "documents before the cut are kept (\(n))")
        #expect(cut.lines.contains { ($0["error"] as? String)?.contains("truncated") == true })
    }

    @Test("a 50 MB single-line file gets an error record, not a crash, and the next file is read", .tags(.slow))
    func hugeLine() throws {
        let dir = CLI.tempDir()
        let line = Data(repeating: 0xE5, count: 0) + Data(String(repeating: "撥款一百億元", count: 50 * 1024 * 1024 / 18).utf8)
        try line.write(to: URL(fileURLWithPath: dir + "/a-huge.txt"))
        try "標題\n\n撥款5億元。".write(toFile: dir + "/b-small.txt", atomically: true, encoding: .utf8)
        let r = try CLI.run(["extract", dir])
        #expect(r.status == 1)
        #expect(r.lines.contains { $0["kind"] as? String == "error" && ($0["source"] as? String)?.hasSuffix("a-huge.txt") == true })
        #expect(r.lines.contains { $0["kind"] as? String == "document" && $0["doc_id"] as? String == "b-small" })
    }

    @Test("a JSONL line over the limit is an error record between good records")
    func hugeJSONLLine() throws {
        let dir = CLI.tempDir()
        var s = "{\"id\":\"a\",\"text\":\"撥款1億元。\"}\n{\"id\":\"big\",\"text\":\""
        s += String(repeating: "字", count: 70 * 1024 * 1024 / 3)
        s += "\"}\n{\"id\":\"c\",\"text\":\"撥款2億元。\"}\n"
        try s.write(toFile: dir + "/f.jsonl", atomically: true, encoding: .utf8)
        let r = try CLI.run(["extract", "--published", "2024-01-01", dir + "/f.jsonl"])
        #expect(Set(r.lines.filter { $0["kind"] as? String == "document" }.map { $0["doc_id"] as! String }) == ["a", "c"])
        #expect(r.lines.contains { ($0["error"] as? String)?.contains("exceeds the limit") == true })
    }

    @Test("100,000 nested divs and an entity bomb get error records or bounded output, never a crash")
    func bombs() throws {
        let dir = CLI.tempDir()
        let deep = String(repeating: "<div>", count: 100_000) + "撥款1億元" + String(repeating: "</div>", count: 100_000)
        try deep.write(toFile: dir + "/deep.html", atomically: true, encoding: .utf8)
        var bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        bomb += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        for i in 2...9 { bomb += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        bomb += "]><html><body><p>&lol9;</p><p>政府撥款100億元推行計劃，並會在明年檢討成效。</p></body></html>"
        try bomb.write(toFile: dir + "/bomb.html", atomically: true, encoding: .utf8)
        let r = try CLI.run(["extract", dir])
        #expect(r.status == 1, "the deep page is rejected (its text is too short to be an article); nothing crashed")
        #expect(r.lines.contains { ($0["source"] as? String)?.hasSuffix("deep.html") == true && $0["kind"] as? String == "error" })
        #expect(r.lines.contains { $0["kind"] as? String == "mention" && $0["doc_id"] as? String == "bomb" && $0["text"] as? String == "100億元" },
                "the bomb page's article is read")
        #expect(r.stdout.utf8.count < 1_000_000, "no entity was expanded")
    }

    @Test("a page dated only in JSON-LD, and one dated only by its dateline")
    func pageDates() throws {
        let dir = CLI.tempDir()
        try """
        <html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-05T23:30:00Z"}</script></head>
        <body><div class="content"><h1>標題</h1><p>政府今日宣布撥款100億元推行新計劃，並會在明年檢討成效。</p></div></body></html>
        """.write(toFile: dir + "/ld.html", atomically: true, encoding: .utf8)
        try """
        <html><body><div class="sidebar">2019年1月1日 熱門</div><div class="content"><h1>標題</h1><p>2024年6月20日（星期四）</p>
        <p>政府今日宣布撥款100億元推行新計劃，並會在明年檢討成效。</p></div></body></html>
        """.write(toFile: dir + "/line.html", atomically: true, encoding: .utf8)
        let r = try CLI.run(["extract", dir])
        let docs = Dictionary(uniqueKeysWithValues: r.lines.filter { $0["kind"] as? String == "document" }.map { ($0["doc_id"] as! String, $0) })
        #expect(docs["ld"]?["published"] as? String == "2024-03-06", "23:30 UTC is the next morning in Hong Kong")
        #expect(docs["line"]?["published"] as? String == "2024-06-20")
    }
}
