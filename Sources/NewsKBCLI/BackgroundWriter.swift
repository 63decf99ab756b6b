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
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var waiting = FIFO<Job>()
    private var closing = false
    private var thread: pthread_t?

    init(capacity: Int, perform: @escaping (Job) -> Void) {
        self.capacity = max(1, capacity)
        self.perform = perform
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        changed.deallocate()
    }

    /// Queues a job, waiting while `capacity` jobs are already queued.
    func submit(_ job: Job) {
        if thread == nil { thread = WorkerThread.start { [self] in run() } }
        pthread_mutex_lock(mutex)
        while waiting.count >= capacity { pthread_cond_wait(changed, mutex) }
        waiting.push(job)
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }

    /// Waits until every submitted job has run, then stops the thread.
    func finish() {
        guard let t = thread else { return }
        pthread_mutex_lock(mutex)
        closing = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
        pthread_join(t, nil)
        thread = nil
        closing = false
    }

    private func run() {
        while true {
            pthread_mutex_lock(mutex)
            while waiting.isEmpty && !closing { pthread_cond_wait(changed, mutex) }
            guard let job = waiting.pop() else {
                pthread_mutex_unlock(mutex)
                return
            }
            pthread_cond_broadcast(changed)
            pthread_mutex_unlock(mutex)
            perform(job)
        }
    }
}
