/// Cuts the clean text into words with ICU's dictionary-based word break, keeping offsets.
/// A Simplified document (`language` zh-Hans) is read in ``TraditionalFolding``'s form,
/// whose words ICU's dictionary knows better (比利时队: 比利時|隊, not 比利|时|队), and the
/// Hong Kong character variants the stage's optional `hk-variants.tsv` lists are read in their
/// standard form (衞生: 衛生 is one word, 衞|生 were two), one character for one.
public struct WordSegmenter: DocumentStage {
    public static let stageName = "segment.words.v1"
    public static let requires: Set<AnnotationKey> = [.text, .language]
    public static let assigns: Set<AnnotationKey> = [.tokens]
    /// Variant → standard character (`hk-variants.tsv`); empty when the stage lists none.
    let variants: [Unicode.Scalar: Unicode.Scalar]
    /// The variants' characters, to find out at a glance whether a text has any.
    let variantSet: ScalarSet

    public init() { variants = [:]; variantSet = ScalarSet([]) }

    public init(config: StageConfig, lexicons: LexiconCache) throws {
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        if config.listsLexicon(endingWith: "hk-variants.tsv") {
            let t = try lexicons.table(config, endingWith: "hk-variants.tsv")
            let (v, s) = (try t.column("variant"), try t.column("standard"))
            for row in t.rows {
                let a = Array(t.cell(row, v).unicodeScalars), b = Array(t.cell(row, s).unicodeScalars)
                if a.count == 1, b.count == 1 { map[a[0]] = b[0] }
            }
        }
        variants = map
        variantSet = ScalarSet(map.keys)
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        var read = doc.language == "zh-Hans" ? TraditionalFolding.traditional(doc.scalars[...]) : nil
        if !variants.isEmpty, doc.scalars.contains(where: { variantSet.contains($0) }) {
            read = (read ?? Array(doc.scalars)).map { variants[$0] ?? $0 }
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
