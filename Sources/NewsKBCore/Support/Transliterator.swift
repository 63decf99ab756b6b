import CICU

/// An ICU transliterator shared behind a lock (ICU transliterators are not thread-safe).
public final class Transliterator: @unchecked Sendable {
    private let handle: OpaquePointer
    private let lock = Lock()

    /// Opens the ICU transform `id`, e.g. "Hant-Hans"; nil when ICU does not know it.
    public init?(_ id: String) {
        guard let h = newskb_translit_open(id) else { return nil }
        handle = h
    }

    deinit { newskb_translit_close(handle) }

    /// Transforms `s`; returns `s` unchanged when ICU fails.
    public func apply(_ s: String) -> String {
        var buf = Array(s.utf16)
        let len = buf.count
        if len == 0 { return s }
        buf.append(contentsOf: repeatElement(0, count: len * 2 + 16))
        let n = lock.withLock { newskb_translit_apply(handle, &buf, Int32(len), Int32(buf.count)) }
        return n < 0 ? s : String(decoding: buf[0..<Int(n)], as: UTF16.self)
    }

    /// The transform applied to each of `chars` alone (a thousand at a time, one a line): every
    /// character whose result is one other character, with that character.
    public func eachAlone(_ chars: [Unicode.Scalar]) -> [(Unicode.Scalar, Unicode.Scalar)] {
        var out: [(Unicode.Scalar, Unicode.Scalar)] = []
        var i = 0
        while i < chars.count {
            let chunk = chars[i..<min(chars.count, i + 1024)]
            i += chunk.count
            let mapped = apply(String(String.UnicodeScalarView(chunk.flatMap { [$0, "\n"] }))).split(separator: "\n", omittingEmptySubsequences: false)
            guard mapped.count >= chunk.count else { continue }
            for (c, o) in zip(chunk, mapped) where o.unicodeScalars.count == 1 && o.unicodeScalars.first! != c { out.append((c, o.unicodeScalars.first!)) }
        }
        return out
    }

    /// Traditional to Simplified Chinese.
    public static let hantToHans: Transliterator? = Transliterator("Hant-Hans")
    /// Simplified to Traditional Chinese (for word lists written in Simplified).
    public static let hansToHant: Transliterator? = Transliterator("Hans-Hant")
}
