import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A folder laid out as news archives are: dated folders, the same file name in each,
/// a feed of JSONL records, one bad file.
struct Archive {
    let dir = CLI.tempDir()
    var root: String { dir + "/archive" }
    var kb: String { dir + "/kb.sqlite" }

    init() throws {
        for (day, amount) in [("2024-07-01", 5), ("2024-07-02", 7), ("2024-07-03", 9)] {
            try write("\(day)/article.txt", "\(day) 報道\n\n政府撥款\(amount)億元推行「產學研1+」計劃，創新科技署負責，明年3月底前完成。")
        }
        try write("2024-07-03/feed.jsonl", """
            {"id":"feed-1","published":"2024-07-03","text":"香港大學獲撥款2億元。"}
            {"id":"feed-2","published":"2024-07-03","text":"數碼港撥款3億元。"}
            """)
        try write("2024-07-02/broken.txt", "")
    }

    func write(_ relative: String, _ text: String) throws {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(atPath: Paths.directory(path), withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func ingest(_ extra: [String] = [], paths: [String]? = nil, cwd: String? = nil, stdin: String? = nil) throws -> CLI.Result {
        try CLI.run(["ingest", "--kb", kb, "--published", "2024-07-04"] + extra + (paths ?? [root]), stdin: stdin, cwd: cwd)
    }

    func export() throws -> CLI.Result { try CLI.run(["export", "--kb", kb]) }

    func documents() throws -> [String: [String: Any]] {
        var out: [String: [String: Any]] = [:]
        for r in try export().lines where r["kind"] as? String == "document" { out[r["doc_id"] as! String] = r }
        return out
    }
}

enum Paths {
    static func directory(_ p: String) -> String { (p as NSString).deletingLastPathComponent }
}

/// The summary line's `key=value` fields.
func summary(_ r: CLI.Result) -> [String: String] {
    guard let line = r.stderr.split(separator: "\n").last(where: { $0.contains("event=summary") }) else { return [:] }
    var out: [String: String] = [:]
    for part in line.split(separator: " ") {
        let kv = part.split(separator: "=", maxSplits: 1)
        if kv.count == 2 { out[String(kv[0])] = String(kv[1]) }
    }
    return out
}

@Suite("Nightly on a real archive")
struct NightlyArchiveTests {
    @Test("files of one name in dated folders are separate documents named by their path below the folder given")
    func datedFolders() throws {
        let a = try Archive()
        let r = try a.ingest()
        #expect(r.status == 1, "the empty file is rejected")
        let ids = Set(try a.documents().keys)
        #expect(ids == ["2024-07-01/article", "2024-07-02/article", "2024-07-03/article", "feed-1", "feed-2"], "\(ids)")
        #expect(summary(r)["added"] == "5" && summary(r)["replaced"] == "0", "\(r.stderr)")
    }

    @Test("two inputs that claim one id: an E-COLLISION error record, the first one kept, never overwritten")
    func collision() throws {
        let a = try Archive()
        try a.write("../other/2024-07-01/article.txt", "另一篇\n\n政府撥款1億元。")
        let r = try a.ingest(paths: [a.root, a.dir + "/other"])
        #expect(r.status == 1)
        let docs = try a.documents()
        #expect((docs["2024-07-01/article"]?["text"] as? String)?.contains("5億元") == true, "the first input keeps the id")
        let errors = try a.export().lines.filter { $0["code"] as? String == "E-COLLISION" }
        #expect(errors.count == 1 && (errors.first?["source"] as? String)?.hasSuffix("other/2024-07-01/article.txt") == true, "\(errors)")
        // Another night, the other folder alone: still refused, against what the knowledge base holds.
        try a.write("../other/2024-07-01/article.txt", "另一篇\n\n政府撥款1億元，並已修訂。")
        let again = try a.ingest(paths: [a.dir + "/other"])
        #expect(again.status == 1 && again.stderr.contains("E-COLLISION"), "\(again.stderr)")
        #expect((try a.documents()["2024-07-01/article"]?["text"] as? String)?.contains("5億元") == true)
    }

    @Test("two records of one JSONL file with one id: the first is stored, the second is an E-COLLISION record with its line")
    func duplicateRecordIDs() throws {
        let a = try Archive()
        try a.write("2024-07-04/wire.jsonl", """
            {"id":"wire-7","published":"2024-07-04","text":"政府撥款2億元。"}
            {"id":"wire-7","published":"2024-07-04","text":"政府撥款9億元。"}
            """)
        _ = try a.ingest()
        #expect((try a.documents()["wire-7"]?["text"] as? String)?.contains("2億元") == true)
        let errors = try a.export().lines.filter { $0["code"] as? String == "E-COLLISION" }
        #expect(errors.count == 1 && errors.first?["line"] as? Int == 2, "\(errors)")
    }

    @Test("the same folder named relatively and absolutely is one set of files in the ledger")
    func relativeAndAbsolute() throws {
        let a = try Archive()
        _ = try a.ingest()
        let r = try CLI.run(["ingest", "--kb", a.kb, "--published", "2024-07-04", "archive"], cwd: a.dir)
        #expect(summary(r)["read"] == "0" && summary(r)["skipped_files"] == "4" && summary(r)["known_bad"] == "1", "\(r.stderr)")
        #expect(r.status == 0, "the known bad file does not fail the night again")
    }

    @Test("an edited lexicon, a corrected --published and --force are applied to files already ingested")
    func changesApplied() throws {
        let a = try Archive()
        let pipelines = a.dir + "/pipelines"
        try FileManager.default.copyItem(atPath: CLI.root + "/pipelines", toPath: pipelines)
        try a.write("2024-07-03/scheme.txt", "新計劃\n\n政府推出社區數碼共融試驗計劃，撥款1億元。")
        let pipeline = ["--pipeline", pipelines + "/hk-news.json"]
        _ = try a.ingest(pipeline)
        func programmeIDs() throws -> [String] {
            try a.export().lines.filter { $0["doc_id"] as? String == "2024-07-03/scheme" && $0["type"] as? String == "programme" }.compactMap { $0["entity_id"] as? String }
        }
        #expect(try !programmeIDs().contains("prog:test-digital-inclusion"))
        // A programme added to the lexicon (id, name, name_en, aliases, part_of, renamed_to, renamed_on) reaches the file already ingested.
        let lexicon = pipelines + "/lexicons/programmes.tsv"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: lexicon))
        handle.seekToEndOfFile()
        handle.write(Data("prog:test-digital-inclusion\t社區數碼共融試驗計劃\tCommunity Digital Inclusion Pilot Scheme\t\t\t\t\n".utf8))
        try handle.close()
        let edited = try a.ingest(pipeline)
        #expect(summary(edited)["reprocessed_pipeline"] == "6", "every file, the bad one too, is read again under the new lexicon: \(edited.stderr)")
        let ids = try programmeIDs()
        #expect(ids.contains("prog:test-digital-inclusion"), "\(ids)")
        // A corrected --published reaches documents that carry no date of their own.
        let corrected = try CLI.run(["ingest", "--kb", a.kb, "--published", "2024-07-05"] + pipeline + [a.root])
        #expect(summary(corrected)["reprocessed_options"] == "6", "\(corrected.stderr)")
        #expect(try a.documents()["2024-07-01/article"]?["published"] as? String == "2024-07-05")
        #expect(try a.documents()["feed-1"]?["published"] as? String == "2024-07-03", "a record's own date stands")
        let nothing = try CLI.run(["ingest", "--kb", a.kb, "--published", "2024-07-05"] + pipeline + [a.root])
        #expect(summary(nothing)["read"] == "0")
        let forced = try CLI.run(["ingest", "--kb", a.kb, "--published", "2024-07-05", "--force"] + pipeline + [a.root])
        #expect(summary(forced)["reprocessed_forced"] == "6" && summary(forced)["unchanged"] == "6", "\(forced.stderr)")
    }

