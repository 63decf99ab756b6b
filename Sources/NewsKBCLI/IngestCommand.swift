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

    @Argument(help: "Files or folders (walked for .txt, .html, .htm, .jsonl).")
    var paths: [String]

    func run() throws {
        let pipeline = try options.loadPipeline()
        let reader = InputReader(defaultPublished: options.publishedDate)
        let files: [String]
        do { files = try reader.files(paths) } catch { throw CLIError(message: "\(error)", code: 2) }
        let kb: KnowledgeBase
        do { kb = try KnowledgeBase(path: store.kb) } catch { throw CLIError(message: "cannot open knowledge base \(store.kb): \(error)", code: 74) }
        let pipelineID = "\(pipeline.definition.name)@\(pipeline.definition.version)"
        var tally = IngestTally()
        for file in files {
            guard let info = FileIO.info(file) else { continue }
            if let prior = try kb.ledger(file), prior.status == "ok", prior.size == info.size, prior.mtime == info.mtime {
                tally.skippedFiles += 1
                continue
            }
            var docs = 0, failures = 0
            reader.read(file: file) { item in
                switch Runner.process(item, with: pipeline) {
                case .success(let doc):
                    do {
                        switch try kb.store(doc, pipeline: pipelineID) {
                        case .added: tally.added += 1
                        case .replaced: tally.replaced += 1
                        case .unchanged: tally.unchanged += 1
                        }
                        docs += 1
                    } catch {
                        failures += 1
                        tally.rejected += 1
                        Console.error("\(doc.source): cannot store \(doc.id): \(error)")
                    }
                case .failure(let f):
                    failures += 1
                    tally.rejected += 1
                    Console.error("\(f.source): \(f.error)")
                    try? kb.recordError(source: f.source, docID: f.docID, error: f.error)
                }
            }
            let status = failures == 0 ? "ok" : (docs > 0 ? "partial" : "error")
            let sha = FileIO.readAll(file).map(SHA256.hex) ?? ""
            try kb.recordLedger(.init(source: file, size: info.size, mtime: info.mtime, sha256: sha, status: status, documents: docs))
        }
        try kb.pruneEntities()
        Console.error("ingested \(files.count) files into \(store.kb): \(tally.summary)")
        if tally.rejected > 0 { throw ExitCode(1) }
    }
}

struct IngestTally {
    var added = 0, replaced = 0, unchanged = 0, rejected = 0, skippedFiles = 0
    var summary: String {
        "\(added) added, \(replaced) replaced, \(unchanged) unchanged, \(rejected) rejected, \(skippedFiles) files skipped as already ingested"
    }
}
