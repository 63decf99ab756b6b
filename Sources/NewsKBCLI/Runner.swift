import NewsKBCore

/// Runs the pipeline on one input item and turns any failure into an ``InputFailure``
/// with the document's location, id and the stage that failed.
enum Runner {
    static func process(_ item: InputItem, with pipeline: Pipeline) -> Result<NewsDocument, InputFailure> {
        switch item.parsed {
        case .record:
            preconditionFailure("a parsed item is never an unparsed record")
        case .failure(let f):
            return .failure(f)
        case .document(var doc):
            do {
                try pipeline.run(&doc)
                return .success(doc)
            } catch let e as StageFailure {
                return .failure(InputFailure(doc.location, docID: doc.id, stage: e.stage, code: e.code, e.message))
            } catch {
                return .failure(InputFailure(doc.location, docID: doc.id, stage: "pipeline", code: .stage, "\(error)"))
            }
        }
    }
}
