/// Simplified text as ICU's word break reads it best. ICU's dictionary knows many words in
/// Traditional script only (比利時, 全興: 比利时队 breaks into 比利|时|队), so the word segmenter
/// reads a Simplified document with each Simplified-only character in its Traditional form,
/// one character for one, so every offset stays. A character Big5 has is a Traditional one
/// too and stays as written (干, 面, 台, 里: 干部 would read 乾部, 方面 方麵); one Big5 lacks
/// takes ICU's Hans-Hant form (时 → 時, 当 → 當, 团 → 團).
public enum TraditionalFolding {
    /// Each Simplified-only character with its Traditional form. Built once per process from
    /// ICU's Hans-Hant applied one character at a time and ICU's Big5 table.
    static let table: HanTable = {
        guard let t = Transliterator.hansToHant else { return HanTable([]) }
        // Every character of Big5: each lead byte with each trail byte.
        var bytes: [UInt8] = []
        for lead in UInt8(0xA1)...UInt8(0xF9) {
            for trail in Array(UInt8(0x40)...UInt8(0x7E)) + Array(UInt8(0xA1)...UInt8(0xFE)) { bytes += [lead, trail] }
        }
        let big5 = Set((ICU.convert(bytes, from: "Big5", strict: false) ?? "").unicodeScalars.map(\.value))
        guard big5.count > 10_000 else { return HanTable([]) }
        // Candidates: the Simplified forms of SearchFolding's table that Big5 lacks.
        let candidates = Set(SearchFolding.simplified.values.map(\.value)).sorted().filter { HanTable.range.contains($0) && !big5.contains($0) }
        return HanTable(t.eachAlone(candidates.compactMap(Unicode.Scalar.init)).lazy.filter { HanTable.range.contains($0.1.value) && big5.contains($0.1.value) }.map { ($0.0.value, $0.1.value) })
    }()

    /// `text` with every Simplified-only Han character in its Traditional form; as many scalars.
    public static func traditional(_ text: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        let t = table
        return text.map { t.mapped($0) ?? $0 }
    }
}
