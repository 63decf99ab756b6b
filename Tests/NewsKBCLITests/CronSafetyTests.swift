import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite("Cron-safe runs")
struct CronSafetyTests {
    @Test("a second run on a locked knowledge base waits, then exits 75 with a clear message")
    func locked() throws {
        let dir = CLI.tempDir()
        let kb = dir + "/kb.sqlite"
        let fd = open(kb + ".lock", O_RDWR | O_CREAT, 0o644)
        #expect(flock(fd, LOCK_EX) == 0)
        let r = try CLI.run(["ingest", "--kb", kb, "--lock-timeout", "0.3", "fixtures/news"])
        #expect(r.status == 75)
        #expect(r.stderr.contains("locked by another run"), "\(r.stderr)")
        flock(fd, LOCK_UN)
        close(fd)
        let again = try CLI.run(["ingest", "--kb", kb, "--published", "2025-02-27", "fixtures/news"])
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test("away from a terminal: structured log lines for rejected inputs and one summary line")
    func structuredLogs() throws {
        let dir = CLI.tempDir()
        try "標題\n\n撥款5億元。".write(toFile: dir + "/ok.txt", atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: dir + "/empty.txt", contents: Data())
        let r = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", dir])
        #expect(r.status == 1)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("ts=") && $0.contains(" level=error ") && $0.contains(" event=rejected ") && $0.contains("empty.txt") })
        #expect(lines.filter { $0.contains("event=summary") }.count == 1)
        #expect(!r.stderr.contains("\r"), "no progress bar when not at a terminal")
    }

    @Test("a run killed mid-way and run again gives the export of one clean run")
    func killedRun() throws {
        let dir = CLI.tempDir()
        let input = dir + "/in"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        for i in 0..<400 {
            try "第\(i)則\n\n政府撥款\(i + 1)億元推行「產學研1+」計劃，創新科技署負責，明年3月底前完成。".write(toFile: input + "/a\(i).txt", atomically: true, encoding: .utf8)
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["ingest", "--kb", dir + "/kb.sqlite", "--published", "2024-06-20", "--jobs", "1", input]
        p.standardError = FileHandle.nullDevice
        try p.run()
        usleep(150_000)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        // (Killing at a point the ledger says was reached, with the check that the run was
        // interrupted, is ResumeTests; here the kill may land before or after the first commit.)
        let rerun = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "--published", "2024-06-20", input])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        _ = try CLI.run(["ingest", "--kb", dir + "/clean.sqlite", "--published", "2024-06-20", input])
        let a = try CLI.run(["export", "--kb", dir + "/kb.sqlite"]), b = try CLI.run(["export", "--kb", dir + "/clean.sqlite"])
        #expect(a.stdout == b.stdout)
        #expect(a.lines.filter { $0["kind"] as? String == "document" }.count == 400)
    }
}

@Suite("Ingest ledger")
struct LedgerTests {
    @Test("the ledger records each file's SHA-256 as it was streamed, not by reading it again")
    func hashes() throws {
        let dir = CLI.tempDir()
        _ = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "--published", "2025-02-27", "fixtures/news"])
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sqlite3,sys; [print(r[0], r[1]) for r in sqlite3.connect(sys.argv[1]).execute('select source, sha256 from ledger order by source')]", dir + "/kb.sqlite"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let rows = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        p.waitUntilExit()
        #expect(rows.count == 6)
        for row in rows {
            let parts = row.split(separator: " ")
            #expect(parts[0].hasPrefix(CLI.root + "/fixtures/news/"), "the ledger keys files by canonical path")
            let data = try Data(contentsOf: URL(fileURLWithPath: String(parts[0])))
            #expect(String(parts[1]) == SHA256Digest.of(data), "\(parts[0])")
        }
    }
}

/// An independent digest for the check above (sha256sum).
enum SHA256Digest {
    static func of(_ data: Data) -> String {
        let tmp = CLI.tempDir() + "/f"
        try? data.write(to: URL(fileURLWithPath: tmp))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sha256sum", tmp]
        let out = Pipe()
        p.standardOutput = out
        try? p.run()
        let s = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return String(s.prefix(64))
    }
}
