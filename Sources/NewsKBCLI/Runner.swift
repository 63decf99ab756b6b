import NewsKBCore

/// Runs the pipeline on one input item and turns any failure into an ``InputFailure``
/// with the document's location, id and the stage that failed.
enum Runner {
    /// Runs `item`; a document with more than `maxMentions` mentions is refused (`--max-mentions`).
    static func process(_ item: InputItem, with pipeline: Pipeline, maxMentions: Int = .max) -> Result<NewsDocument, InputFailure> {
        switch item.parsed {
        case .record:
            preconditionFailure("a parsed item is never an unparsed record")
        case .failure(let f):
            return .failure(f)
        case .document(var doc):
            do {
                try pipeline.run(&doc)
                if doc.mentions.count > maxMentions {
                    return .failure(InputFailure(doc.location, docID: doc.id, stage: "pipeline", code: .input,
                                                 "\(doc.mentions.count) mentions exceed the limit of \(maxMentions) per document (--max-mentions)"))
                }
                return .success(doc)
            } catch let e as StageFailure {
                return .failure(InputFailure(doc.location, docID: doc.id, stage: e.stage, code: e.code, e.message))
            } catch {
                return .failure(InputFailure(doc.location, docID: doc.id, stage: "pipeline", code: .stage, "\(error)"))
            }
        }
    }
}
