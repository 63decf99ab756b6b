import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Runs a shell command (for fixtures Python or coreutils make best) and returns its stdout.
@discardableResult
func shell(_ command: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", command]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

@Suite("Hostile archives: nothing lost in silence")
struct HostileArchiveTests {
    @Test("a NUL in a JSONL id is an error record and export still works; a NUL in text is kept as U+FFFD with a warning; a BOM starts a file")
    func nulAndBOM() throws {
        let dir = CLI.tempDir()
        try #"""
            {"id":"a\u0000b","text":"政府撥款5億元。"}
            {"id":"c","text":"政府撥款\u00006億元。"}
            """#.write(toFile: dir + "/feed.jsonl", atomically: true, encoding: .utf8)
        var bom = Data([0xEF, 0xBB, 0xBF])
        bom.append(Data(#"{"id":"bom","text":"政府撥款9億元。"}"#.utf8))
        try bom.write(to: URL(fileURLWithPath: dir + "/bom.jsonl"))
        let r = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", dir])
        #expect(r.status == 1)
        let export = try CLI.run(["export", "--kb", dir + "/kb.sqlite"])
        #expect(export.status == 0, "export never crashes: \(export.stderr.prefix(300))")
        let docs = export.lines.filter { $0["kind"] as? String == "document" }
        #expect(Set(docs.map { $0["doc_id"] as! String }) == ["bom", "c"])
        let c = try #require(docs.first { $0["doc_id"] as? String == "c" })
        #expect((c["warnings"] as? [String])?.contains { $0.hasPrefix("W-INPUT: 1 NUL") } == true)
        #expect(export.lines.contains { $0["kind"] as? String == "mention" && $0["doc_id"] as? String == "c" && $0["type"] as? String == "money" })
        #expect(export.lines.contains { $0["line"] as? Int == 1 && ($0["message"] as? String)?.contains("U+0000") == true })
    }

    @Test("a WARC record declaring far more than the limit is read past, not held; memory stays bounded", .tags(.slow))
    func warcHugeRecord() throws {
        let dir = CLI.tempDir()
        // 400 MB of zeros in one record (a few hundred KB gzipped), between two good pages.
        try shell("""
            python3 - '\(dir)/crawl.warc.gz' <<'PY'
            import sys, zlib
            page = '<html><body><div class="content"><h1>標題</h1><p>政府撥款5億元推行新計劃，局方表示會在明年檢討。</p></div></body></html>'.encode()
            def rec(rid, body_len):
                return (f"WARC/1.0\\r\\nWARC-Type: resource\\r\\nWARC-Record-ID: <urn:uuid:{rid}>\\r\\n"
                        f"Content-Type: text/html; charset=utf-8\\r\\nContent-Length: {body_len}\\r\\n\\r\\n").encode()
            z = zlib.compressobj(6, zlib.DEFLATED, 31)
            out = open(sys.argv[1], 'wb')
            out.write(z.compress(rec('good-1', len(page)) + page + b'\\r\\n\\r\\n'))
            n = 400 << 20
            out.write(z.compress(rec('huge', n)))
            chunk = bytes(1 << 20)
            for _ in range(n >> 20): out.write(z.compress(chunk))
            out.write(z.compress(b'\\r\\n\\r\\n' + rec('good-2', len(page)) + page + b'\\r\\n\\r\\n'))
            out.write(z.flush())
            PY
            """)
        let timed = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        let r = timed ? try CLI.run(["/usr/bin/time", "-f", "rss_kb=%M", CLI.binary, "extract", dir + "/crawl.warc.gz"], binary: "/usr/bin/env")
                      : try CLI.run(["extract", dir + "/crawl.warc.gz"])
        let docs = r.lines.filter { $0["kind"] as? String == "document" }.map { $0["doc_id"] as! String }
        #expect(docs == ["good-1", "good-2"], "\(docs) \(r.stderr.suffix(300))")
        #expect(r.lines.contains { $0["doc_id"] as? String == "huge" && $0["code"] as? String == "E-WARC" && ($0["message"] as? String)?.contains("exceeds the limit") == true })
        if timed {
            let rss = r.stderr.split(separator: "\n").last { $0.hasPrefix("rss_kb=") }.flatMap { Int($0.dropFirst(7)) } ?? .max
            #expect(rss < 200_000, "peak memory \(rss / 1024) MB for a 400 MB record")
        }
    }

    @Test("a WARC record with an endless header is an error record, and the next record is read")
    func warcEndlessHeader() throws {
        let dir = CLI.tempDir()
        var warc = "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:endless>\r\n"
        for i in 0..<3000 { warc += "X-Junk-\(i): \(i)\r\n" }
        warc += "Content-Length: 4\r\n\r\nabcd\r\n\r\n"
        let page = "<html><body><div class=\"content\"><h1>標題</h1><p>政府撥款5億元推行新計劃，局方表示會在明年檢討。</p></div></body></html>"
        warc += "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:next>\r\nContent-Type: text/html\r\nContent-Length: \(page.utf8.count)\r\n\r\n\(page)\r\n\r\n"
        try warc.write(toFile: dir + "/h.warc", atomically: true, encoding: .utf8)
        let r = try CLI.run(["extract", dir + "/h.warc"])
        #expect(r.lines.contains { $0["code"] as? String == "E-WARC" && ($0["message"] as? String)?.contains("header over the limit") == true })
        #expect(r.lines.contains { $0["kind"] as? String == "document" && $0["doc_id"] as? String == "next" })
    }

    @Test("a file name that is not UTF-8 (Big5 from an old archive) is an error record, not a silent skip")
    func nonUTF8Name() throws {
        let dir = CLI.tempDir()
        try shell("cd '\(dir)' && printf '標題\\n\\n撥款5億元。' > \"$(printf '\\267\\163\\273\\104').txt\" && printf '標題\\n\\n撥款6億元。' > ok.txt && printf x > \"$(printf '\\267\\163').jpg\"")
        let r = try CLI.run(["extract", dir])
        #expect(r.status == 1)
        let errors = r.lines.filter { $0["kind"] as? String == "error" }
        #expect(errors.count == 1, "one for the .txt, none for the .jpg: \(errors)")
        #expect((errors.first?["message"] as? String)?.contains("not UTF-8 (bytes b7 73 bb 44") == true)
        #expect(r.lines.contains { $0["doc_id"] as? String == "ok" })
    }

    @Test("a path longer than PATH_MAX is an error record, not a silent skip; the files beside it are read")
    func longPath() throws {
        let dir = CLI.tempDir()
        try shell("""
            python3 - '\(dir)' <<'PY'
            import os, sys
            os.chdir(sys.argv[1])
            for i in range(25):
                os.mkdir("d" * 200); os.chdir("d" * 200)
            open("article.txt", "w").write("標題\\n\\n政府撥款5億元。")
            PY
            """)
        try "標題\n\n政府撥款6億元。".write(toFile: dir + "/ok.txt", atomically: true, encoding: .utf8)
        let r = try CLI.run(["extract", dir])
        #expect(r.status == 1)
        #expect(r.lines.contains { $0["kind"] as? String == "error" && ($0["message"] as? String)?.contains("cannot be examined") == true }, "\(r.stdout.suffix(300))")
        #expect(r.lines.contains { $0["doc_id"] as? String == "ok" })
    }

    @Test("a FIFO named feed.txt never blocks the run; a symlink loop is walked once")
    func fifoAndLoops() throws {
        let dir = CLI.tempDir()
        try "標題\n\n撥款5億元。".write(toFile: dir + "/a.txt", atomically: true, encoding: .utf8)
        #expect(mkfifo(dir + "/feed.txt", 0o644) == 0)
        #expect(symlink(".", dir + "/loop") == 0 && symlink(".", dir + "/loop2") == 0)
        let r = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", dir])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(summary(r)["added"] == "1" && summary(r)["files"] == "1", "\(r.stderr)")
        let named = try CLI.run(["extract", dir + "/feed.txt"])
        #expect(named.status == 1 && named.lines.contains { ($0["message"] as? String)?.contains("not a regular file") == true })
    }

    @Test("a foreign SQLite file, a knowledge base from a newer NewsKB and a damaged one are refused with exit 74")
    func refusedKnowledgeBases() throws {
        let dir = CLI.tempDir()
        try shell("python3 -c \"import sqlite3; c=sqlite3.connect('\(dir)/foreign.sqlite'); c.execute('create table t(x)'); c.commit()\"")
        let foreign = try CLI.run(["ingest", "--kb", dir + "/foreign.sqlite", "fixtures/news"])
        #expect(foreign.status == 74 && foreign.stderr.contains("not a NewsKB knowledge base"), "\(foreign.stderr)")

        _ = try CLI.run(["ingest", "--kb", dir + "/newer.sqlite", "fixtures/news"])
        try shell("python3 -c \"import sqlite3; c=sqlite3.connect('\(dir)/newer.sqlite'); c.execute(\\\"insert into grdb_migrations values('v99-from-the-future')\\\"); c.commit()\"")
        let newer = try CLI.run(["ingest", "--kb", dir + "/newer.sqlite", "fixtures/news"])
        #expect(newer.status == 74 && newer.stderr.contains("newer NewsKB"), "\(newer.stderr)")

        let kb = dir + "/damaged.sqlite"
        _ = try CLI.run(["ingest", "--kb", kb, "--published", "2025-02-27", "fixtures/news"])
        // Everything into the main file, then noise over the cell area of every page but the first.
        try shell("""
            python3 - '\(kb)' <<'PY'
            import os, sqlite3, sys
            c = sqlite3.connect(sys.argv[1]); c.execute('pragma wal_checkpoint(truncate)'); c.close()
            size = os.path.getsize(sys.argv[1]); f = open(sys.argv[1], 'r+b')
            for page in range(1, size // 16384):
                f.seek(page * 16384 + 8); f.write(os.urandom(64))
            f.close()
            PY
            """)
        let damaged = try CLI.run(["ingest", "--kb", kb, "--force", "fixtures/news"])
        #expect(damaged.status == 74, "\(damaged.stderr)")
    }

    @Test("a knowledge base left by a run killed while it was being created is finished by the next run, not refused")
    func killedWhileCreating() throws {
        let dir = CLI.tempDir()
        // What a run killed between GRDB creating its migrations table and the first
        // migration leaves behind (seen in CI: the next run refused the file as foreign).
        try shell("python3 -c \"import sqlite3; c=sqlite3.connect('\(dir)/kb.sqlite'); c.execute('create table grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)'); c.commit()\"")
        let r = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "--published", "2025-02-27", "fixtures/news"])
        #expect(r.status == 0, "\(r.stderr)")
        let exported = try CLI.run(["export", "--kb", dir + "/kb.sqlite"])
        #expect(exported.lines.filter { $0["kind"] as? String == "document" }.count == 11, "every document of the fixtures")
    }

    @Test("export to a full device fails loudly with exit 74")
    func exportFull() throws {
        let dir = CLI.tempDir()
        _ = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "fixtures/news"])
        #expect(try CLI.status(["export", "--kb", dir + "/kb.sqlite"], stdoutTo: "/dev/full") == 74)
    }
}

@Suite("Charsets: the bytes over the label")
struct CharsetLabelTests {
    @Test("UTF-8 text under a WARC charset=iso-8859-1 header is read as UTF-8, with its amounts")
    func utf8OverDeclared() throws {
        let dir = CLI.tempDir()
        let page = "<html><body><div class=\"content\"><h1>標題</h1><p>政府撥款5億元推行新計劃，局方表示會在明年檢討。</p></div></body></html>"
        let warc = "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:latin>\r\nContent-Type: text/html; charset=iso-8859-1\r\nContent-Length: \(page.utf8.count)\r\n\r\n\(page)\r\n\r\n"
        try warc.write(toFile: dir + "/l.warc", atomically: true, encoding: .utf8)
        let r = try CLI.run(["extract", dir + "/l.warc"])
        #expect(r.lines.contains { $0["kind"] as? String == "mention" && $0["text"] as? String == "5億元" }, "\(r.stdout.prefix(400))")
    }

    @Test("charset= in the article text is not a declaration; <meta charset=utf-16> means UTF-8")
    func metaOnly() throws {
        let dir = CLI.tempDir()
        let body = "<p>網頁原始碼寫着 charset=big5 一字，政府撥款5億元推行新計劃，局方表示會在明年檢討。</p>"
        try ("<html><head><title>標題</title></head><body><div class=\"content\"><h1>標題</h1>" + body + "</div></body></html>")
            .write(toFile: dir + "/text.html", atomically: true, encoding: .utf8)
        try ("<html><head><meta charset=\"utf-16\"><title>標題</title></head><body><div class=\"content\"><h1>標題</h1>" + body + "</div></body></html>")
            .write(toFile: dir + "/utf16.html", atomically: true, encoding: .utf8)
        let r = try CLI.run(["extract", dir])
        #expect(r.status == 0, "\(r.stderr)")
        let docs = r.lines.filter { $0["kind"] as? String == "document" }
        #expect(docs.count == 2)
        for d in docs { #expect((d["text"] as? String)?.contains("撥款5億元") == true && d["warnings"] == nil, "\(d)") }
    }
}

/// A tiny tmpfs of our own to fill (root only; skipped where mounting is not allowed).
final class SmallFilesystem {
    let path: String
    let mounted: Bool

    init(kilobytes: Int) {
        path = CLI.tempDir() + "/small"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        mounted = (try? shell("mount -t tmpfs -o size=\(kilobytes)k tmpfs '\(path)' 2>/dev/null && echo ok")) == "ok\n"
    }

    func fill() throws { try shell("cat /dev/zero > '\(path)/filler' 2>/dev/null; true") }

    deinit { if mounted { _ = try? shell("umount '\(path)'") } }
}

@Suite("Writes that fail, fail loudly", .serialized)
struct FullDiskTests {
    @Test("export --output onto a full filesystem exits 74, leaves the old file as it was and no temporary behind")
    func exportFull() throws {
        let fs = SmallFilesystem(kilobytes: 256)
        guard fs.mounted else { print("skipped: cannot mount a tmpfs here"); return }
        let dir = CLI.tempDir()
        _ = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "--published", "2025-02-27", "fixtures/news"])
        try "the old export\n".write(toFile: fs.path + "/news.jsonl", atomically: false, encoding: .utf8)
        try fs.fill()
        let r = try CLI.run(["export", "--kb", dir + "/kb.sqlite", "--output", fs.path + "/news.jsonl"])
        #expect(r.status == 74, "\(r.stderr)")
        #expect(try String(contentsOfFile: fs.path + "/news.jsonl", encoding: .utf8) == "the old export\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: fs.path).filter { $0.contains(".tmp-") }
        #expect(left.isEmpty, "\(left)")
    }

    @Test("a stale temporary of a killed export is removed by the next export")
    func staleTemporary() throws {
        let dir = CLI.tempDir()
        _ = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "fixtures/news"])
        try "half".write(toFile: dir + "/.news.jsonl.tmp-999999", atomically: false, encoding: .utf8)
        let r = try CLI.run(["export", "--kb", dir + "/kb.sqlite", "--output", dir + "/news.jsonl"])
        #expect(r.status == 0)
        #expect(!FileManager.default.fileExists(atPath: dir + "/.news.jsonl.tmp-999999"))
    }

    @Test("ingest into a knowledge base on a full filesystem exits 74 with its summary, not 1", .tags(.slow))
    func ingestFull() throws {
        let fs = SmallFilesystem(kilobytes: 2048)
        guard fs.mounted else { print("skipped: cannot mount a tmpfs here"); return }
        let input = CLI.tempDir()
        for i in 0..<300 {
            try ("第\(i)則\n\n" + String(repeating: "政府撥款\(i)億元推行「產學研1+」計劃，創新科技署負責，明年3月底前完成。", count: 30))
                .write(toFile: input + "/a\(i).txt", atomically: true, encoding: .utf8)
        }
        let r = try CLI.run(["ingest", "--kb", fs.path + "/kb.sqlite", input])
        #expect(r.status == 74, "\(r.stderr.suffix(600))")
        #expect(summary(r)["rejected"] == "0" && Int(summary(r)["store_failed"] ?? "0")! > 0, "\(r.stderr.suffix(600))")
    }
}

@Suite("Smaller hostile cases")
struct SmallerHostileTests {
    @Test("--lock-timeout inf waits rather than crashing; a symlink to the knowledge base takes the same lock")
    func locks() throws {
        let dir = CLI.tempDir()
        let inf = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "--lock-timeout", "inf", "fixtures/news"])
        #expect(inf.status == 0, "\(inf.stderr)")
        #expect(symlink(dir + "/kb.sqlite", dir + "/alias.sqlite") == 0)
        let fd = open(dir + "/kb.sqlite.lock", O_RDWR | O_CREAT, 0o644)
        #expect(flock(fd, LOCK_EX) == 0)
        let viaLink = try CLI.run(["ingest", "--kb", dir + "/alias.sqlite", "--lock-timeout", "0.3", "fixtures/news"])
        #expect(viaLink.status == 75, "\(viaLink.stderr)")
        flock(fd, LOCK_UN)
        close(fd)
    }

    @Test("a truncated part is named and left out; the other parts load; exit 1")
    func truncatedPart() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/parts", withIntermediateDirectories: true)
        let a = try CLI.run(["extract", "--published", "2025-02-27", "fixtures/news/hk-budget-2025.txt"])
        let b = try CLI.run(["extract", "--published", "2025-02-27", "fixtures/news/gba-fund-hans.txt"])
        try a.stdout.write(toFile: dir + "/parts/part-00000", atomically: true, encoding: .utf8)
        try b.stdout.write(toFile: dir + "/parts/b.jsonl", atomically: true, encoding: .utf8)
        try shell("cd '\(dir)/parts' && gzip -c b.jsonl | head -c 400 > part-00001.jsonl.gz && rm b.jsonl")
        let r = try CLI.run(["load", "--kb", dir + "/kb.sqlite", dir + "/parts"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("part-00001.jsonl.gz") && r.stderr.contains("part_rejected"), "\(r.stderr)")
        let docs = try CLI.run(["export", "--kb", dir + "/kb.sqlite"]).lines.filter { $0["kind"] as? String == "document" }
        #expect(docs.map { $0["doc_id"] as? String } == ["hk-budget-2025"])
    }

    @Test("zero padding after a gzip member is padding, not a broken file")
    func gzipPadding() throws {
        let dir = CLI.tempDir()
        try #"{"id":"g1","published":"2024-01-02","text":"政府撥款5億元。"}"#.write(toFile: dir + "/f.jsonl", atomically: true, encoding: .utf8)
        try shell("cd '\(dir)' && gzip -c f.jsonl > f.jsonl.gz && head -c 512 /dev/zero >> f.jsonl.gz && rm f.jsonl")
        let r = try CLI.run(["extract", dir + "/f.jsonl.gz"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.contains { $0["doc_id"] as? String == "g1" })
    }

    @Test("a file rewritten within the same second at the same size is read again")
    func sameSecondRewrite() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try "標題\n\n政府撥款5億元。".write(toFile: dir + "/in/a.txt", atomically: true, encoding: .utf8)
        try shell("touch -d '@1717000000.100000000' '\(dir)/in/a.txt'")
        _ = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", dir + "/in"])
        try "標題\n\n政府撥款7億元。".write(toFile: dir + "/in/a.txt", atomically: true, encoding: .utf8)
        try shell("touch -d '@1717000000.900000000' '\(dir)/in/a.txt'")
        let r = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", dir + "/in"])
        #expect(summary(r)["reprocessed_changed"] == "1" && summary(r)["replaced"] == "1", "\(r.stderr)")
    }

    @Test("past --max-mentions or --max-document-bytes a record is an error record naming the limit")
    func limits() throws {
        let input = #"{"id":"m","text":"撥款1億元、2億元、3億元、4億元和5億元。"}"# + "\n" + #"{"id":"big","text":""# + String(repeating: "撥", count: 2000) + "\"}\n"
        let r = try CLI.run(["extract", "--max-mentions", "3", "--max-document-bytes", "4000", "-"], stdin: input)
        let errors = r.lines.filter { $0["kind"] as? String == "error" }
        #expect(errors.contains { $0["doc_id"] as? String == "m" && ($0["message"] as? String)?.contains("--max-mentions") == true }, "\(errors)")
        #expect(errors.contains { $0["doc_id"] as? String == "big" && ($0["message"] as? String)?.contains("--max-document-bytes") == true }, "\(errors)")
    }

    @Test("a numeric id is an id; a stdin line past --max-line-bytes is an error record and the next line is read")
    func stdinAndNumericIDs() throws {
        let input = #"{"id":42,"text":"政府撥款5億元。"}"# + "\n" + #"{"id":"long","text":""# + String(repeating: "撥", count: 500) + "\"}\n" + #"{"id":"after","text":"撥款6億元。"}"# + "\n"
        let r = try CLI.run(["extract", "--max-line-bytes", "1000", "-"], stdin: input)
        let ids = r.lines.filter { $0["kind"] as? String == "document" }.compactMap { $0["doc_id"] as? String }
        #expect(ids == ["42", "after"], "\(ids)")
        #expect(r.lines.contains { $0["code"] as? String == "E-INPUT" && $0["line"] as? Int == 2 && ($0["message"] as? String)?.contains("--max-line-bytes") == true })
    }

    @Test("storing a document never deletes another file's error record for the same id")
    func errorsKeptAcrossFiles() throws {
        let dir = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: dir + "/a", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/b", withIntermediateDirectories: true)
        try #"{"id":"x","published":"2024-13-01","text":"撥款。"}"#.write(toFile: dir + "/a/feed.jsonl", atomically: true, encoding: .utf8)
        _ = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", dir + "/a"])
        try #"{"id":"x","published":"2024-01-01","text":"政府撥款5億元。"}"#.write(toFile: dir + "/b/feed.jsonl", atomically: true, encoding: .utf8)
        _ = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", dir + "/b"])
        let errors = try CLI.run(["errors", "--kb", dir + "/kb.sqlite", "--format", "jsonl"]).lines
        #expect(errors.count == 1 && (errors.first?["file"] as? String)?.hasSuffix("a/feed.jsonl") == true, "\(errors)")
    }

    @Test("a file of a thousand bad lines gives --max-errors-per-file records and one that counts the rest")
    func errorCap() throws {
        let dir = CLI.tempDir()
        try String(repeating: "{}\n", count: 1000).write(toFile: dir + "/f.jsonl", atomically: true, encoding: .utf8)
        _ = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "--max-errors-per-file", "50", dir])
        let errors = try CLI.run(["errors", "--kb", dir + "/kb.sqlite", "--format", "jsonl"]).lines
        #expect(errors.count == 51)
        #expect(errors.contains { ($0["message"] as? String)?.contains("950 more errors") == true })
    }
}
