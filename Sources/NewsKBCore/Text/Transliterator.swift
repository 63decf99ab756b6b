import CICU
#if canImport(Glibc)
import Glibc
#endif

/// An ICU transliterator shared behind a lock (ICU transliterators are not thread-safe).
public final class Transliterator: @unchecked Sendable {
    private let handle: OpaquePointer
    private var lock = pthread_mutex_t()

    /// Opens the ICU transform `id`, e.g. "Hant-Hans"; nil when ICU does not know it.
    public init?(_ id: String) {
        guard let h = newskb_translit_open(id) else { return nil }
        handle = h
        pthread_mutex_init(&lock, nil)
    }

    deinit {
        newskb_translit_close(handle)
        pthread_mutex_destroy(&lock)
    }

    /// Transforms `s`; returns `s` unchanged when ICU fails.
    public func apply(_ s: String) -> String {
        var buf = Array(s.utf16)
        let len = buf.count
        if len == 0 { return s }
        buf.append(contentsOf: repeatElement(0, count: len * 2 + 16))
        pthread_mutex_lock(&lock)
        let n = newskb_translit_apply(handle, &buf, Int32(len), Int32(buf.count))
        pthread_mutex_unlock(&lock)
        return n < 0 ? s : String(decoding: buf[0..<Int(n)], as: UTF16.self)
    }

    /// Traditional to Simplified Chinese.
    public static let hantToHans: Transliterator? = Transliterator("Hant-Hans")
}
