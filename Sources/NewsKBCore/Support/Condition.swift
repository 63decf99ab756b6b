#if canImport(Glibc)
import Glibc
#endif

/// A condition variable to wait on while holding a ``Lock``.
public final class Condition: @unchecked Sendable {
    private let raw = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    public init() { pthread_cond_init(raw, nil) }

    deinit {
        pthread_cond_destroy(raw)
        raw.deallocate()
    }

    /// Releases `mutex` (which the caller holds), waits to be woken, and takes it again.
    public func wait(_ mutex: Lock) { pthread_cond_wait(raw, mutex.raw) }
    public func signal() { pthread_cond_signal(raw) }
    public func broadcast() { pthread_cond_broadcast(raw) }
}
