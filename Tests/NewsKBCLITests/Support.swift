import Foundation
import NewsKBTestSupport
import Testing

/// Runs the built `newskb` binary and collects what it prints.
enum CLI {
    static var root: String { Repository.root }
    static var shared: String? { Repository.shared }

    /// The debug binary `make test` builds before `swift test` (`swift build` then `swift test`
    /// build the same sources, so it is never stale; a release binary from another day is never used).
    static var binary: String { root + "/.build/debug/newskb" }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [[String: Any]] {
            stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }

    /// Runs the binary (``binary`` unless another is given). The built binary is told where the
    /// repository's pipelines are, as an installed one would find them beside itself.
    static func run(_ args: [String], stdin: String? = nil, cwd: String? = nil, binary other: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: other ?? binary)
        p.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["NEWSKB_PIPELINES"] = nil
        if other == nil { env["NEWSKB_PIPELINES"] = root + "/pipelines" }
        p.environment = env
        p.currentDirectoryURL = URL(fileURLWithPath: cwd ?? root)
        // Output goes to files so large outputs never block on a full pipe.
        let base = NSTemporaryDirectory() + "newskb-run-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: base + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: base + ".err", contents: nil)
        let out = FileHandle(forWritingAtPath: base + ".out")!, err = FileHandle(forWritingAtPath: base + ".err")!
        let input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        if let s = stdin { input.fileHandleForWriting.write(Data(s.utf8)) }
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
        try out.close()
        try err.close()
        let outData = FileManager.default.contents(atPath: base + ".out") ?? Data()
        let errData = FileManager.default.contents(atPath: base + ".err") ?? Data()
        try? FileManager.default.removeItem(atPath: base + ".out")
        try? FileManager.default.removeItem(atPath: base + ".err")
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The exit status of the binary run with its stdout on `path` (e.g. `/dev/full`) and stderr discarded.
    static func status(_ args: [String], stdoutTo path: String) throws -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: root)
        p.standardOutput = FileHandle(forWritingAtPath: path)
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return p.terminationStatus
    }

    static func tempDir() -> String { Repository.tempDir() }
}

/// Runs one of ../shared/eval's scorers with --json and returns its figures.
enum Scorer {
    static func run(_ script: String, _ args: [String]) throws -> [String: Any] {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", CLI.shared! + "/eval/" + script] + args + ["--json"]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}

/// The contract's invariants over any JSONL output.
enum Contract {
    /// Every mention's text is the code-point slice of its document's text.
    static func checkOffsets(_ lines: [[String: Any]]) {
        var texts: [String: [Unicode.Scalar]] = [:]
        for r in lines where r["kind"] as? String == "document" {
            texts[r["doc_id"] as! String] = Array((r["text"] as! String).unicodeScalars)
        }
        for r in lines where r["kind"] as? String == "mention" {
            let doc = r["doc_id"] as! String
            guard let t = texts[doc] else { Issue.record("mention of unknown document \(doc)"); continue }
            let a = r["start"] as! Int, b = r["end"] as! Int
            #expect(a >= 0 && a < b && b <= t.count)
            guard a >= 0, a < b, b <= t.count else { continue }
            let slice = String(String.UnicodeScalarView(t[a..<b]))
            #expect(slice == r["text"] as? String, "text[\(a):\(b)] of \(doc)")
        }
    }
}

extension Tag {
    /// Tests that run the binary over large or many inputs (seconds each), tagged so a report
    /// tells them apart; `make test` runs them all.
    @Tag static var slow: Tag
}

/// A knowledge base read as a SQL user reads it, with Python's sqlite3 (no NewsKB code).
enum SQL {
    /// The rows of a query, one line each, columns joined by tabs.
    static func rows(_ path: String, _ sql: String) throws -> [String] {
        let script = "import sqlite3,sys\nc=sqlite3.connect('file:'+sys.argv[1]+'?mode=ro',uri=True)\nfor r in c.execute(sys.argv[2]): print('\\t'.join(map(str,r)))"
        let r = try CLI.run(["python3", "-c", script, path, sql], binary: "/usr/bin/env")
        return r.stdout.split(separator: "\n").map(String.init)
    }
}
