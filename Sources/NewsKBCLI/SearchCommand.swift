import ArgumentParser
import NewsKBCore
import NewsKBStore
#if canImport(Glibc)
import Glibc
#endif

/// `newskb search`: full-text search of titles and texts, in either script.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find the documents whose title or text holds every term, in Traditional or Simplified script, best first.",
        discussion: """
            Each term is matched as written, character by character (半导体 finds 半導體; 創科 finds \
            創科 wherever it stands); give several terms to require them all. Ranked by BM25, titles \
            first. --entity keeps only documents that mention an entity (an id, a name or an alias).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, jsonl }

    @OptionGroup var store: StoreOptions

    @Argument(help: "The terms; a document must hold every one.")
    var terms: [String]

    @Option(name: .long, help: "Only documents published on or after this date (YYYY-MM-DD).")
    var since: String?

    @Option(name: .long, help: "Only documents published on or before this date (YYYY-MM-DD).")
    var until: String?

    @Option(name: .long, help: "Only documents of this region (HK, CN, TW…).")
    var region: String?

    @Option(name: .long, help: "Only documents that mention this entity (id, name or alias, either script).")
    var entity: String?

    @Option(name: .long, help: "At most this many documents.")
    var limit: Int = 20

    @Option(name: .long, help: "table, csv (with a header) or jsonl; default: table at a terminal, jsonl otherwise.")
    var format: Format?

    func validate() throws {
        try requireDates(since, until)
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let (hits, ranking) = try store.open(create: false, writing: false).searchRanked(terms, since: since, until: until, region: region, entity: entity, limit: limit)
        let out = LineWriter()
        switch format ?? (isatty(1) == 1 ? .table : .jsonl) {
        case .jsonl:
            for h in hits {
                out.write(JSONValue.object([
                    "doc_id": .string(h.docID), "title": h.title.map { .string($0) } ?? .null, "published": h.published.map { .string($0) } ?? .null,
                    "region": h.region.map { .string($0) } ?? .null, "url": h.url.map { .string($0) } ?? .null,
                    "score": .string(String(format3(h.score))), "snippet": .string(h.snippet)]))
            }
        case .csv:
            out.write("doc_id,title,published,score,snippet")
            for h in hits { out.write([h.docID, h.title ?? "", h.published ?? "", format3(h.score), h.snippet].map(Self.csv).joined(separator: ",")) }
        case .table:
            for h in hits {
                out.write("\(h.published ?? "(undated)")  \(h.docID)  \(h.title ?? "")  [\(format3(h.score))]")
                out.write("    \(h.snippet)")
            }
            out.write("\(hits.count) document\(hits.count == 1 ? "" : "s")"
                      + (ranking == .newest ? " (more than \(KnowledgeBase.rankedMatches) match: the newest \(KnowledgeBase.rankedMatches) were ranked; narrow with --since, --until, --region or --entity)" : ""))
        }
        guard out.flush() else { throw ExitCode(74) }
    }

    /// A score with three decimals (BM25 is negative: lower is better).
    func format3(_ d: Double) -> String {
        let scaled = (d * 1000).rounded() / 1000
        return "\(scaled)"
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func csv(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
