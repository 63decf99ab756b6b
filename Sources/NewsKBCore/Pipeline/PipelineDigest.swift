/// A digest of everything a pipeline's output depends on besides the input: the pipeline
/// file's bytes and every lexicon file it names. An edited lexicon or option gives another
/// digest, so the knowledge base knows which inputs were processed under an older pipeline.
extension PipelineDefinition {
    /// SHA-256 (hex) over the pipeline file and its lexicon files, in the order the stages name them.
    public func contentDigest() throws -> String {
        var h = SHA256()
        func add(_ label: String, _ path: String) throws {
            guard let bytes = FileIO.readAll(path) else { throw NewsKBError.pipeline("cannot read \(path) to digest the pipeline") }
            h.update(Array(label.utf8))
            h.update([0])
            h.update(Array(String(bytes.count).utf8))
            h.update([0])
            h.update(bytes)
        }
        try add("pipeline", path)
        var seen = Set<String>()
        for stage in stages {
            for lex in stage.lexicons ?? [] where seen.insert(lex).inserted {
                try add(lex, lexiconPath(lex))
            }
        }
        return h.finalize()
    }
}
