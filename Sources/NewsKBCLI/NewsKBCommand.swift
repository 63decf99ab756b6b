import ArgumentParser
import NewsKBCore
import NewsKBStore

/// `newskb`: Chinese news into a knowledge base of amounts, dates, institutions and programmes.
public struct NewsKBCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "newskb",
        abstract: "Turns Chinese news (Hong Kong first) into a knowledge base of amounts, dates, institutions and programmes.",
        discussion: """
        Exit codes: 0 all inputs processed; 1 some inputs rejected in this run (see the error records; \
        'extract --allow-rejected' exits 0 then); 2 usage error; 74 an input/output or store error \
        (cannot read or write a file or the knowledge base); 75 the knowledge base is locked by another run.
        """,
        version: "0.1.0",
        subcommands: [IngestCommand.self, ExportCommand.self, ExtractCommand.self, ErrorsCommand.self, PruneCommand.self,
                      StatsCommand.self, FactsCommand.self, SearchCommand.self, EntityCommand.self, ReportCommand.self, LoadCommand.self, BenchCommand.self, KnowledgeBaseBenchCommand.self]
    )

    public init() {}
}

/// Options shared by the commands that run the pipeline.
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: "Pipeline name (looked up in pipelines/) or path to a pipeline JSON file.")
    var pipeline: String = "hk-news"

    @Option(name: .long, help: "Published date (YYYY-MM-DD) for inputs that carry none; relative dates resolve against it.")
    var published: String?

    @Option(name: .long, help: "Region (HK, CN, TW, MO…) for inputs that name none; default: the page's address, charset or wording, else the pipeline's.")
    var region: String?

    @Option(name: .long, help: "A CSV (with a header) or JSONL file of per-file facts: path (relative to it) or id, published, region, url, title.")
    var metadata: String?

    @Option(name: .long, help: "Documents processed in parallel (default: the number of cores; at most \(maxJobsPerCore) per core). Output order does not depend on it.")
    var jobs: Int?

    @Option(name: .long, help: "Largest text or HTML input: a file, a JSONL record's text or html, a WARC record (default 16 MiB).")
    var maxDocumentBytes: Int?

    @Option(name: .long, help: "Longest JSONL line, in a file or on stdin (default 64 MiB).")
    var maxLineBytes: Int?

    @Option(name: .long, help: "Largest WARC record header (default 1 MiB, and at most 1000 lines).")
    var maxWarcHeaderBytes: Int?

    @Option(name: .long, help: "Largest gzip-encoded HTTP body in a WARC record once inflated (default 16 MiB).")
    var maxDecompressedBytes: Int?

    @Option(name: .long, help: "Most mentions in one document (default 250000).")
    var maxMentions: Int?

    @Option(name: .long, help: "Most error records kept for one input file; one more says how many were left out (default 1000).")
    var maxErrorsPerFile: Int?

    /// The input bounds: ``InputLimits``' defaults, with the options given.
    var limits: InputLimits {
        var l = InputLimits()
        if let v = maxDocumentBytes { l.maxDocumentBytes = v }
        if let v = maxLineBytes { l.maxLineBytes = v }
        if let v = maxWarcHeaderBytes { l.maxWARCHeaderBytes = v }
        if let v = maxDecompressedBytes { l.maxDecompressedBytes = v }
        if let v = maxMentions { l.maxMentions = v }
        if let v = maxErrorsPerFile { l.maxErrorsPerFile = v }
        return l
    }

    /// The most jobs per core: past that, threads only add memory and contention.
    static let maxJobsPerCore = 4

    /// The jobs to run: `--jobs` capped at ``maxJobsPerCore`` per core, with a warning when capped.
    var jobCount: Int {
        let cores = defaultJobs()
        guard let j = jobs else { return cores }
        let cap = cores * Self.maxJobsPerCore
        if j > cap {
            Console.event(level: "warn", "jobs_capped", message: "--jobs \(j) is more than \(Self.maxJobsPerCore) per core on \(cores) cores; using \(cap)",
                          [("requested", String(j)), ("jobs", String(cap)), ("cores", String(cores))])
            return cap
        }
        return j
    }

    func validate() throws {
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1") }
        if let p = published, CivilDate(iso: p) == nil || p.count != 10 {
            throw ValidationError("--published must be a date as YYYY-MM-DD, not '\(p)'")
        }
        for (name, v) in [("--max-document-bytes", maxDocumentBytes), ("--max-line-bytes", maxLineBytes), ("--max-warc-header-bytes", maxWarcHeaderBytes),
                          ("--max-decompressed-bytes", maxDecompressedBytes), ("--max-mentions", maxMentions), ("--max-errors-per-file", maxErrorsPerFile)] {
            if let v, v < 1 { throw ValidationError("\(name) must be at least 1") }
        }
        if let m = metadata {
            do { _ = try InputMetadata.load(m) } catch { throw ValidationError("--metadata: \(error)") }
        }
        if let r = region, r.isEmpty || r.count > 8 || !r.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            throw ValidationError("--region must be a region code such as HK, CN or TW, not '\(r)'")
        }
    }

    var publishedDate: CivilDate? { published.flatMap(CivilDate.init(iso:)) }

    /// The reader for these options.
    var reader: InputReader {
        var r = InputReader(defaultPublished: publishedDate, limits: limits)
        r.defaultRegion = region?.uppercased()
        if let m = metadata, let loaded = try? InputMetadata.load(m) { r.metadata = loaded }
        return r
    }

    /// The per-input options as text, for the digest the ledger keeps: inputs processed
    /// under other options are processed again.
    var inputOptionsText: String {
        "published=\(published ?? "")\nregion=\(region?.uppercased() ?? "")\n" + (metadata.map { "metadata=" + (InputMetadata.digest(ofFile: $0) ?? $0) + "\n" } ?? "")
    }

    func loadPipeline() throws -> Pipeline {
        do { return try Pipeline.load(pipeline) } catch { throw CLIError(message: "\(error)", code: 2) }
    }
}

/// An error reported as one line on stderr with an exit code.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var code: Int32
    var description: String { message }
}

/// Where the knowledge base lives.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The knowledge base file (SQLite).")
    var kb: String = "newskb.sqlite"

    /// Opens the knowledge base, creating it when `create` and it is missing. `writing`
    /// commands check its integrity first, so a damaged one is refused before any write;
    /// the others open it read-only (beside a running ingest, on a read-only snapshot).
    func open(create: Bool, writing: Bool = true) throws -> KnowledgeBase {
        if !create && !FileIO.exists(kb) { throw CLIError(message: "no knowledge base at \(kb); run 'newskb ingest' first", code: 2) }
        do {
            return writing ? try KnowledgeBase(path: kb, checkIntegrity: true) : try KnowledgeBase(readingAt: kb)
        } catch {
            throw CLIError(message: "cannot open knowledge base \(kb): \(error)", code: 74)
        }
    }
}

/// How a writing command waits for another run that holds the knowledge base.
struct LockOptions: ParsableArguments {
    @Option(name: .long, help: "Seconds to wait for another run holding the knowledge base before giving up with exit code 75.")
    var lockTimeout: Double = 30
}
