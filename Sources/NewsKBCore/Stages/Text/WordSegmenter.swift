/// Cuts the clean text into words with ICU's dictionary-based word break, keeping offsets.
/// A Simplified document (`language` zh-Hans) is read in ``TraditionalFolding``'s form,
/// whose words ICU's dictionary knows better (比利时队: 比利時|隊, not 比利|时|队).
public struct WordSegmenter: DocumentStage {
    public static let stageName = "segment.words.v1"
    public static let requires: Set<AnnotationKey> = [.text, .language]
    public static let assigns: Set<AnnotationKey> = [.tokens]
    public init() {}

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        let (bounds, wordLike) = doc.language == "zh-Hans"
            ? ICU.boundaries(TraditionalFolding.traditional(doc.scalars[...])[...], sentence: false)
            : ICU.boundaries(doc.scalars[...], sentence: false)
        var tokens: [Token] = []
        tokens.reserveCapacity(bounds.count)
        for i in 1..<bounds.count where bounds[i - 1] < bounds[i] {
            let a = bounds[i - 1], b = bounds[i]
            if b - a == 1, Scalars.isWhitespace(doc.scalars[a]) { continue }
            tokens.append(Token(start: a, end: b, isWord: wordLike[i - 1]))
        }
        doc.tokens = tokens
        var flags = [Bool](repeating: false, count: doc.scalars.count + 1)
        for t in tokens { flags[t.start] = true; flags[t.end] = true }
        doc.isTokenBoundary = flags
    }
}