    @Test("a missing path is an error record and the other feeds are ingested; exit 1")
    func missingPath() throws {
        let a = try Archive()
        let r = try a.ingest(paths: [a.dir + "/feeds-missing", a.root])
        #expect(r.status == 1)
        #expect(try a.documents().count == 5)
        let errors = try CLI.run(["errors", "--kb", a.kb, "--format", "jsonl"]).lines
        #expect(errors.contains { $0["code"] as? String == "E-NOTFOUND" && ($0["source"] as? String)?.hasSuffix("feeds-missing") == true }, "\(errors)")
        #expect(errors.contains { $0["code"] as? String == "E-DECODE" && $0["stage"] as? String == "decode.v1" && ($0["file"] as? String)?.hasSuffix("broken.txt") == true })
        // The feed comes back: its error record goes.
        try FileManager.default.createDirectory(atPath: a.dir + "/feeds-missing", withIntermediateDirectories: true)
        _ = try a.ingest(paths: [a.dir + "/feeds-missing", a.root])
        #expect(!(try CLI.run(["errors", "--kb", a.kb, "--format", "jsonl"]).lines.contains { $0["code"] as? String == "E-NOTFOUND" }))
    }

    @Test("a file bad for good is not re-read every night: known_bad, exit 0; fixed, it is read and its error goes")
    func knownBad() throws {
        let a = try Archive()
        #expect(try a.ingest().status == 1)
        let second = try a.ingest()
        #expect(second.status == 0, "\(second.stderr)")
        #expect(summary(second)["known_bad"] == "1" && summary(second)["read"] == "0")
        #expect(!second.stderr.contains("event=rejected"), "not logged again")
        #expect(try CLI.run(["errors", "--kb", a.kb, "--format", "jsonl"]).lines.count == 1)
        try a.write("2024-07-02/broken.txt", "修好了\n\n政府撥款4億元。")
        let fixed = try a.ingest()
        #expect(fixed.status == 0 && summary(fixed)["read"] == "1" && summary(fixed)["added"] == "1", "\(fixed.stderr)")
        #expect(try CLI.run(["errors", "--kb", a.kb, "--format", "jsonl"]).lines.isEmpty)
    }

