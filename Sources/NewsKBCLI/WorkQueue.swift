import NewsKBCore

/// A first-in, first-out queue threads hand work through. ``push(_:)`` waits while
/// `capacity` items are waiting; ``pop()`` waits for an item and returns nil once the queue
/// is closed and empty, which ends a worker's loop.
final class WorkQueue<Element>: @unchecked Sendable {
    private let mutex = Lock()
    private let changed = Condition()
    private var items = FIFO<Element>()
    private var closed = false
    private let capacity: Int

    init(capacity: Int = .max) {
        self.capacity = max(1, capacity)
    }

    func push(_ e: Element) {
        mutex.withLock {
            while items.count >= capacity { changed.wait(mutex) }
            items.push(e)
            changed.broadcast()
        }
    }

    func pop() -> Element? {
        mutex.withLock {
            while items.isEmpty && !closed { changed.wait(mutex) }
            let e = items.pop()
            changed.broadcast()
            return e
        }
    }

    /// No more items will come: workers finish what is queued, then their `pop` returns nil.
    func close() {
        mutex.withLock {
            closed = true
            changed.broadcast()
        }
    }
}
