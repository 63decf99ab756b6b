#if canImport(Glibc)
import Glibc
#endif

/// Lexicons and compiled lexicon objects, loaded once per pipeline and shared by its stages.
public final class LexiconCache: @unchecked Sendable {
    public let pipeline: PipelineDefinition
    private var objects: [String: Any] = [:]
    private let lock = Lock()

    public init(pipeline: PipelineDefinition) {
        self.pipeline = pipeline
    }

    /// The object built from `key` by `make`, built on first use.
    public func shared<T>(_ key: String, _ make: () throws -> T) rethrows -> T {
        try lock.withLock {
            if let o = objects[key] as? T { return o }
            let o = try make()
            objects[key] = o
            return o
        }
    }

    /// The lexicon of `config` whose file name ends with `suffix`, as a path.
    public func path(_ config: StageConfig, endingWith suffix: String) throws -> String {
        guard let rel = config.lexicons?.first(where: { $0.hasSuffix(suffix) }) else {
            throw NewsKBError.pipeline("stage \(config.stage) needs a lexicon ending in \(suffix)")
        }
        return pipeline.lexiconPath(rel)
    }

    public func table(_ config: StageConfig, endingWith suffix: String) throws -> TSVTable {
        let p = try path(config, endingWith: suffix)
        return try shared("tsv:" + p) { try TSVTable(path: p) }
    }
}
