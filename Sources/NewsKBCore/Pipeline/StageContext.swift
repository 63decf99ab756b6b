/// Settings every stage may read while it runs.
public struct StageContext: Sendable {
    public let pipeline: PipelineDefinition
    public init(pipeline: PipelineDefinition) { self.pipeline = pipeline }
}
