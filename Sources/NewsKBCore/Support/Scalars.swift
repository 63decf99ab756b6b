/// Scalar classes the recognisers share.
public enum Scalars {
    /// 0-9 in ASCII or full width.
    @inline(__always)
    /// The ASCII or full-width digits at `i`, at most `maxDigits` of them, as a number;
    /// with `whole`, a longer run is no number at all (a 5-digit run is not a year).
    public static func digitRun(_ s: [Unicode.Scalar], at i: Int, max maxDigits: Int, whole: Bool = false) -> (value: Int, end: Int, count: Int)? {
        var v = 0, j = i
        let stop = whole ? maxDigits + 1 : maxDigits
        while j < s.count, j - i < stop, let d = digit(s[j]) { v = v * 10 + d; j += 1 }
        let n = j - i
        if n == 0 || n > maxDigits { return nil }
        return (v, j, n)
    }

    public static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0xFF10...0xFF19: return Int(s.value - 0xFF10)
        default: return nil
        }
    }

    /// Full-width ASCII forms folded to ASCII, ASCII letters lower-cased.
    @inline(__always)
    public static func foldWidthAndCase(_ s: Unicode.Scalar) -> Unicode.Scalar {
        var v = s.value
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        return Unicode.Scalar(v) ?? s
    }

    @inline(__always)
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x3134F).contains(v) || (0xF900...0xFAFF).contains(v)
    }

    /// The scalars of valid UTF-8 (as a `String` holds it) in one pass, calling `offset` with
    /// the byte offset where each starts.
    @inline(__always)
    public static func decode(utf8 b: UnsafeBufferPointer<UInt8>, offset: (Int) -> Void = { _ in }) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(b.count)
        var i = 0
        let n = b.count
        while i < n {
            offset(i)
            let c = b[i]
            var v = UInt32(c)
            if c < 0x80 {
                i += 1
            } else if c < 0xE0, i + 1 < n {
                v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                i += 2
            } else if c < 0xF0, i + 2 < n {
                v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                i += 3
            } else if i + 3 < n {
                v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
                i += 4
            } else {
                v = 0xFFFD
                i = n
            }
            out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return out
    }

    /// The scalars of a string, as an array.
    public static func array(_ s: String) -> [Unicode.Scalar] {
        var s = s
        return s.withUTF8 { decode(utf8: $0) }
    }

    /// Unicode White_Space, answered without a property lookup for the common cases.
    @inline(__always)
    public static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x2000 { return v == 0x85 || v == 0xA0 || v == 0x1680 }
        return v <= 0x3000 && s.properties.isWhitespace
    }

    @inline(__always)
    public static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        let v = foldWidthAndCase(s).value
        return v >= 0x61 && v <= 0x7A
    }
}
