import ArgumentParser
import NewsKBCore
#if canImport(Glibc)
import Glibc
#endif

/// `newskb bench`: per-stage throughput of the pipeline on real inputs, beside bare ICU word break.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure each stage's throughput on inputs (one core) and compare with bare ICU word break on the same text.",
        discussion: "Prints a table of chars/s, docs/s and MB/s per stage and end to end, the peak resident memory, and the ratio to ICU word break. Speed is measured here, never in unit tests; build with -c release first.")

    @OptionGroup var options: PipelineOptions

    @Argument(help: "Files or folders to measure.")
    var paths: [String]

    func run() throws {
        let pipeline = try options.loadPipeline()
        let reader = options.reader
        let listing = reader.files(paths)
        if let missing = listing.missing.first { throw CLIError(message: missing.message, code: 2) }
        let files = listing.files
        let timings = StageTimings()
        var docs = 0, chars = 0, inputBytes = 0, failures = 0
        var texts: [[Unicode.Scalar]] = []
        var serializeNs: UInt64 = 0
        var readNs: UInt64 = 0
        var out: [UInt8] = []
        let wall0 = MonotonicClock.now()
        for f in files {
            var t0 = MonotonicClock.now()
            reader.read(file: f) { item in
                let parsed = item.parsed   // JSONL records are parsed on the workers; count it as reading here
                readNs += MonotonicClock.now() - t0
                guard case .document(var doc) = parsed else { failures += 1; t0 = MonotonicClock.now(); return }
                inputBytes += doc.payload.count
                do {
                    try pipeline.run(&doc, timings: timings)
                    docs += 1
                    chars += doc.scalars.count
                    texts.append(doc.scalars)
                    let s0 = MonotonicClock.now()
                    Records.write(doc, to: &out)
                    out.removeAll(keepingCapacity: true)
                    serializeNs += MonotonicClock.now() - s0
                } catch {
                    failures += 1
                }
                t0 = MonotonicClock.now()
            }
        }
        let wallNs = MonotonicClock.now() - wall0
        // Bare ICU word break over the same clean texts: the fastest of three passes, so the
        // floor is not flattered by a slow moment of a shared machine.
        var icuNs = UInt64.max
        var words = 0
        for _ in 0..<3 {
            let icu0 = MonotonicClock.now()
            words = 0
            for t in texts { words += ICU.boundaries(t[...], sentence: false).bounds.count }
            icuNs = min(icuNs, MonotonicClock.now() - icu0)
        }

        func row(_ name: String, _ ns: UInt64) -> String {
            let s = Double(max(ns, 1)) / 1e9
            return pad(name, 24) + pad(fmt(Double(chars) / s), 14) + pad(fmt(Double(docs) / s), 12) + pad(String(format1(Double(inputBytes) / 1e6 / s)), 10)
                + pad(String(format1(Double(ns) / 1e6)), 12)
        }
        print("documents \(docs) (\(failures) rejected), \(chars) characters of clean text, \(String(format1(Double(inputBytes) / 1e6))) MB of input, one core")
        print(pad("stage", 24) + pad("chars/s", 14) + pad("docs/s", 12) + pad("MB/s", 10) + pad("ms", 12))
        print(row("read", readNs))
        for (i, name) in timings.names.enumerated() { print(row(name, timings.nanoseconds[i])) }
        print(row("serialize JSONL", serializeNs))
        print(row("end to end", wallNs))
        print(row("bare ICU word break", icuNs) + "(fastest of 3 passes)")
        let ratio = Double(wallNs) / Double(max(icuNs, 1))
        print("end to end here (timed stage by stage, every text kept in memory) is \(format1(ratio))× the time of bare ICU word break (\(words) boundaries)")
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("peak RSS \(usage.ru_maxrss / 1024) MB (this command keeps every text for the ICU comparison)")
    }

    private func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s + " " : s + String(repeating: " ", count: w - s.count) }
    private func fmt(_ v: Double) -> String {
        let i = Int(v.rounded())
        var s = String(i), out = ""
        while s.count > 3 { out = "," + s.suffix(3) + out; s = String(s.dropLast(3)) }
        return s + out
    }
    private func format1(_ v: Double) -> String {
        let t = (v * 10).rounded() / 10
        return String(t)
    }
}
