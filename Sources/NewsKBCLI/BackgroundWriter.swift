import NewsKBCore
#if canImport(Glibc)
import Glibc
#endif

/// Runs jobs one at a time, in the order submitted, on a thread of its own, so the thread
/// that submits them goes on reading and delivering meanwhile. `ingest` stores its batches
/// this way: SQLite writes overlap the pipeline instead of stalling it.
///
/// At most `capacity` jobs wait; ``submit(_:)`` blocks beyond that, so memory stays bounded.
/// ``finish()`` waits for every job; what the jobs changed may be read after it returns.
final class BackgroundWriter<Job>: @unchecked Sendable {
    private let perform: (Job) -> Void
    private let capacity: Int
    private let mutex = Mutex()
    private let changed = Condition()
    private var waiting = FIFO<Job>()
    private var closing = false
    private var thread: pthread_t?

    init(capacity: Int, perform: @escaping (Job) -> Void) {
        self.capacity = max(1, capacity)
        self.perform = perform
    }

    /// Queues a job, waiting while `capacity` jobs are already queued.
    func submit(_ job: Job) {
        if thread == nil { thread = WorkerThread.start { [self] in run() } }
        mutex.withLock {
            while waiting.count >= capacity { changed.wait(mutex) }
            waiting.push(job)
            changed.broadcast()
        }
    }

    /// Waits until every submitted job has run, then stops the thread.
    func finish() {
        guard let t = thread else { return }
        mutex.withLock {
            closing = true
            changed.broadcast()
        }
        pthread_join(t, nil)
        thread = nil
        closing = false
    }

    private func run() {
        while true {
            let next: Job? = mutex.withLock {
                while waiting.isEmpty && !closing { changed.wait(mutex) }
                let job = waiting.pop()
                changed.broadcast()
                return job
            }
            guard let job = next else { return }
            perform(job)
        }
    }
}
