import ArgumentParser
import NewsKBCore
import NewsKBStore
#if canImport(Glibc)
import Glibc
#endif

/// `newskb errors`: the error records of the knowledge base, one a line.
struct ErrorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errors",
        abstract: "List the error records: every input that could not be processed, where it was, which stage refused it and why.",
        discussion: "Codes are stable (see the README). A file listed here and unchanged since is not read again by 'ingest' (known_bad); fix or replace it, or use --force.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, jsonl }

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "table (aligned columns) or jsonl (the export's error records); default: table at a terminal, jsonl otherwise.")
    var format: Format?

    @Option(name: .long, help: "Only errors with this code (E-INPUT, E-DECODE, E-COLLISION…).")
    var code: String?

    func run() throws {
        let rows = try store.open(create: false, writing: false).errorRows().map(\.failure).filter { code == nil || $0.code.rawValue == code }
        let out = LineWriter()
        switch format ?? (isatty(1) == 1 ? .table : .jsonl) {
        case .jsonl:
            for f in rows { out.write(Records.error(f)) }
        case .table:
            let cells = [["SOURCE", "DOC_ID", "STAGE", "CODE", "MESSAGE"]]
                + rows.map { [$0.location.description, $0.docID ?? "-", $0.stage, $0.code.rawValue, $0.message] }
            var widths = [Int](repeating: 0, count: 4)
            for row in cells { for i in 0..<4 { widths[i] = max(widths[i], row[i].count) } }
            for row in cells {
                out.write((0..<4).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }.joined(separator: "  ") + "  " + row[4])
            }
            out.write("\(rows.count) error records")
        }
        guard out.flush() else { throw ExitCode(74) }
    }
}
