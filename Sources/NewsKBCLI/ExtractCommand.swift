import ArgumentParser
import NewsKBCore

/// `newskb extract`: the pipeline without a store, JSONL records on stdout.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Run the pipeline on inputs and write JSONL records to stdout, without a knowledge base.",
        discussion: "With '-' reads JSONL records (id, url, published, region, title, text or html) from stdin and streams: each input's records are written as soon as it is done. Entity records follow at the end.")

    @OptionGroup var options: PipelineOptions

    @Argument(help: "Files, folders (walked for .txt, .html, .htm, .jsonl) or '-' for JSONL on stdin.")
    var paths: [String]

    func run() throws {
        let pipeline = try options.loadPipeline()
        let reader = InputReader(defaultPublished: options.publishedDate)
        let out = LineWriter()
        var entities = EntityTally()
        var rejected = 0
        let streaming = paths == ["-"]
        let runner = ParallelRunner(pipeline: pipeline, jobs: streaming ? 1 : options.jobCount) { result in
            switch result {
            case .success(let doc):
                for line in Records.lines(for: doc) { out.write(line) }
                entities.add(doc)
            case .failure(let f):
                rejected += 1
                out.write(Records.error(source: f.source, docID: f.docID, error: f.error))
                Console.rejected(source: f.source, docID: f.docID, error: f.error)
            }
            if streaming { out.flush() }
        }
        let handle: (InputItem) -> Void = { runner.submit($0) }
        if paths == ["-"] {
            var lineNo = 0
            while let line = readLine(strippingNewline: true) {
                lineNo += 1
                if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
                handle(reader.record(Array(line.utf8), source: "stdin", line: lineNo))
            }
        } else {
            let files: [String]
            do { files = try reader.files(paths) } catch { throw CLIError(message: "\(error)", code: 2) }
            for f in files { reader.read(file: f, emit: handle) }
        }
        runner.flush()
        for line in entities.records() { out.write(line) }
        out.flush()
        if rejected > 0 { throw ExitCode(1) }
    }
}

/// Counts entity mentions and documents over the documents written.
struct EntityTally {
    private var info: [String: EntityInfo] = [:]
    private var mentions: [String: Int] = [:]
    private var documents: [String: Int] = [:]

    mutating func add(_ doc: NewsDocument) {
        for (id, e) in doc.entities {
            if var known = info[id] {
                for a in e.aliases where !known.aliases.contains(a) { known.aliases.append(a) }
                info[id] = known
            } else {
                info[id] = e
            }
            documents[id, default: 0] += 1
        }
        for m in doc.mentions { if let id = m.entityID { mentions[id, default: 0] += 1 } }
    }

    func records() -> [JSONValue] {
        info.keys.sorted().map { Records.entity(info[$0]!, mentions: mentions[$0] ?? 0, documents: documents[$0] ?? 0) }
    }
}
