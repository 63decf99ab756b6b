/// A small thread-safe memo table that forgets everything when full.
public final class SharedCache<K: Hashable, V>: @unchecked Sendable {
    private var table: [K: V] = [:]
    private let lock = Lock()
    private let limit: Int

    public init(limit: Int) {
        self.limit = limit
    }

    public func get(_ k: K) -> V? {
        lock.withLock { table[k] }
    }

    public func put(_ k: K, _ v: V) {
        lock.withLock {
            if table.count >= limit { table.removeAll(keepingCapacity: true) }
            table[k] = v
        }
    }
}
