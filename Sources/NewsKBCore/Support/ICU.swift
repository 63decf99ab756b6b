import CICU

/// Swift face of the system ICU calls in the `CICU` target.
public enum ICU {
    /// The system ICU version, e.g. "72.1".
    public static var version: String {
        var buf = [CChar](repeating: 0, count: 32)
        newskb_icu_version(&buf, 32)
        return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Word or sentence boundaries over `scalars`, in code points (first is 0, last is count).
    /// For words, `wordLike[i]` tells whether the segment ending at boundary i+1 is a word
    /// (letters, ideographs, numbers) rather than spaces or punctuation.
    public static func boundaries(_ scalars: ArraySlice<Unicode.Scalar>, sentence: Bool) -> (bounds: [Int], wordLike: [Bool]) {
        if scalars.isEmpty { return ([0], []) }
        let u16 = UTF16Map(scalars)
        let cap = Int32(u16.units.count + 2)
        var bounds = [Int32](repeating: 0, count: Int(cap))
        var status = [Int32](repeating: 0, count: Int(cap))
        let n = u16.units.withUnsafeBufferPointer { p in
            newskb_icu_breaks(sentence ? Int32(NEWSKB_BREAK_SENTENCE) : Int32(NEWSKB_BREAK_WORD),
                              p.baseAddress, Int32(p.count), &bounds, &status, cap)
        }
        guard n > 0 else { return ([0, scalars.count], [true]) }
        var out = [Int]()
        var word = [Bool]()
        out.reserveCapacity(Int(n))
        for i in 0..<Int(n) {
            out.append(u16.scalarOffset(ofUnit: Int(bounds[i])))
            // UBRK_WORD_NONE is 0..99; numbers, letters, kana, ideographs are >= 100.
            if i > 0 { word.append(status[i] >= 100) }
        }
        return (out, word)
    }

    /// Unicode normalisation (NFC or NFKC).
    public static func normalize(_ s: String, nfkc: Bool) -> String {
        let src = Array(s.utf16)
        if src.isEmpty { return s }
        var cap = src.count * 2 + 16
        while true {
            var dst = [UInt16](repeating: 0, count: cap)
            let n = newskb_icu_normalize(nfkc ? Int32(NEWSKB_NFKC) : Int32(NEWSKB_NFC), src, Int32(src.count), &dst, Int32(cap))
            if n < 0 { return s }
            if Int(n) <= cap { return String(decoding: dst[0..<Int(n)], as: UTF16.self) }
            cap = Int(n)
        }
    }

    /// Converts `bytes` from `charset` to a String. Strict conversion returns nil at the first
    /// invalid sequence; lenient conversion substitutes U+FFFD. Nil also for unknown charsets.
    public static func convert(_ bytes: [UInt8], from charset: String, strict: Bool) -> String? {
        if bytes.isEmpty { return "" }
        var cap = bytes.count + 16
        while true {
            var dst = [UInt16](repeating: 0, count: cap)
            let n = newskb_icu_convert(charset, bytes, Int32(bytes.count), &dst, Int32(cap), strict ? 1 : 0)
            if n < 0 { return nil }
            if Int(n) <= cap { return String(decoding: dst[0..<Int(n)], as: UTF16.self) }
            cap = Int(n) + 1
        }
    }

    /// ICU's charset guesses for `bytes`, best first, with confidences 0-100.
    public static func detectCharsets(_ bytes: [UInt8]) -> [(name: String, confidence: Int)] {
        var names = [CChar](repeating: 0, count: 512)
        var conf = [Int32](repeating: 0, count: 8)
        let n = newskb_icu_detect(bytes, Int32(min(bytes.count, Int(Int32.max))), &names, 512, &conf, 8)
        var out: [(String, Int)] = []
        var start = 0
        for i in 0..<Int(n) {
            let end = names[start...].firstIndex(of: 0) ?? names.count
            out.append((String(decoding: names[start..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self), Int(conf[i])))
            start = end + 1
        }
        return out
    }
}
