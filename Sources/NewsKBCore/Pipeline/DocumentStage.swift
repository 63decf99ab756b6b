/// One step of the pipeline: reads the document, adds one layer to it.
///
/// Stages are built once per pipeline (lexicons compiled then) and shared by
/// every worker, so they are immutable and `Sendable`.
public protocol DocumentStage: Sendable {
    /// The registry name with its version, e.g. `recognise.money.v1`.
    var name: String { get }
    func process(_ doc: inout NewsDocument, in context: StageContext) throws
}
