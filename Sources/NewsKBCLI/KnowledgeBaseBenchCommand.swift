import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import NewsKBCore
import NewsKBStore

/// `newskb bench-kb`: how fast a knowledge base answers, in this process (no start-up cost):
/// search latency over queries, the funding facts, and the report.
struct KnowledgeBaseBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-kb",
        abstract: "Measure a knowledge base: search p50/p95 over queries, facts and report times, file size.",
        discussion: "Speed is measured here (make bench runs it on a knowledge base of 100,000 generated articles), never in unit tests.")

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "A search query (repeat the option for more); default: ten queries of the kinds analysts ask.")
    var query: [String] = []

    @Option(name: .long, help: "How many times each query runs.")
    var repeats: Int = 20

    @Option(name: .long, help: "Where the report is written (a temporary folder by default, removed after).")
    var reportOutput: String?

    static let defaultQueries = ["半导体", "創新科技署", "InnoHK", "撥款 大學", "數碼港", "新型工業", "科技園 初創", "醫務衞生局", "金融管理局 債券", "人工智能"]

    func run() throws {
        let kb = try store.open(create: false, writing: false)
        let queries = query.isEmpty ? Self.defaultQueries : query
        var all: [Double] = []
        print("search, \(repeats) runs of each query (ms): query  p50  p95  hits")
        for q in queries {
            var times: [Double] = []
            var hits = 0
            for _ in 0..<max(1, repeats) {
                let t0 = MonotonicClock.now()
                hits = try kb.search(q.split(separator: " ").map(String.init), limit: 20).count
                times.append(Double(MonotonicClock.now() - t0) / 1e6)
            }
            all += times
            print("  \(q)  \(Self.ms(Self.percentile(times, 0.5)))  \(Self.ms(Self.percentile(times, 0.95)))  \(hits)")
        }
        print("search over all queries: p50 \(Self.ms(Self.percentile(all, 0.5))) ms, p95 \(Self.ms(Self.percentile(all, 0.95))) ms, max \(Self.ms(all.max() ?? 0)) ms")
        var t0 = MonotonicClock.now()
        let linked = try kb.fundingFacts()
        let linkedMs = Double(MonotonicClock.now() - t0) / 1e6
        t0 = MonotonicClock.now()
        var records = 0
        try kb.forEachFactRecord { _ in records += 1 }
        let recordsMs = Double(MonotonicClock.now() - t0) / 1e6
        print("facts: \(records) per document in \(Self.ms(recordsMs)) ms; \(linked.count) linked across documents (--linked) in \(Self.ms(linkedMs)) ms")
        let out = reportOutput ?? (FileIO.environment("TMPDIR") ?? "/tmp") + "/newskb-bench-report-\(getpid())"
        t0 = MonotonicClock.now()
        var report = try ReportCommand.parse(["--kb", store.kb, "--output", out])
        try report.run()
        let reportMs = Double(MonotonicClock.now() - t0) / 1e6
        let pages = (try? FileManager.default.subpathsOfDirectory(atPath: out).filter { $0.hasSuffix(".html") }.count) ?? 0
        if reportOutput == nil { try? FileManager.default.removeItem(atPath: out) }
        print("report: \(pages) pages in \(Self.ms(reportMs / 1000)) s")
        let size = (FileIO.info(store.kb)?.size ?? 0) + (FileIO.info(store.kb + "-wal")?.size ?? 0)
        print("knowledge base file: \(size / 1_000_000) MB")
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("peak RSS of these queries and the report: \(usage.ru_maxrss / 1024) MB")
    }

    static func percentile(_ v: [Double], _ p: Double) -> Double {
        guard !v.isEmpty else { return 0 }
        let s = v.sorted()
        return s[min(s.count - 1, Int((Double(s.count - 1) * p).rounded()))]
    }

    static func ms(_ v: Double) -> String { String(format: "%.1f", v) }
}
