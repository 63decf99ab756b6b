import ArgumentParser
import NewsKBCore

/// `newskb extract`: the pipeline without a store, JSONL records on stdout.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Run the pipeline on inputs and write JSONL records to stdout, without a knowledge base.",
        discussion: "With '-' reads JSONL records (id, url, published, region, title, text or html) from stdin and streams: each input's records are written as soon as it is done. Entity records follow at the end.")

    @OptionGroup var options: PipelineOptions

    @Flag(name: .long, help: "Read input paths from stdin, one a line (the form a Spark job pipes a manifest through).")
    var pathsFromStdin = false

    @Argument(help: "Files, folders (walked for .txt, .html, .htm, .jsonl, .warc, each maybe .gz) or '-' for JSONL on stdin.")
    var paths: [String] = []

    func validate() throws {
        if pathsFromStdin && !paths.isEmpty { throw ValidationError("--paths-from-stdin takes no path arguments") }
        if !pathsFromStdin && paths.isEmpty { throw ValidationError("name at least one input, or '-' for JSONL records on stdin") }
    }

    func run() throws {
        let pipeline = try options.loadPipeline()
        let reader = InputReader(defaultPublished: options.publishedDate)
        let out = LineWriter()
        var entities = EntityTally()
        var rejected = 0
        let streaming = paths == ["-"] || pathsFromStdin
        let runner = ParallelRunner<[UInt8]>(pipeline: pipeline, jobs: streaming ? 1 : options.jobCount, prepare: { doc in
            var bytes: [UInt8] = []
            Records.write(doc, to: &bytes)
            return bytes
        }) { result, bytes in
            switch result {
            case .success(let doc):
                out.write(bytes: bytes ?? [])
                entities.add(doc)
            case .failure(let f):
                rejected += 1
                out.write(Records.error(source: f.source, docID: f.docID, error: f.error))
                Console.rejected(source: f.source, docID: f.docID, error: f.error)
            }
            if streaming { out.flush() }
        }
        let handle: (InputItem) -> Void = { runner.submit($0) }
        if pathsFromStdin {
            while let line = readLine(strippingNewline: true) {
                let path = String(line.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
                if path.isEmpty { continue }
                guard FileIO.info(path) != nil else {
                    handle(.failure(source: path, docID: nil, error: "E-INPUT: no such file"))
                    continue
                }
                reader.read(file: path, emit: handle)
            }
        } else if paths == ["-"] {
            var lineNo = 0
            while let line = readLine(strippingNewline: true) {
                lineNo += 1
                if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { continue }
                handle(reader.record(Array(line.utf8), source: "stdin", line: nil))
            }
        } else {
            let files = try options.inputs(paths).1
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
    /// Every name an entity was seen under, its chosen name included.
    private var names: [String: Set<String>] = [:]
    private var mentions: [String: Int] = [:]
    private var documents: [String: Int] = [:]

    mutating func add(_ doc: NewsDocument) {
        for (id, e) in doc.entities {
            if var known = info[id] {
                // The same rules as the store: all names kept, a rule entity named by the smallest.
                names[id, default: []].insert(e.name)
                names[id, default: []].formUnion(e.aliases)
                if EntityResolver.isRuleEntityID(id) {
                    known.name = Self.smaller(known.name, e.name)
                    if let a = known.nameHans, let b = e.nameHans { known.nameHans = Self.smaller(a, b) }
                    info[id] = known
                }
            } else {
                info[id] = e
                names[id] = Set(e.aliases + [e.name])
            }
            documents[id, default: 0] += 1
        }
        for m in doc.mentions { if let id = m.entityID { mentions[id, default: 0] += 1 } }
    }

    /// The smaller of two names in UTF-8 byte order (SQLite's `min` on text).
    static func smaller(_ a: String, _ b: String) -> String {
        Array(b.utf8).lexicographicallyPrecedes(Array(a.utf8)) ? b : a
    }

    func records() -> [JSONValue] {
        info.keys.sorted().map { id in
            var e = info[id]!
            e.aliases = Array(names[id, default: []].subtracting([e.name]))
            return Records.entity(e, mentions: mentions[id] ?? 0, documents: documents[id] ?? 0)
        }
    }
}
