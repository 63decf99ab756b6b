/// One step of the pipeline: reads the document, adds one layer to it.
///
/// Stages are built once per pipeline (lexicons compiled then) and shared by
/// every worker, so they are immutable and `Sendable`. Each says, on its type, its
/// registry name and the layers it reads and writes; the pipeline loader checks a
/// pipeline file's order against them.
public protocol DocumentStage: Sendable {
    /// The registry name with its version, e.g. `recognise.money.v1`.
    static var stageName: String { get }
    /// The layers the stage reads; an earlier stage must assign each.
    static var requires: Set<AnnotationKey> { get }
    /// The layers the stage writes.
    static var assigns: Set<AnnotationKey> { get }
    func process(_ doc: inout NewsDocument, in context: StageContext) throws
}

extension DocumentStage {
    /// The registry name (``stageName``) of this stage's type.
    public var name: String { Self.stageName }
}
