/// Splits the clean text into sentences with ICU's sentence rules; paragraphs always end one.
public struct SentenceSegmenter: DocumentStage {
    public static let stageName = "segment.sentences.v1"
    public static let requires: Set<AnnotationKey> = [.text]
    public static let assigns: Set<AnnotationKey> = [.sentences]
    public init() {}

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        doc.sentences = Self.sentences(of: doc.scalars)
    }

    /// The sentences of a clean text, as code-point ranges without their surrounding white
    /// space: what the stage assigns, for a store that has only a document's text (`load`).
    public static func sentences(of scalars: [Unicode.Scalar]) -> [Range<Int>] {
        let (bounds, _) = ICU.boundaries(scalars[...], sentence: true)
        var out: [Range<Int>] = []
        for i in 1..<bounds.count {
            var a = bounds[i - 1], b = bounds[i]
            while a < b, Scalars.isWhitespace(scalars[a]) { a += 1 }
            while b > a, Scalars.isWhitespace(scalars[b - 1]) { b -= 1 }
            if a < b { out.append(a..<b) }
        }
        return out
    }
}
