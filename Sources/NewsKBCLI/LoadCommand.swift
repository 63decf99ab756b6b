import ArgumentParser
import NewsKBCore
import NewsKBStore

/// `newskb load`: merge `extract` output (e.g. Spark's JSONL parts) into one knowledge base.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Merge JSONL written by 'newskb extract' (files or folders of parts, gzipped or not) into a knowledge base.",
        discussion: "Entities from different parts merge by id, so the same institution seen on two workers is one entity. Only this process writes the SQLite file.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var lock: LockOptions
    @OptionGroup var log: LogOptions

    @Argument(help: "Part files or folders (Spark's part-* files; .jsonl and .gz as well).")
    var parts: [String]

    func run() throws {
        log.apply(runID: Console.newRunID())
        var files: [String] = []
        for p in parts {
            guard let info = FileIO.info(p) else { throw CLIError(message: "\(p): no such file or folder", code: 2) }
            files += info.isDirectory ? FileIO.walk(p).filter { let b = FileIO.baseName($0); return b.hasPrefix("part-") || b.hasSuffix(".jsonl") || b.hasSuffix(".jsonl.gz") }.map { (p.hasSuffix("/") ? p : p + "/") + $0 } : [p]
        }
        let held = try KnowledgeBaseLock(kb: store.kb, waitSeconds: lock.lockTimeout)
        defer { withExtendedLifetime(held) {} }
        let kb = try store.open(create: true)
        var total = KnowledgeBase.LoadTally()
        var badParts = 0
        for f in files {
            // Each part is one transaction: a part that cannot be read to its end (truncated,
            // corrupt gzip) is left out whole, named in an error line, and the others still load.
            do {
                var stream: ByteStream = try FileByteStream(path: f)
                if f.hasSuffix(".gz") { stream = try GzipByteStream(stream) }
                let reader = LineReader(stream, maxLineBytes: 256 << 20)
                let t = try kb.load(partLines: {
                    while let l = try reader.next() { if case .line(let b) = l { return b } }
                    return nil
                }, pipeline: "loaded")
                total.documents += t.documents; total.replaced += t.replaced; total.unchanged += t.unchanged
                total.entities += t.entities; total.errors += t.errors; total.badLines += t.badLines
            } catch let e as NewsKBError {
                badParts += 1
                Console.event(level: "error", "part_rejected", message: "\(f): \(e); this part was not loaded", [("part", f), ("code", e.code.rawValue), ("error", e.message)])
            } catch {
                throw CLIError(message: "knowledge base \(store.kb): \(error) (while loading \(f))", code: 74)
            }
        }
        try kb.pruneEntities(recount: true)
        Console.event(level: "info", "summary",
                      message: "loaded \(files.count) parts into \(store.kb): \(total.documents) documents (\(total.replaced) replacing older ones, \(total.unchanged) unchanged), \(total.errors) error records, \(total.badLines) unreadable lines",
                      [("kb", store.kb), ("parts", String(files.count)), ("documents", String(total.documents)), ("replaced", String(total.replaced)),
                       ("unchanged", String(total.unchanged)), ("errors", String(total.errors)), ("bad_lines", String(total.badLines)),
                       ("bad_parts", String(badParts))])
        if total.badLines > 0 || badParts > 0 { throw ExitCode(1) }
    }
}
