import ArgumentParser
import NewsKBCore
#if canImport(Glibc)
import Glibc
#endif

/// How log lines are written on stderr.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    /// Readable lines and a progress bar at a terminal; `kv` otherwise.
    case auto
    /// `ts=… level=… run=… event=… key=value` lines.
    case kv
    /// One JSON object a line.
    case json
}

/// Options of the commands that log (`ingest`, `extract`, `load`, `prune`).
struct LogOptions: ParsableArguments {
    @Option(name: .long, help: "Log lines: auto (readable at a terminal, kv otherwise), kv or json.")
    var logFormat: LogFormat = .auto

    @Flag(name: [.short, .long], help: "Only warnings and errors: no progress bar, no summary.")
    var quiet = false

    /// Sets up ``Console`` for this run.
    func apply(runID: String) {
        Console.format = logFormat == .auto ? (Console.stderrIsTerminal ? .text : .kv) : (logFormat == .json ? .json : .kv)
        Console.quiet = quiet
        Console.runID = runID
    }
}

/// Lines on stderr: readable text at a terminal, structured lines (`ts`, `level`, `run`,
/// `event`, then fields) under cron. Every line clears a progress bar first.
enum Console {
    enum Style { case text, kv, json }
    nonisolated(unsafe) static var format: Style = stderrIsTerminal ? .text : .kv
    nonisolated(unsafe) static var quiet = false
    nonisolated(unsafe) static var runID: String?
    /// The bar on screen, cleared before any line is written.
    nonisolated(unsafe) static var progress: Progress?

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// A message for the person at the terminal (or an `error` event line under cron).
    static func error(_ message: String) {
        event(level: "error", "message", message: message, [])
    }

    /// One log line: `message` is what a person reads at a terminal; `fields` are the
    /// structured line's keys after `event`, in order.
    static func event(level: String, _ event: String, message: String, _ fields: [(String, String)]) {
        if quiet && level == "info" { return }
        var line: String
        switch format {
        case .text:
            line = "newskb: " + message
        case .kv:
            line = "ts=\(timestamp()) level=\(level)"
            if let r = runID { line += " run=\(r)" }
            line += " event=\(event)"
            for (k, v) in fields { line += " \(k)=" + kvQuoted(v) }
            if fields.isEmpty && event == "message" { line += " message=" + kvQuoted(message) }
        case .json:
            var o: [String: JSONValue] = ["ts": .string(timestamp()), "level": .string(level), "event": .string(event)]
            if let r = runID { o["run"] = .string(r) }
            for (k, v) in fields { o[k] = .string(v) }
            if fields.isEmpty && event == "message" { o["message"] = .string(message) }
            line = JSONValue.object(o).serialized()
        }
        write(line + "\n")
    }

    /// A rejected input: its location, document, stage, code and message.
    static func rejected(_ f: InputFailure) {
        event(level: "error", "rejected", message: "\(f.location): \(f.description)",
              [("source", f.location.description), ("doc_id", f.docID ?? ""), ("stage", f.stage), ("code", f.code.rawValue), ("error", f.message)])
    }

    /// Relative dates (今年, 上月) that got no value because their documents had no published date.
    static func unresolvedDates(_ n: Int) {
        event(level: "warn", "unresolved_dates",
              message: "\(n) relative date\(n == 1 ? "" : "s") (今年, 上月 …) left without a value: their documents carry no published date; pass --published, or --metadata with a date per file",
              [("unresolved_dates", String(n))])
    }

    /// A value for a `key=value` line: quoted when it holds a space, quote, `=` or is empty;
    /// control characters escaped, so a file name with a newline cannot forge a line.
    static func kvQuoted(_ v: String) -> String {
        var needs = v.isEmpty
        var out = ""
        for u in v.unicodeScalars {
            switch u {
            case "\"": out += "\\\""; needs = true
            case "\\": out += "\\\\"; needs = true
            case "\n": out += "\\n"; needs = true
            case "\r": out += "\\r"; needs = true
            case "\t": out += "\\t"; needs = true
            case " ", "=": out.unicodeScalars.append(u); needs = true
            default:
                if u.value < 0x20 || u.value == 0x7F { out += "\\u{\(String(u.value, radix: 16))}"; needs = true } else { out.unicodeScalars.append(u) }
            }
        }
        return needs ? "\"" + out + "\"" : out
    }

    static func write(_ s: String) {
        progress?.clear()
        _ = s.utf8CString.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress, $0.count - 1) }
    }

    /// Now as RFC 3339 in UTC with milliseconds: `2026-12-01T21:22:36.123Z`.
    static func timestamp() -> String {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        var t = ts.tv_sec
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let ms = Int(ts.tv_nsec / 1_000_000)
        let msText = ms < 10 ? "00\(ms)" : ms < 100 ? "0\(ms)" : "\(ms)"
        return "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec)).\(msText)Z"
    }

    /// A run id: the start time and the process id (`20261201T212236Z-4711`).
    static func newRunID() -> String {
        let t = timestamp()
        let compact = t.prefix(19).filter { $0 != "-" && $0 != ":" }
        return "\(compact)Z-\(getpid())"
    }
}
