#if canImport(Glibc)
import Glibc
#endif
import NewsKBCore

/// Progress for long runs: a bar with docs/s and ETA at a terminal; nothing in between
/// under cron (a one-line summary and structured log lines instead).
final class Progress {
    let total: Int
    let interactive: Bool
    private var done = 0
    private var docs = 0
    private let start = StageTimings.now()
    private var lastDraw: UInt64 = 0

    init(totalFiles: Int, interactive: Bool = Console.stderrIsTerminal) {
        total = totalFiles
        self.interactive = interactive
    }

    func document() { docs += 1; draw() }

    func file() { done += 1; draw() }

    private func draw(force: Bool = false) {
        guard interactive else { return }
        let now = StageTimings.now()
        if !force && now - lastDraw < 200_000_000 { return }
        lastDraw = now
        let secs = Double(now - start) / 1e9
        let rate = secs > 0 ? Double(docs) / secs : 0
        let fraction = total > 0 ? Double(done) / Double(total) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let eta = fraction > 0 ? Int(secs / fraction - secs) : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\r[\(bar)] \(done)/\(total) files, \(docs) docs, \(Int(rate)) docs/s, ETA \(eta / 60)m\(eta % 60)s "
        _ = line.utf8CString.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress, $0.count - 1) }
    }

    func finish() {
        guard interactive else { return }
        draw(force: true)
        _ = "\n".utf8CString.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress, $0.count - 1) }
    }
}

extension Console {
    /// A rejected input: a readable line at a terminal, a key=value log line otherwise.
    static func rejected(source: String, docID: String?, error: String) {
        if stderrIsTerminal {
            Console.error("\(source): \(error)")
        } else {
            log(level: "error", ["event": "rejected", "source": source, "doc_id": docID ?? "", "error": error])
        }
    }

    /// One structured log line on stderr: `level=… key="value" …`, keys in order given.
    static func log(level: String, _ fields: KeyValuePairs<String, String>) {
        var line = "newskb level=\(level)"
        for (k, v) in fields {
            let quoted = v.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) || v.isEmpty
            line += " \(k)=" + (quoted ? "\"" + v.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\\\"") + "\"" : v)
        }
        line += "\n"
        _ = line.utf8CString.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress, $0.count - 1) }
    }
}
