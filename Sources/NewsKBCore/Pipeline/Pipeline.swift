/// A loaded pipeline: its definition and its stages, built once and shared by workers.
public struct Pipeline: Sendable {
    public let definition: PipelineDefinition
    public let stages: [any DocumentStage]
    public let context: StageContext

    /// Builds every stage of `definition` (compiling lexicons once).
    public init(_ definition: PipelineDefinition) throws {
        self.definition = definition
        let cache = LexiconCache(pipeline: definition)
        stages = try definition.stages.map { config in
            guard let entry = StageRegistry.entry(config.stage) else { throw NewsKBError.pipeline("unknown stage \(config.stage)") }
            return try entry.make(config, definition, cache)
        }
        context = StageContext(pipeline: definition)
    }

    /// Loads a pipeline by name or path and builds it.
    public static func load(_ nameOrPath: String) throws -> Pipeline {
        try Pipeline(PipelineDefinition.load(nameOrPath))
    }

    /// Runs every stage over `doc`. A failure is thrown as a ``StageFailure`` naming the stage.
    /// With `timings`, the time each stage took is added to it (for the benchmark).
    public func run(_ doc: inout NewsDocument, timings: StageTimings? = nil) throws {
        if doc.region == nil {
            doc.region = definition.region
            doc.regionSource = .pipeline
        }
        for (i, stage) in stages.enumerated() {
            let t0 = timings == nil ? 0 : MonotonicClock.now()
            defer { if let t = timings { t.add(stage: i, name: stage.name, nanoseconds: MonotonicClock.now() - t0) } }
            do {
                try stage.process(&doc, in: context)
            } catch let e as NewsKBError {
                throw StageFailure(stage: stage.name, code: e.code, message: e.message)
            } catch {
                throw StageFailure(stage: stage.name, code: .stage, message: "\(error)")
            }
        }
    }
}
