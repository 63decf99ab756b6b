/// Text as the full-text index sees it: each Han character its own token, in Simplified
/// script, so a query in either script matches text in either (`半导体` finds `半導體`), and
/// any run of characters is a phrase (two-character words such as `創科` need no
/// dictionary). Latin letters and digits stay words, lower-cased; punctuation separates.
public enum SearchFolding {
    /// Han characters whose Simplified form differs, from ICU's Hant-Hans applied one
    /// character at a time (so the mapping is one character to one), built once per process.
    static let simplified: [UInt32: Unicode.Scalar] = {
        var map: [UInt32: Unicode.Scalar] = [:]
        guard let t = Transliterator.hantToHans else { return map }
        let han = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF].flatMap { (r: ClosedRange<UInt32>) in r.compactMap(Unicode.Scalar.init) }
        for (c, s) in t.eachAlone(han) { map[c.value] = s }
        // Hong Kong variants ICU leaves alone (衞): folded to the standard character first, as
        // names are (lexicons/hk-variants.tsv of the pipelines folder).
        for (variant, standard) in hongKongVariants() { map[variant.value] = map[standard.value] ?? standard }
        return map
    }()

    /// The variant → standard pairs of the first pipelines folder that has `lexicons/hk-variants.tsv`.
    static func hongKongVariants() -> [(Unicode.Scalar, Unicode.Scalar)] {
        for dir in PipelineDefinition.searchPaths() {
            guard let table = try? TSVTable(path: dir + "/lexicons/hk-variants.tsv"),
                  let a = try? table.column("variant"), let b = try? table.column("standard") else { continue }
            return table.rows.compactMap { row in
                guard let x = table.cell(row, a).unicodeScalars.first, let y = table.cell(row, b).unicodeScalars.first else { return nil }
                return (x, y)
            }
        }
        return []
    }

    /// Every Han character whose folded form differs, with that form: what the index's
    /// tokens are made of, for readers outside NewsKB (the knowledge base's `search_folding`).
    public static var foldingPairs: [(Unicode.Scalar, Unicode.Scalar)] {
        simplified.sorted { $0.key < $1.key }.compactMap { k, v in Unicode.Scalar(k).map { ($0, v) } }
    }

    /// ``simplified`` as a flat table: folding runs over every character the index and search read.
    static let table = HanTable(simplified.lazy.map { ($0.key, $0.value.value) })

    /// The folded form of one character (Simplified, lower-case).
    @inline(__always)
    public static func fold(_ u: Unicode.Scalar) -> Unicode.Scalar {
        if HanTable.range.contains(u.value) { return table.mapped(u) ?? u }
        if Scalars.isHan(u) { return simplified[u.value] ?? u }
        if u.value < 0x80 { return Unicode.Scalar(UInt8(u.value).lowercasedASCII) }
        return u
    }

    /// Whether `u` is part of a word the index keeps (a Han character, a letter or a digit).
    public static func isWordScalar(_ u: Unicode.Scalar) -> Bool {
        Scalars.isHan(u) || u.properties.isAlphabetic || u.properties.numericType != nil
    }

    /// `s` as index tokens separated by spaces: `香港半導體 AI` → `香 港 半 导 体 ai`.
    /// Written as UTF-8 bytes into one buffer: this runs over every document ingest stores.
    public static func tokens(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count * 4 / 3 + 16)
        var inWord = false
        func put(_ u: Unicode.Scalar) { UTF8.encode(u) { out.append($0) } }
        for u in s.unicodeScalars {
            let v = u.value
            if v < 0x80 {
                // ASCII: letters and digits make words, lower-cased; anything else separates.
                let b = UInt8(v)
                if (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) {
                    if !inWord, !out.isEmpty { out.append(0x20) }
                    out.append(b.lowercasedASCII)
                    inWord = true
                } else {
                    inWord = false
                }
            } else if Scalars.isHan(u) {
                if !out.isEmpty { out.append(0x20) }
                put(fold(u))
                inWord = false
            } else if isWordScalar(u) {
                if !inWord, !out.isEmpty { out.append(0x20) }
                put(u)
                inWord = true
            } else {
                inWord = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The folded characters of `s` (no separators), for finding a hit in the original text.
    public static func folded(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        s.map(fold)
    }
}

extension UInt8 {
    /// The ASCII lower-case of this byte (other bytes unchanged).
    var lowercasedASCII: UInt8 { (0x41...0x5A).contains(self) ? self + 0x20 : self }
}