    @Test("ingest --prune and newskb prune remove the documents of deleted files, and say how many")
    func prune() throws {
        let a = try Archive()
        _ = try a.ingest()
        try FileManager.default.removeItem(atPath: a.root + "/2024-07-01/article.txt")
        let kept = try a.ingest()
        #expect(try a.documents()["2024-07-01/article"] != nil, "without --prune nothing is removed")
        #expect(summary(kept)["pruned"] == "0")
        let pruned = try a.ingest(["--prune"])
        #expect(summary(pruned)["pruned"] == "1", "\(pruned.stderr)")
        #expect(try a.documents()["2024-07-01/article"] == nil)
        try FileManager.default.removeItem(atPath: a.root + "/2024-07-03/feed.jsonl")
        let p = try CLI.run(["prune", "--kb", a.kb, a.root])
        #expect(p.status == 0 && p.stderr.contains("documents=2"), "\(p.stderr)")
        #expect(Set(try a.documents().keys) == ["2024-07-02/article", "2024-07-03/article"])
        // A folder that is missing altogether (an unmounted disk) prunes nothing.
        let unmounted = try CLI.run(["prune", "--kb", a.kb, a.dir + "/not-mounted"])
        let left = try a.documents().count
        #expect(unmounted.status == 1 && left == 2)
    }

