import NewsKBCore
#if canImport(Glibc)
import Glibc
#endif

/// Runs the pipeline over input items on `jobs` worker threads while the calling thread goes
/// on reading, and hands results back on the calling thread in input order, so output never
/// depends on the number of jobs and the `deliver` closure needs no locking.
///
/// Reading, pipeline runs and delivery (writing output, storing) overlap: the calling thread
/// delivers whatever is ready each time it submits. At most ``window`` items are in flight,
/// so memory is bounded by a few documents per job, not by the corpus.
final class ParallelRunner<Prepared>: @unchecked Sendable {
    typealias Outcome = (Result<NewsDocument, InputFailure>, Prepared?)

    let pipeline: Pipeline
    let jobs: Int
    /// Documents with more mentions than this are refused (``InputLimits/maxMentions``).
    let maxMentions: Int
    /// The most items submitted but not yet delivered.
    let window: Int
    /// Work done on the worker after the pipeline (serialising records), handed on with the result.
    let prepare: (@Sendable (NewsDocument) -> Prepared)?
    private let deliver: (Result<NewsDocument, InputFailure>, Prepared?) -> Void

    /// Items for the workers, with their sequence numbers; nil while no workers run.
    private var queue: WorkQueue<(Int, InputItem)>?
    // Results by sequence number, shared with the workers; guarded by `mutex`.
    private let mutex = Lock()
    private let resultReady = Condition()
    private var results: [Int: Outcome] = [:]
    // Used by the calling thread only.
    private var submitted = 0
    private var delivered = 0
    private var threads: [pthread_t] = []

    init(pipeline: Pipeline, jobs: Int, maxMentions: Int = .max, prepare: (@Sendable (NewsDocument) -> Prepared)? = nil,
         deliver: @escaping (Result<NewsDocument, InputFailure>, Prepared?) -> Void) {
        self.pipeline = pipeline
        self.jobs = max(1, jobs)
        self.maxMentions = maxMentions
        self.window = max(1, jobs) * 16
        self.prepare = prepare
        self.deliver = deliver
    }

    private static func work(_ item: InputItem, _ pipeline: Pipeline, _ maxMentions: Int, _ prepare: (@Sendable (NewsDocument) -> Prepared)?) -> Outcome {
        let r = Runner.process(item, with: pipeline, maxMentions: maxMentions)
        if let prepare, case .success(let doc) = r { return (r, prepare(doc)) }
        return (r, nil)
    }

    /// Queues one input item, delivering every result that is ready (in order) meanwhile.
    /// With one job the item runs here and now.
    func submit(_ item: InputItem) {
        if jobs == 1 {
            let (r, p) = Self.work(item, pipeline, maxMentions, prepare)
            deliver(r, p)
            return
        }
        if queue == nil { start() }
        // Keep at most `window` items in flight: deliver, waiting when the oldest is not done.
        while submitted - delivered >= window { deliverNext(wait: true) }
        queue?.push((submitted, item))
        submitted += 1
        while delivered < submitted, deliverNext(wait: false) {}
    }

    /// Delivers everything submitted, then stops the workers (a later submit starts them again).
    func flush() {
        while delivered < submitted { deliverNext(wait: true) }
        guard let q = queue else { return }
        q.close()
        for t in threads { pthread_join(t, nil) }
        threads = []
        queue = nil
    }

    /// Delivers the oldest undelivered result if it is done (or, with `wait`, once it is).
    @discardableResult
    private func deliverNext(wait: Bool) -> Bool {
        let outcome: Outcome? = mutex.withLock {
            var outcome = results.removeValue(forKey: delivered)
            while outcome == nil && wait {
                resultReady.wait(mutex)
                outcome = results.removeValue(forKey: delivered)
            }
            return outcome
        }
        guard let (r, p) = outcome else { return false }
        delivered += 1
        deliver(r, p)
        return true
    }

    private func start() {
        let q = WorkQueue<(Int, InputItem)>()
        queue = q
        for _ in 0..<jobs {
            threads.append(WorkerThread.start { [self] in
                while let (seq, item) = q.pop() {
                    let outcome = Self.work(item, pipeline, maxMentions, prepare)
                    mutex.withLock {
                        results[seq] = outcome
                        resultReady.signal()
                    }
                }
            })
        }
    }
}

/// A plain POSIX thread running a closure (the workers block on condition variables, which
/// a dispatch pool is not meant for).
enum WorkerThread {
    private final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    static func start(_ body: @escaping () -> Void) -> pthread_t {
        var thread = pthread_t()
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        let rc = pthread_create(&thread, nil, { arg in
            let box = Unmanaged<Box>.fromOpaque(arg!).takeRetainedValue()
            box.body()
            return nil
        }, box)
        precondition(rc == 0, "cannot start a worker thread (error \(rc))")
        return thread
    }
}

/// The default number of jobs: the machine's cores.
func defaultJobs() -> Int {
    #if canImport(Glibc)
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    #else
    return 1
    #endif
}
