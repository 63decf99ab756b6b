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

    /// Runs every stage over `doc`. A stage failure is wrapped with the stage's name.
    public func run(_ doc: inout NewsDocument) throws {
        if doc.region == nil { doc.region = definition.region }
        for stage in stages {
            do {
                try stage.process(&doc, in: context)
            } catch let e as NewsKBError {
                throw e
            } catch {
                throw NewsKBError.stage(stage: stage.name, document: doc.id, message: "\(error)")
            }
        }
    }
}