    @Test("log lines for cron: RFC 3339 ts, run id, duration; json lines; --quiet")
    func logs() throws {
        let a = try Archive()
        let r = try a.ingest()
        let lines = r.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        let ts = try Regex("^ts=\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z level=\\w+ run=\\S+ event=")
        for line in lines { #expect(line.contains(ts), "\(line)") }
        let s = summary(r)
        #expect(Double(s["duration_s"] ?? "") != nil && s["run"] != nil)
        let json = try a.ingest(["--log-format", "json", "--force"])
        for line in json.stderr.split(separator: "\n") {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(o?["ts"] is String && o?["run"] is String && o?["event"] is String, "\(line)")
        }
        let quiet = try a.ingest(["-q", "--force"])
        #expect(!quiet.stderr.contains("event=summary"))
        #expect(quiet.stderr.contains("event=rejected"), "errors still show")
    }

    @Test("a file name with a newline cannot forge a log line")
    func newlineInName() throws {
        let a = try Archive()
        try a.write("evil\nts=0 level=info event=summary.txt", "")
        let r = try a.ingest()
        #expect(r.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("ts=") }, "\(r.stderr)")
    }

    @Test("at a terminal the progress bar is cleared before an error line")
    func progressCleared() throws {
        let a = try Archive()
        let command = "NEWSKB_PIPELINES='\(CLI.root)/pipelines' '\(CLI.binary)' ingest --kb '\(a.kb)' --jobs 1 '\(a.root)' 2>&1"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", command, "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(text.contains("[#") || text.contains("[-"), "a bar was drawn: \(text.debugDescription)")
        #expect(text.contains("\r\u{1B}[Knewskb: "), "the bar is cleared before the line: \(text.debugDescription)")
    }

    @Test("--jobs far beyond the cores is capped with a clear message, and the output is the same")
    func jobsCapped() throws {
        let a = try Archive()
        let r = try CLI.run(["extract", "--published", "2024-07-04", "--jobs", "100000", a.root])
        #expect(r.stderr.contains("jobs_capped") && r.stderr.contains("requested=100000"), "\(r.stderr)")
        let one = try CLI.run(["extract", "--published", "2024-07-04", "--jobs", "1", a.root])
        #expect(r.stdout == one.stdout && r.status == one.status)
    }

    @Test("ingest reads paths from stdin, with ids below --root, and JSONL records from stdin with '-'")
    func stdinInputs() throws {
        let a = try Archive()
        let manifest = [a.root + "/2024-07-01/article.txt", a.root + "/2024-07-02/article.txt"].joined(separator: "\n") + "\n"
        let r = try a.ingest(["--paths-from-stdin", "--root", a.root], paths: [], stdin: manifest)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Set(try a.documents().keys) == ["2024-07-01/article", "2024-07-02/article"])
        let s = try a.ingest(paths: ["-"], stdin: "{\"id\":\"wire-1\",\"published\":\"2024-07-05\",\"text\":\"政府撥款8億元。\"}\n")
        #expect(s.status == 0, "\(s.stderr)")
        #expect(try a.documents()["wire-1"] != nil)
    }

    @Test("the binary finds its pipelines beside itself in an install prefix, from any folder, never in the source tree")
    func installedLayout() throws {
        let prefix = CLI.tempDir()
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: prefix + "/share/newskb", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.binary, toPath: prefix + "/bin/newskb")
        let elsewhere = CLI.tempDir()
        let bare = try CLI.run(["extract", CLI.root + "/fixtures/news/hk-budget-2025.txt"], cwd: elsewhere, binary: prefix + "/bin/newskb")
        #expect(bare.status == 2 && bare.stderr.contains("no pipeline named 'hk-news'"), "the source tree is not searched: \(bare.stderr)")
        try FileManager.default.copyItem(atPath: CLI.root + "/pipelines", toPath: prefix + "/share/newskb/pipelines")
        let installed = try CLI.run(["extract", CLI.root + "/fixtures/news/hk-budget-2025.txt"], cwd: elsewhere, binary: prefix + "/bin/newskb")
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.lines.contains { $0["kind"] as? String == "document" })
    }
}

