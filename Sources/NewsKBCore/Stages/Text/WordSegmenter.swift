/// Cuts the clean text into words with ICU's dictionary-based word break, keeping offsets.
/// A Simplified document (`language` zh-Hans) is read in ``TraditionalFolding``'s form,
/// whose words ICU's dictionary knows better (比利时队: 比利時|隊, not 比利|时|队), and the
/// Hong Kong character variants the stage's optional `hk-variants.tsv` lists are read in their
/// standard form (衞生: 衛生 is one word, 衞|生 were two), one character for one.
public struct WordSegmenter: DocumentStage {
    public static let stageName = "segment.words.v1"
    public static let requires: Set<AnnotationKey> = [.text, .language]
    public static let assigns: Set<AnnotationKey> = [.tokens]
    /// The Hong Kong variants (`hk-variants.tsv`, read as names read it); nil when the stage lists none.
    let variants: NameFolder?

    public init() { variants = nil }

    public init(config: StageConfig, lexicons: LexiconCache) throws {
        variants = config.listsLexicon(endingWith: "hk-variants.tsv")
            ? try NameFolder(table: lexicons.table(config, endingWith: "hk-variants.tsv")) : nil
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        var read = doc.language == "zh-Hans" ? TraditionalFolding.traditional(doc.scalars[...]) : nil
        if let v = variants, doc.scalars.contains(where: v.hasVariant.contains) {
            read = (read ?? doc.scalars).map(v.standard)
        }
        let (bounds, wordLike) = read.map { ICU.boundaries($0[...], sentence: false) } ?? ICU.boundaries(doc.scalars[...], sentence: false)
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
