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
    private var queue: WorkQueue<Job>?
    private var thread: pthread_t?

    init(capacity: Int, perform: @escaping (Job) -> Void) {
        self.capacity = max(1, capacity)
        self.perform = perform
    }

    /// Queues a job, waiting while `capacity` jobs are already queued.
    func submit(_ job: Job) {
        if queue == nil {
            let q = WorkQueue<Job>(capacity: capacity)
            queue = q
            thread = WorkerThread.start { [perform] in
                while let job = q.pop() { perform(job) }
            }
        }
        queue?.push(job)
    }

    /// Waits until every submitted job has run, then stops the thread.
    func finish() {
        guard let q = queue, let t = thread else { return }
        q.close()
        pthread_join(t, nil)
        queue = nil
        thread = nil
    }
}
