#if canImport(Glibc)
import Glibc
#endif
import NewsKBCore

/// A progress bar at a terminal: files, documents, docs/s and an ETA from the bytes read
/// of the bytes to read (so one big JSONL file still gets a real ETA). Off a terminal, or
/// with `--quiet`, it draws nothing. Any log line clears it first (``Console/write(_:)``).
final class Progress {
    let totalFiles: Int
    let totalBytes: Int64
    let interactive: Bool
    /// The bytes the reader has read so far.
    let bytes: ByteCounter
    private var files = 0
    private var docs = 0
    private let start = MonotonicClock.now()
    private var lastDraw: UInt64 = 0
    private var drawn = false

    init(totalFiles: Int, totalBytes: Int64, bytes: ByteCounter, interactive: Bool = Console.stderrIsTerminal && Console.format == .text && !Console.quiet) {
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
        self.bytes = bytes
        self.interactive = interactive
        if interactive { Console.progress = self }
    }

    func document() { docs += 1; draw() }

    func file() { files += 1; draw() }

    /// Clears the bar (before a log line); the next tick draws it again.
    func clear() {
        guard drawn else { return }
        raw("\r\u{1B}[K")
        drawn = false
        lastDraw = 0
    }

    private func raw(_ s: String) {
        _ = s.utf8CString.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress, $0.count - 1) }
    }

    /// The bar's text (without the carriage return), from the counts so far.
    static func line(files: Int, totalFiles: Int, docs: Int, bytes: Int64, totalBytes: Int64, seconds: Double) -> String {
        let rate = seconds > 0 ? Double(docs) / seconds : 0
        let fraction = totalBytes > 0 ? min(1, Double(bytes) / Double(totalBytes)) : 0
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        var eta = "ETA --"
        if fraction > 0.001 {
            let left = Int(seconds / fraction - seconds)
            eta = "ETA \(left / 60)m\(left % 60)s"
        }
        return "[\(bar)] \(Int(fraction * 100))% \(files)/\(totalFiles) files, \(docs) docs, \(Int(rate)) docs/s, \(eta)"
    }

    private func draw(force: Bool = false) {
        guard interactive else { return }
        let now = MonotonicClock.now()
        if !force && now - lastDraw < 200_000_000 { return }
        lastDraw = now
        let text = Self.line(files: files, totalFiles: totalFiles, docs: docs, bytes: bytes.bytes, totalBytes: totalBytes,
                             seconds: Double(now - start) / 1e9)
        raw("\r" + text + "\u{1B}[K")
        drawn = true
    }

    func finish() {
        guard interactive else { return }
        clear()
        if Console.progress === self { Console.progress = nil }
    }
}