@Suite("Resume after a kill")
struct ResumeTests {
    /// The ledger rows committed so far (read through SQLite itself, as another process would).
    static func ledgerRows(_ kb: String) -> Int {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sqlite3,sys\ntry: print(sqlite3.connect(sys.argv[1], timeout=5).execute('select count(*) from ledger').fetchone()[0])\nexcept Exception: print(0)", kb]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try? p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    @Test("killed at several points, the re-run skips every file already committed and exports what one clean run does",
          .tags(.slow), arguments: [1, 200, 420])
    func killAndResume(afterCommitted files: Int) throws {
        let dir = CLI.tempDir()
        let input = dir + "/in"
        for day in 1...8 {
            let folder = input + "/2024-07-0\(day)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for i in 0..<75 {
                let paragraph = "政府撥款\(i + 1)億元推行「產學研1+」計劃，創新科技署負責，明年3月底前完成。香港大學獲撥款\(day)億元，2024年第三季開始。"
                try ("第\(day)-\(i)則\n\n" + String(repeating: paragraph + "\n\n", count: 12))
                    .write(toFile: folder + "/article-\(i).txt", atomically: true, encoding: .utf8)
            }
        }
        // Bad files among the good: their error records must be in the resumed export as in a clean one.
        _ = FileManager.default.createFile(atPath: input + "/2024-07-03/empty.txt", contents: Data())
        try "{\"id\":\"bad\"}\n".write(toFile: input + "/2024-07-06/feed.jsonl", atomically: true, encoding: .utf8)
        let total = 602
        let kb = dir + "/kb.sqlite"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["ingest", "--kb", dir + "/kb.sqlite", "--published", "2024-06-20", "--jobs", "1", input]
        p.environment = ["NEWSKB_PIPELINES": CLI.root + "/pipelines"]
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Kill once at least `files` files are committed (the ledger says so), wherever the run is then.
        while p.isRunning && Self.ledgerRows(kb) < files { usleep(20_000) }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal, "the run was interrupted, not finished, after \(files) files")
        let rerun = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "--published", "2024-06-20", input])
        #expect(rerun.status <= 1, "\(rerun.stderr)")
        let s = summary(rerun)
        let skipped = Int(s["skipped_files"] ?? "") ?? -1, read = Int(s["read"] ?? "") ?? -1, knownBad = Int(s["known_bad"] ?? "") ?? -1
        #expect(skipped + knownBad + read == total, "every file is skipped, known bad or read: \(rerun.stderr)")
        #expect(skipped >= files, "files committed before the kill are skipped (\(s))")
        #expect(Int(s["unchanged"] ?? "") ?? -1 <= 64, "at most one uncommitted batch is stored twice (\(s))")
        _ = try CLI.run(["ingest", "--kb", dir + "/clean.sqlite", "--published", "2024-06-20", input])
        let a = try CLI.run(["export", "--kb", dir + "/kb.sqlite"]), b = try CLI.run(["export", "--kb", dir + "/clean.sqlite"])
        #expect(a.stdout == b.stdout)
        #expect(a.lines.filter { $0["kind"] as? String == "document" }.count == total - 2)
        #expect(a.lines.filter { $0["kind"] as? String == "error" }.count == 2)
    }
}

@Suite("Spark: rejected inputs do not fail the task")
struct SparkModeTests {
    @Test("extract --allow-rejected exits 0 with error records for bad inputs; without it 1; a write failure is 74")
    func allowRejected() throws {
        let a = try Archive()
        let strict = try CLI.run(["extract", "--published", "2024-07-04", a.root, a.dir + "/missing.html"])
        #expect(strict.status == 1)
        let lenient = try CLI.run(["extract", "--published", "2024-07-04", "--allow-rejected", a.root, a.dir + "/missing.html"])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stdout == strict.stdout)
        let codes = lenient.lines.filter { $0["kind"] as? String == "error" }.compactMap { $0["code"] as? String }.sorted()
        #expect(codes == ["E-DECODE", "E-NOTFOUND"], "\(codes)")
        // A real failure still fails: output that cannot be written.
        #expect(try CLI.status(["extract", "--allow-rejected", "--published", "2024-07-04", a.root], stdoutTo: "/dev/full") == 74)
    }
}

@Suite("Broken bytes kept")
struct BrokenBytesTests {
    /// A GB2312 page whose title was cut mid-character and one body character broken.
    func cutPage() throws -> Data {
        let html = "<html><head><meta charset=\"gb2312\"><title>政府撥款推行創新計劃</title></head><body><div class=\"content\"><h1>政府撥款推行創新計劃</h1>"
            + String(repeating: "<p>特區政府宣布撥款十億元推行創新及科技計劃，資助本地大學與企業合作研發，並於明年年初開始接受申請。</p>", count: 8)
            + "</div></body></html>"
        var bytes = [UInt8](try Self.iconv(html, to: "GB18030"))
        let title = bytes.firstIndex(of: UInt8(ascii: "<"))! + 60
        if let i = bytes[title...].firstIndex(where: { $0 >= 0x80 }) { bytes.remove(at: i + 1) }   // a lead byte without its trail
        let mid = bytes.count / 2
        if let j = bytes[mid...].firstIndex(where: { $0 >= 0x80 }) { bytes[j + 1] = 0x20 }
        return Data(bytes)
    }

