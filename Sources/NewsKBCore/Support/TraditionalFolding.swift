/// Simplified text as ICU's word break reads it best. ICU's dictionary knows many words in
/// Traditional script only (比利時, 全興: 比利时队 breaks into 比利|时|队), so the word segmenter
/// reads a Simplified document with each Simplified character that has exactly one Traditional
/// form (时 → 時, 队 → 隊) in that form, one character for one, so every offset stays. A
/// character that several Traditional ones fold to (干: 乾, 幹; 发: 發, 髮; 台: 臺, 颱) stays as
/// written: one character cannot say which word it is (干部 would read 乾部).
public enum TraditionalFolding {
    /// For each scalar from U+3400 to U+FAFF, its one Traditional form, or 0 where it stays:
    /// the inverse of ``SearchFolding``'s one-to-one Hant-Hans table where that inverse is one
    /// to one. Built once per process.
    static let table: [UInt32] = {
        let start = SearchFolding.tableStart, end: UInt32 = 0xFAFF
        var sources: [UInt32: [UInt32]] = [:]
        for (traditional, simplified) in SearchFolding.simplified { sources[simplified.value, default: []].append(traditional) }
        var out = [UInt32](repeating: 0, count: Int(end - start + 1))
        for (s, ts) in sources where ts.count == 1 && s >= start && s <= end && ts[0] >= start && ts[0] <= end {
            out[Int(s - start)] = ts[0]
        }
        return out
    }()

    /// `text` with every Simplified Han character of one Traditional form in that form; as many scalars.
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
