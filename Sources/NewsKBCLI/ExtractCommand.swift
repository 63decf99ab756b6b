import ArgumentParser
import NewsKBCore

/// `newskb extract`: the pipeline without a store, JSONL records on stdout.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Run the pipeline on inputs and write JSONL records to stdout, without a knowledge base.",
        discussion: """
        With '-' reads JSONL records (id, url, published, region, title, text or html) from stdin and streams: each \
        input's records are written as soon as it is done. Entity records follow at the end. An input that cannot be \
        processed is an error record in the output (and a log line); the exit code is then 1, or 0 with \
        --allow-rejected (the mode a Spark job runs in: only a real failure, such as an unwritable output, fails it).
        """)

    @OptionGroup var options: PipelineOptions
    @OptionGroup var log: LogOptions

    @Flag(name: .long, help: "Read input paths from stdin, one a line (the form a Spark job pipes a manifest through).")
    var pathsFromStdin = false

    @Option(name: .long, help: "With --paths-from-stdin: name documents by their path below this folder, as if it had been given.")
    var root: String?

    @Flag(name: .long, help: "Exit 0 when the only problems were rejected inputs (each is an error record in the output).")
    var allowRejected = false

    @Argument(help: "Files, folders (walked for .txt, .html, .htm, .jsonl, .warc, each maybe .gz) or '-' for JSONL on stdin.")
    var paths: [String] = []

    func validate() throws {
        if pathsFromStdin && !paths.isEmpty { throw ValidationError("--paths-from-stdin takes no path arguments") }
        if !pathsFromStdin && paths.isEmpty { throw ValidationError("name at least one input, or '-' for JSONL records on stdin") }
        if root != nil && !pathsFromStdin { throw ValidationError("--root goes with --paths-from-stdin") }
    }

    func run() throws {
        log.apply(runID: Console.newRunID())
        let pipeline = try options.loadPipeline()
        let reader = options.reader
        let out = LineWriter()
        var entities = EntityTally()
        var rejected = 0
        var unresolved = 0
        var firstSeen: [String: InputLocation] = [:]
        let streaming = paths == ["-"] || pathsFromStdin
        var errorCap = ErrorCap(limit: options.limits.maxErrorsPerFile)
        func reject(_ f: InputFailure) {
            rejected += 1
            for e in errorCap.admit(f) {
                out.write(Records.error(e))
                Console.rejected(e)
            }
        }
        let runner = ParallelRunner<[UInt8]>(pipeline: pipeline, jobs: streaming ? 1 : options.jobCount, maxMentions: options.limits.maxMentions, prepare: { doc in
            var bytes: [UInt8] = []
            Records.write(doc, to: &bytes)
            return bytes
        }) { result, bytes in
            switch result {
            case .success(let doc):
                if let first = firstSeen[doc.id], first != doc.location {
                    reject(InputFailure(doc.location, docID: doc.id, stage: "extract", code: .collision,
                                        "document id '\(doc.id)' is already taken by \(first); this input was not written"))
                } else {
                    firstSeen[doc.id] = doc.location
                    out.write(bytes: bytes ?? [])
                    entities.add(doc)
                    unresolved += doc.unresolvedDates
                }
            case .failure(let f):
                reject(f)
            }
            if streaming { out.flush() }
        }
        let handle: (InputItem) -> Void = { runner.submit($0) }
        let stdin = StdinLines(maxLineBytes: options.limits.maxLineBytes)
        if pathsFromStdin {
            while let path = stdin.nextPath() {
                let listing = reader.files(manifest: [path], root: root)
                for f in listing.missing { handle(.failure(f)) }
                for f in listing.files { reader.read(file: f, emit: handle) }
            }
        } else if paths == ["-"] {
            stdin.forEachRecord(reader, maxLineBytes: options.limits.maxLineBytes, emit: handle)
        } else {
            let listing = reader.files(paths)
            for f in listing.missing { handle(.failure(f)) }
            for f in listing.files { reader.read(file: f, emit: handle) }
        }
        runner.flush()
        for e in errorCap.finish() { out.write(Records.error(e)); Console.rejected(e) }
        for line in entities.records() { out.write(line) }
        guard out.flush() else {
            Console.error("cannot write the output: \(out.failure ?? "write failed")")
            throw ExitCode(74)
        }
        if unresolved > 0 { Console.unresolvedDates(unresolved) }
        if rejected > 0 && !allowRejected { throw ExitCode(1) }
    }
}

/// Counts entity mentions and documents over the documents written; sightings of one
/// entity merge as the store merges them (``EntityInfo/merged(with:)``).
struct EntityTally {
    private var info: [String: EntityInfo] = [:]
    private var mentions: [String: Int] = [:]
    private var documents: [String: Int] = [:]

    mutating func add(_ doc: NewsDocument) {
        for (id, e) in doc.entities { info[id] = info[id].map { $0.merged(with: e) } ?? e }
        var mentioned = Set<String>()
        for m in doc.mentions {
            if let id = m.entityID {
                mentions[id, default: 0] += 1
                mentioned.insert(id)
            }
        }
        // An entity a relation names without a mention (a lexicon parent) counts no document.
        for id in mentioned { documents[id, default: 0] += 1 }
    }

    func records() -> [JSONValue] {
        info.keys.sorted().map { id in
            var e = info[id]!
            e.aliases = Array(Set(e.aliases + [e.name]).subtracting([e.name]))
            return Records.entity(e, mentions: mentions[id] ?? 0, documents: documents[id] ?? 0)
        }
    }
}
