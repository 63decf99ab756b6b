/// Simplified text as ICU's word break reads it best. ICU's dictionary knows many words in
/// Traditional script only (比利時, 全興: 比利时队 breaks into 比利|时|队), so the word segmenter
/// reads a Simplified document with each Simplified-only character in its Traditional form,
/// one character for one, so every offset stays. A character Big5 has is a Traditional one
/// too and stays as written (干, 面, 台, 里: 干部 would read 乾部, 方面 方麵); one Big5 lacks
/// takes ICU's Hans-Hant form (时 → 時, 当 → 當, 团 → 團).
public enum TraditionalFolding {
    /// For each scalar from U+3400 to U+FAFF, its Traditional form, or 0 where it stays. Built
    /// once per process from ICU's Hans-Hant applied one character at a time and ICU's Big5 table.
    static let table: [UInt32] = {
        let start = SearchFolding.tableStart, end: UInt32 = 0xFAFF
        var out = [UInt32](repeating: 0, count: Int(end - start + 1))
        guard let t = Transliterator.hansToHant else { return out }
        // Every character of Big5: each lead byte with each trail byte.
        var bytes: [UInt8] = []
        for lead in UInt8(0xA1)...UInt8(0xF9) {
            for trail in Array(UInt8(0x40)...UInt8(0x7E)) + Array(UInt8(0xA1)...UInt8(0xFE)) { bytes += [lead, trail] }
        }
        let big5 = Set((ICU.convert(bytes, from: "Big5", strict: false) ?? "").unicodeScalars.map(\.value))
        guard big5.count > 10_000 else { return out }
        // Candidates: the Simplified forms of SearchFolding's table that Big5 lacks.
        let candidates = Set(SearchFolding.simplified.values.map(\.value)).sorted().filter { $0 >= start && $0 <= end && !big5.contains($0) }
        for (c, o) in t.eachAlone(candidates.compactMap(Unicode.Scalar.init)) where o.value >= start && o.value <= end && big5.contains(o.value) {
            out[Int(c.value - start)] = o.value
        }
        return out
    }()

    /// `text` with every Simplified-only Han character in its Traditional form; as many scalars.
    public static func traditional(_ text: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        let t = table, start = SearchFolding.tableStart
        return text.map { c in
            let v = c.value
            guard v >= start, v <= 0xFAFF else { return c }
            let m = t[Int(v - start)]
            return m == 0 ? c : Unicode.Scalar(m)!
        }
    }
}
