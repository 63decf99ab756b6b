import Foundation
import Testing

/// The commands that only read open the knowledge base read-only: a published snapshot on a
/// read-only filesystem answers, and so does a knowledge base an ingest is writing.
@Suite("Read-only readers", .serialized)
struct ReadOnlyReaderTests {
    static let readers: [[String]] = [
        ["stats"], ["export"], ["errors"], ["search", "半导体"], ["facts"], ["entity", "創新科技及工業局"],
    ]

    func ingested() throws -> String {
        let dir = CLI.tempDir()
        let r = try CLI.run(["ingest", "--kb", dir + "/kb.sqlite", "--published", "2025-02-27", "fixtures/news"])
        #expect(r.status == 0, "\(r.stderr)")
        return dir + "/kb.sqlite"
    }

    @Test("stats, export, errors, search, facts and entity answer from a snapshot on a read-only filesystem as from the original")
    func readOnlyFilesystem() throws {
        let kb = try ingested()
        let fs = SmallFilesystem(kilobytes: 8192)
        guard fs.mounted else { print("skipped: cannot mount a tmpfs here"); return }
        try FileManager.default.copyItem(atPath: kb, toPath: fs.path + "/kb.sqlite")
        _ = try shell("mount -o remount,ro '\(fs.path)'")
        #expect(!FileManager.default.isWritableFile(atPath: fs.path), "the snapshot's filesystem is read-only")
        for args in Self.readers {
            let original = try CLI.run([args[0], "--kb", kb] + args.dropFirst())
            let snapshot = try CLI.run([args[0], "--kb", fs.path + "/kb.sqlite"] + args.dropFirst())
            #expect(snapshot.status == 0, "\(args): \(snapshot.stderr)")
            #expect(snapshot.stdout == original.stdout && !original.stdout.isEmpty || args[0] == "errors", "\(args)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: fs.path) == ["kb.sqlite"])
    }

    @Test("readers answer while an ingest holds the knowledge base's write transaction")
    func besideWriter() throws {
        let kb = try ingested()
        let before = try CLI.run(["export", "--kb", kb])
        // A writer in the middle of its transaction, as a long ingest is between commits.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        writer.arguments = ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute('BEGIN IMMEDIATE')
            c.execute("INSERT INTO run (run_id, command, started) VALUES ('held', 'ingest', 'now')")
            print('holding', flush=True)
            sys.stdin.read()
            c.execute('ROLLBACK')
            """, kb]
        let toWriter = Pipe(), fromWriter = Pipe()
        writer.standardInput = toWriter
        writer.standardOutput = fromWriter
        try writer.run()
        defer { try? toWriter.fileHandleForWriting.close(); writer.waitUntilExit() }
        let line = fromWriter.fileHandleForReading.availableData
        #expect(String(decoding: line, as: UTF8.self).hasPrefix("holding"))
        for args in Self.readers {
            let r = try CLI.run([args[0], "--kb", kb] + args.dropFirst())
            #expect(r.status == 0, "\(args): \(r.stderr)")
        }
        #expect(try CLI.run(["export", "--kb", kb]).stdout == before.stdout, "the reader sees the last commit, not the open transaction")
    }
}
