/// Tells Traditional from Simplified Chinese by characters that differ between them.
public struct LanguageDetector: DocumentStage {
    public static let stageName = "detect.language.v1"
    public static let requires: Set<AnnotationKey> = [.text]
    public static let assigns: Set<AnnotationKey> = [.language]
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
