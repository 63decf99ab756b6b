#if canImport(Glibc)
import Glibc
#endif

/// A POSIX mutex with a stable address (allocated, not a stored property whose address
/// Swift may move), shared by the caches, timings and work queues that threads touch.
public final class Lock: @unchecked Sendable {
    let raw = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    public init() { pthread_mutex_init(raw, nil) }

    deinit {
        pthread_mutex_destroy(raw)
        raw.deallocate()
    }

    public func lock() { pthread_mutex_lock(raw) }
    public func unlock() { pthread_mutex_unlock(raw) }

    /// Runs `body` holding the lock.
    public func withLock<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(raw)
        defer { pthread_mutex_unlock(raw) }
        return try body()
    }
}
