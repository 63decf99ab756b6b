#if canImport(Glibc)
import Glibc
#endif

/// A POSIX mutex with a stable address (allocated, not a stored property whose address
/// Swift may move), shared by the caches, timings and work queues that threads touch.
public final class Mutex: @unchecked Sendable {
    fileprivate let raw = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

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

/// A condition variable to wait on while holding a ``Mutex``.
public final class Condition: @unchecked Sendable {
    private let raw = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    public init() { pthread_cond_init(raw, nil) }

    deinit {
        pthread_cond_destroy(raw)
        raw.deallocate()
    }

    /// Releases `mutex` (which the caller holds), waits to be woken, and takes it again.
    public func wait(_ mutex: Mutex) { pthread_cond_wait(raw, mutex.raw) }
    public func signal() { pthread_cond_signal(raw) }
    public func broadcast() { pthread_cond_broadcast(raw) }
}