    static func iconv(_ text: String, to charset: String) throws -> Data {
        let dir = CLI.tempDir()
        try text.write(toFile: dir + "/in.txt", atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        p.arguments = ["-f", "UTF-8", "-t", charset, dir + "/in.txt"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return data
    }

    @Test("a page with a few invalid sequences is kept, the sequences replaced and counted in a W-DECODE warning")
    func keptWithWarning() throws {
        let dir = CLI.tempDir()
        try cutPage().write(to: URL(fileURLWithPath: dir + "/cut.html"))
        let r = try CLI.run(["extract", "--published", "2024-07-04", dir + "/cut.html"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(r.lines.first { $0["kind"] as? String == "document" })
        let warnings = doc["warnings"] as? [String] ?? []
        #expect(warnings.contains { $0.hasPrefix("W-DECODE: ") && $0.contains("invalid sequences replaced") }, "\(warnings)")
        #expect((doc["text"] as? String)?.contains("撥款十億元") == true)
        #expect(r.lines.contains { $0["kind"] as? String == "mention" && $0["type"] as? String == "money" })
        // Ingest counts the warnings in its summary.
        let ingest = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", dir])
        #expect(summary(ingest)["warnings"].flatMap(Int.init) ?? 0 >= 1, "\(ingest.stderr)")
    }

    @Test("bytes that no charset fits are still rejected")
    func noiseRejected() throws {
        let dir = CLI.tempDir()
        var noise = Data()
        for i in 0..<5000 { noise.append(UInt8(0x80 + (i * 37) % 128)) }
        try noise.write(to: URL(fileURLWithPath: dir + "/noise.html"))
        let r = try CLI.run(["extract", dir + "/noise.html"])
        #expect(r.status == 1)
        #expect(r.lines.contains { $0["code"] as? String == "E-DECODE" && ($0["error"] as? String)?.contains("no charset fits") == true })
    }

    @Test("none of the 44 open CWCED pages is rejected; their warnings are counted", .enabled(if: CLI.shared != nil))
    func cwcedPages() throws {
        let dir = CLI.tempDir()
        let r = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "--published", "2024-06-20", CLI.shared! + "/eval/peer/cwced/html"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(summary(r)["added"] == "44" && summary(r)["rejected"] == "0", "\(r.stderr)")
        #expect(summary(r)["warnings"] != nil)
    }
}

@Suite("Typed failures")
struct TypedFailureTests {
    @Test("three rejected records of one JSONL file are three error records with file, line, stage and code")
    func perRecord() throws {
        let dir = CLI.tempDir()
        try """
            {"id":"ok-1","text":"政府撥款5億元。"}
            {"id":"bad-1","text":""}
            {"id":"bad-2","published":"2024-13-40","text":"撥款。"}
            {"id":"ok-2","text":"政府撥款6億元。"}
            {"id":"bad-3","html":""}
            """.write(toFile: dir + "/feed.jsonl", atomically: true, encoding: .utf8)
        _ = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", dir])
        let errors = try CLI.run(["errors", "--kb", dir + "/kb.sqlite", "--format", "jsonl"]).lines
        #expect(errors.compactMap { $0["line"] as? Int } == [2, 3, 5], "\(errors)")
        #expect(errors.allSatisfy { ($0["file"] as? String)?.hasSuffix("feed.jsonl") == true })
        #expect(errors.map { $0["stage"] as? String } == ["decode.v1", "read", "decode.v1"])
        #expect(errors.map { $0["doc_id"] as? String } == ["bad-1", "bad-2", "bad-3"])
        let table = try CLI.run(["errors", "--kb", dir + "/kb.sqlite", "--format", "table"])
        #expect(table.stdout.contains("feed.jsonl:3") && table.stdout.contains("3 error records"))
    }
}
