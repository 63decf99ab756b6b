/// Charset decisions for Chinese pages and text files.
public enum CharsetDecoder {
    /// Decoded text, the charset used, how it was chosen, and how many sequences became U+FFFD.
    public struct Result: Sendable {
        public var text: String
        public var charset: String
        public var how: String
        public var replaced: Int
    }

    /// Widens declared legacy charsets to the supersets real pages use.
    public static func widen(_ charset: String) -> String {
        let c = charset.lowercased().trimmingCharacters(in: " \"'")
        switch c {
        case "gb2312", "gbk", "x-gbk", "cp936", "gb_2312-80", "euc-cn", "x-euc-cn", "gb18030", "windows-936", "csgb2312": return "GB18030"
        case "big5", "big-5", "x-big5", "cn-big5", "csbig5", "big5-hkscs", "big5hkscs", "cp950", "windows-950": return "Big5-HKSCS"
        case "utf8", "utf-8", "unicode-1-1-utf-8": return "UTF-8"
        default: return charset
        }
    }

    /// The default of the decode stage's `maxInvalidShare`: one byte in a hundred.
    public static let defaultMaxInvalidShare = 0.01

    public static func decode(_ bytes: [UInt8], declared: String?, html: Bool, maxInvalidShare: Double = defaultMaxInvalidShare) throws -> Result {
        if bytes.isEmpty { throw NewsKBError.decode("empty input") }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            return utf8(body, how: "byte order mark", valid: validUTF8(body))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let cs = bytes[0] == 0xFF ? "UTF-16LE" : "UTF-16BE"
            if let s = ICU.convert(Array(bytes.dropFirst(2)), from: cs, strict: false) {
                return Result(text: s, charset: cs, how: "byte order mark", replaced: s.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) })
            }
        }
        if looksBinary(bytes) { throw NewsKBError.decode("binary data, not text") }
        let valid = validUTF8(bytes)
        var declaredName = declared
        if declaredName == nil, html { declaredName = metaCharset(bytes) }
        if let d = declaredName {
            let cs = widen(d)
            if cs == "UTF-8" {
                if valid { return utf8(bytes, how: "declared", valid: true) }
            } else if valid && bytes.contains(where: { $0 >= 0x80 }) {
                // Multibyte text that is valid UTF-8 is UTF-8, whatever a header says: legacy
                // Chinese text almost never is, and a wrong `charset=` would garble it all.
                return utf8(bytes, how: "valid UTF-8 over declared \(d)", valid: true)
            } else if let s = ICU.convert(bytes, from: cs, strict: true) {
                return Result(text: s, charset: cs, how: "declared \(d)", replaced: 0)
            }
            // A wrong declaration: fall through to detection.
        }
        if valid { return utf8(bytes, how: "valid UTF-8", valid: true) }
        // Candidates: ICU's guesses widened, then the Chinese supersets; keep those that decode
        // strictly and take the most plausible Chinese text.
        var candidates: [String] = []
        for (name, _) in ICU.detectCharsets(Array(bytes.prefix(1 << 16))) {
            let w = widen(name)
            if !candidates.contains(w) { candidates.append(w) }
        }
        for c in ["GB18030", "Big5-HKSCS"] where !candidates.contains(c) { candidates.append(c) }
        var best: (String, String, Int)? = nil
        for cs in candidates where cs != "UTF-8" {
            guard let s = ICU.convert(bytes, from: cs, strict: true) else { continue }
            let score = plausibility(s)
            if best == nil || score > best!.2 { best = (s, cs, score) }
        }
        if let (s, cs, score) = best, score > 0 {
            return Result(text: s, charset: cs, how: "detected", replaced: 0)
        }
        // No charset fits every byte: a page cut mid-character, a few corrupt sequences. Decode
        // leniently with each candidate (the declared charset first) and keep the most
        // plausible text among those with few enough invalid sequences.
        let limit = Int(Double(bytes.count) * maxInvalidShare)
        var lenient: [Result] = [utf8(bytes, how: "lenient", valid: false)]
        var tried = Set(["UTF-8"])
        for (name, how) in (declaredName.map { [(widen($0), "declared \($0), lenient")] } ?? []) + candidates.map({ ($0, "detected, lenient") })
        where tried.insert(name).inserted {
            guard let s = ICU.convert(bytes, from: name, strict: false) else { continue }
            lenient.append(Result(text: s, charset: name, how: how, replaced: substitutions(in: s, source: bytes)))
        }
        let fits = lenient.filter { $0.replaced <= limit }.map { (result: $0, score: plausibility($0.text)) }
        if let keep = fits.max(by: { $0.score < $1.score }), keep.result.charset == "UTF-8" || keep.score > 0 {
            return keep.result
        }
        let fewest = lenient.min { $0.replaced < $1.replaced }!
        throw NewsKBError.decode("no charset fits: at best \(fewest.replaced) invalid sequences in \(bytes.count) bytes as \(fewest.charset), more than the \(limit) allowed")
    }

    /// The substitution characters ICU put into `s` (U+FFFD, or U+001A for unassigned
    /// codes), less those the bytes held already.
    static func substitutions(in s: String, source: [UInt8]) -> Int {
        var n = 0
        for u in s.unicodeScalars where u == "\u{FFFD}" || u == "\u{1A}" { n += 1 }
        return max(0, n - countEncodedFFFD(source) - source.reduce(0) { $0 + ($1 == 0x1A ? 1 : 0) })
    }

    /// `bytes` as UTF-8; `valid` (already checked by the caller) says whether any sequence needs U+FFFD.
    static func utf8(_ bytes: [UInt8], how: String, valid: Bool) -> Result {
        let s = String(decoding: bytes, as: UTF8.self)
        var bad = 0
        if !valid {
            let before = bytes.count >= 3 ? countEncodedFFFD(bytes) : 0
            bad = s.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) } - before
        }
        return Result(text: s, charset: "UTF-8", how: how, replaced: max(0, bad))
    }

    private static func countEncodedFFFD(_ b: [UInt8]) -> Int {
        var n = 0
        var i = 0
        while i + 2 < b.count {
            if b[i] == 0xEF && b[i + 1] == 0xBF && b[i + 2] == 0xBD { n += 1; i += 3 } else { i += 1 }
        }
        return n
    }

    public static func validUTF8(_ bytes: [UInt8]) -> Bool {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// NUL bytes or many control characters near the start mean binary data.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(8192)
        var control = 0
        for b in head {
            if b == 0 { return true }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x1B { control += 1 }
        }
        return control * 10 > head.count
    }

    /// The charset named by `<meta charset>`, `<meta http-equiv … content="…charset=…">` or
    /// an XML declaration at the start, in the first 8 KB. `charset=` anywhere else (article
    /// text, a script) does not count. A meta that names UTF-16 means UTF-8, as WHATWG says
    /// (a page whose bytes are UTF-16 has a byte order mark, read before this).
    public static func metaCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(8192).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        func value(after key: String, in text: Substring) -> String? {
            guard let r = text.firstRange(of: key) else { return nil }
            var rest = text[r.upperBound...]
            while let f = rest.first, f == "\"" || f == "'" || f == " " { rest = rest.dropFirst() }
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            return name.isEmpty ? nil : String(name)
        }
        var found: String? = nil
        let trimmed = head.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        if trimmed.hasPrefix("<?xml"), let end = trimmed.firstIndex(of: ">") {
            found = value(after: "encoding=", in: trimmed[..<end])
        }
        var search = head[...]
        while found == nil, let r = search.firstRange(of: "<meta") {
            let tagEnd = head[r.upperBound...].firstIndex(of: ">") ?? head.endIndex
            found = value(after: "charset=", in: head[r.upperBound..<tagEnd])
            search = head[tagEnd...]
        }
        if let f = found, f.hasPrefix("utf-16") || f.hasPrefix("utf16") { return "utf-8" }
        return found
    }

    /// How Chinese a decoded text looks: common Han characters count, odd ones cost.
    static func plausibility(_ s: String) -> Int {
        var score = 0
        for u in s.unicodeScalars {
            if common.contains(u) { score += 3 }
            else if u.value >= 0x4E00 && u.value <= 0x9FFF { score += 0 }
            else if u.value >= 0xE000 && u.value <= 0xF8FF { score -= 5 }
            else if u.value >= 0x3400 && u.value <= 0x4DBF { score -= 2 }
            else if u.value > 0xFFFF { score -= 2 }
        }
        return score
    }

    private static let common = ScalarSet("的一是在不了有和人這这中大為为上個个國国我以要他時时來来用們们生到作地於于出就分對对成會会可主發发年動动同工也能下過过民子說说產产種种面而方後后多定行學学法所經经日三十資资元月新元億亿萬万港".unicodeScalars)
}
