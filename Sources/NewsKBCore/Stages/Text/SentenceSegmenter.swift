/// Splits the clean text into sentences with ICU's sentence rules; paragraphs always end one.
public struct SentenceSegmenter: DocumentStage {
    public static let stageName = "segment.sentences.v1"
    public static let requires: Set<AnnotationKey> = [.text]
    public static let assigns: Set<AnnotationKey> = [.sentences]
    public init() {}

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        let (bounds, _) = ICU.boundaries(doc.scalars[...], sentence: true)
        var out: [Range<Int>] = []
        for i in 1..<bounds.count {
            var a = bounds[i - 1], b = bounds[i]
            while a < b, Scalars.isWhitespace(doc.scalars[a]) { a += 1 }
            while b > a, Scalars.isWhitespace(doc.scalars[b - 1]) { b -= 1 }
            if a < b { out.append(a..<b) }
        }
        doc.sentences = out
    }
}
