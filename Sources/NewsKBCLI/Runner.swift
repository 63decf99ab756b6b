import NewsKBCore

/// Runs the pipeline on one input item and turns any failure into a report.
enum Runner {
    struct Failure: Error {
        var source: String
        var docID: String?
        var error: String
    }

    static func process(_ item: InputItem, with pipeline: Pipeline) -> Result<NewsDocument, Failure> {
        switch item.parsed {
        case .record:
            preconditionFailure("a parsed item is never an unparsed record")
        case .failure(let source, let id, let error):
            return .failure(Failure(source: source, docID: id, error: error))
        case .document(var doc):
            do {
                try pipeline.run(&doc)
                return .success(doc)
            } catch {
                return .failure(Failure(source: doc.source, docID: doc.id, error: "\(error)"))
            }
        }
    }
}
