import ArgumentParser
import NewsKBCore
import NewsKBStore

/// `newskb ingest`: run the pipeline on inputs and store the results in the knowledge base.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Run the pipeline on files or folders and store documents, mentions, entities and relations in the knowledge base.",
        discussion: "Unchanged files (same size, time and content) are skipped; a changed document replaces its old facts. Inputs that fail get an error record and the run goes on; the exit code is then 1.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var options: PipelineOptions
    @OptionGroup var lock: LockOptions

    @Argument(help: "Files or folders (walked for .txt, .html, .htm, .jsonl, .warc, each maybe .gz).")
    var paths: [String]

    func run() throws {
        let pipeline = try options.loadPipeline()
        var (reader, files) = try options.inputs(paths)
        reader.hashesFiles = true   // the ledger records each file's digest
        let held = try KnowledgeBaseLock(kb: store.kb, waitSeconds: lock.lockTimeout)
        defer { withExtendedLifetime(held) {} }
        let kb = try store.open(create: true)
        let progress = Progress(totalFiles: files.count)
        let pipelineID = "\(pipeline.definition.name)@\(pipeline.definition.version)"
        var tally = IngestTally()
        var perFile: [String: (docs: Int, failures: Int)] = [:]
        let inputFiles = Set(files)
        // Storing runs on a writer thread of its own; `stored` belongs to it until `finish()`.
        let stored = StoreTally()
        let writer = BackgroundWriter<StoreJob>(capacity: 2) { job in
            switch job {
            case .documents(let batch):
                do {
                    for outcome in try kb.store(batch: batch, pipeline: pipelineID) {
                        switch outcome {
                        case .added: stored.added += 1
                        case .replaced: stored.replaced += 1
                        case .unchanged: stored.unchanged += 1
                        }
                    }
                } catch {
                    for (d, _) in batch { stored.failuresByFile[d.source, default: 0] += 1 }
                    stored.failed += batch.count
                    Console.error("cannot store \(batch.count) documents: \(error)")
                }
            case .error(let source, let docID, let error):
                try? kb.recordError(source: source, docID: docID, error: error)
            }
        }
        var batch: [(NewsDocument, Records.Serialized)] = []
        func writeBatch() {
            guard !batch.isEmpty else { return }
            writer.submit(.documents(batch))
            batch.removeAll(keepingCapacity: true)
        }
        let runner = ParallelRunner<Records.Serialized>(pipeline: pipeline, jobs: options.jobCount, prepare: { Records.serialize($0) }) { result, prepared in
            switch result {
            case .success(let doc):
                progress.document()
                perFile[doc.source, default: (0, 0)].docs += 1
                batch.append((doc, prepared ?? Records.serialize(doc)))
                if batch.count >= 64 { writeBatch() }
            case .failure(let f):
                let file = inputFiles.contains(f.source) ? f.source : Self.fileOf(f.source)
                perFile[file, default: (0, 0)].failures += 1
                tally.rejected += 1
                Console.rejected(source: f.source, docID: f.docID, error: f.error)
                writer.submit(.error(source: f.source, docID: f.docID, error: f.error))
            }
        }
        var todo: [(String, FileIO.Info)] = []
        var digests: [String: String] = [:]
        let ledger = try kb.ledgerEntries()
        for file in files {
            guard let info = FileIO.info(file) else { continue }
            if let prior = ledger[file], prior.status == "ok", prior.size == info.size, prior.mtime == info.mtime {
                tally.skippedFiles += 1
                continue
            }
            todo.append((file, info))
            digests[file] = reader.read(file: file, emit: runner.submit)
            progress.file()
        }
        runner.flush()
        writeBatch()
        writer.finish()
        progress.finish()
        tally.added = stored.added
        tally.replaced = stored.replaced
        tally.unchanged = stored.unchanged
        tally.rejected += stored.failed
        for (file, n) in stored.failuresByFile { perFile[file, default: (0, 0)].failures += n }
        // The ledger records each file once its documents are stored.
        try kb.recordLedger(todo.map { file, info in
            let counts = perFile[file] ?? (0, 0)
            let status = counts.failures == 0 ? "ok" : (counts.docs > 0 ? "partial" : "error")
            return .init(source: file, size: info.size, mtime: info.mtime, sha256: digests[file] ?? "", status: status, documents: counts.docs)
        })
        try kb.pruneEntities()
        if Console.stderrIsTerminal {
            Console.error("ingested \(files.count) files into \(store.kb): \(tally.summary)")
        } else {
            Console.log(level: "info", ["event": "summary", "kb": store.kb, "files": String(files.count), "added": String(tally.added),
                                        "replaced": String(tally.replaced), "unchanged": String(tally.unchanged),
                                        "rejected": String(tally.rejected), "skipped_files": String(tally.skippedFiles)])
        }
        if tally.rejected > 0 { throw ExitCode(1) }
    }
}

extension IngestCommand {
    /// The file an error source names (`feed.jsonl:12` → `feed.jsonl`, `crawl.warc#3` → `crawl.warc`).
    static func fileOf(_ source: String) -> String {
        if let i = source.lastIndex(where: { $0 == ":" || $0 == "#" }), source[source.index(after: i)...].allSatisfy(\.isNumber) {
            return String(source[..<i])
        }
        return source
    }
}

/// One unit of work for the writer thread.
enum StoreJob {
    case documents([(NewsDocument, Records.Serialized)])
    case error(source: String, docID: String?, error: String)
}

/// What the writer thread stored; read only after it has finished.
final class StoreTally: @unchecked Sendable {
    var added = 0, replaced = 0, unchanged = 0, failed = 0
    var failuresByFile: [String: Int] = [:]
}

struct IngestTally {
    var added = 0, replaced = 0, unchanged = 0, rejected = 0, skippedFiles = 0
    var summary: String {
        "\(added) added, \(replaced) replaced, \(unchanged) unchanged, \(rejected) rejected, \(skippedFiles) files skipped as already ingested"
    }
}
