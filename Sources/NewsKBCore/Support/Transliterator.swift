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

    /// Traditional to Simplified Chinese.
    public static let hantToHans: Transliterator? = Transliterator("Hant-Hans")
    /// Simplified to Traditional Chinese (for word lists written in Simplified).
    public static let hansToHant: Transliterator? = Transliterator("Hans-Hant")
}
