import ArgumentParser
import NewsKBCore
import NewsKBStore

/// `newskb`: Chinese news into a knowledge base of amounts, dates, institutions and programmes.
public struct NewsKBCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "newskb",
        abstract: "Turns Chinese news (Hong Kong first) into a knowledge base of amounts, dates, institutions and programmes.",
        discussion: """
        Exit codes: 0 all inputs processed; 1 some inputs rejected (see the error records); 2 usage error; \
        74 an input/output error (cannot read or write a file); 75 the knowledge base is locked by another run.
        """,
        version: "0.1.0",
        subcommands: [IngestCommand.self, ExportCommand.self, ExtractCommand.self, StatsCommand.self, LoadCommand.self, BenchCommand.self]
    )

    public init() {}
}

/// Options shared by the commands that run the pipeline.
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: "Pipeline name (looked up in pipelines/) or path to a pipeline JSON file.")
    var pipeline: String = "hk-news"

    @Option(name: .long, help: "Published date (YYYY-MM-DD) for inputs that carry none; relative dates resolve against it.")
    var published: String?

    @Option(name: .long, help: "Documents processed in parallel (default: the number of cores). Output order does not depend on it.")
    var jobs: Int?

    var jobCount: Int { jobs ?? defaultJobs() }

    func validate() throws {
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1") }
        if let p = published, CivilDate(iso: p) == nil || p.count != 10 {
            throw ValidationError("--published must be a date as YYYY-MM-DD, not '\(p)'")
        }
    }

    var publishedDate: CivilDate? { published.flatMap(CivilDate.init(iso:)) }

    /// The reader for these options, and the input files `paths` name (a usage error when one is missing).
    func inputs(_ paths: [String]) throws -> (InputReader, [String]) {
        let reader = InputReader(defaultPublished: publishedDate)
        do { return (reader, try reader.files(paths)) } catch { throw CLIError(message: "\(error)", code: 2) }
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

    /// Opens the knowledge base, creating it when `create` and it is missing.
    func open(create: Bool) throws -> KnowledgeBase {
        if !create && !FileIO.exists(kb) { throw CLIError(message: "no knowledge base at \(kb); run 'newskb ingest' first", code: 2) }
        do { return try KnowledgeBase(path: kb) } catch { throw CLIError(message: "cannot open knowledge base \(kb): \(error)", code: 74) }
    }
}

/// How a writing command waits for another run that holds the knowledge base.
struct LockOptions: ParsableArguments {
    @Option(name: .long, help: "Seconds to wait for another run holding the knowledge base before giving up with exit code 75.")
    var lockTimeout: Double = 30
}
