/// Splits the clean text into sentences with ICU's sentence rules; paragraphs always end one.
public struct SentenceSegmenter: DocumentStage {
    public let name = "segment.sentences.v1"
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

/// Cuts the clean text into words with ICU's dictionary-based word break, keeping offsets.
public struct WordSegmenter: DocumentStage {
    public let name = "segment.words.v1"
    public init() {}

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        let (bounds, wordLike) = ICU.boundaries(doc.scalars[...], sentence: false)
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

/// Tells Traditional from Simplified Chinese by characters that differ between them.
public struct LanguageDetector: DocumentStage {
    public let name = "detect.language.v1"
    let hant: ScalarSet
    let hans: ScalarSet

    public init(config: StageConfig, pipeline: PipelineDefinition, lexicons: LexiconCache) throws {
        let table = try lexicons.table(config, endingWith: "script-markers.tsv")
        let a = try table.column("hant"), b = try table.column("hans")
        hant = ScalarSet(table.rows.compactMap { table.cell($0, a).unicodeScalars.first })
        hans = ScalarSet(table.rows.compactMap { table.cell($0, b).unicodeScalars.first })
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        var t = 0, s = 0, han = 0, latin = 0
        for u in doc.scalars {
            if hant.contains(u) { t += 1 } else if hans.contains(u) { s += 1 }
            if Scalars.isHan(u) { han += 1 } else if u.value < 0x80, (u.value | 0x20) >= 0x61, (u.value | 0x20) <= 0x7A { latin += 1 }
        }
        if han == 0 && latin > 0 { doc.language = "en"; return }
        if t == 0 && s == 0 { doc.language = han > 0 ? context.pipeline.language : "und"; return }
        doc.language = t >= s ? "zh-Hant" : "zh-Hans"
    }
}
