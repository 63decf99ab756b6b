import Dispatch
import NewsKBCore

/// Runs the pipeline over input items on `jobs` threads, in batches, and hands results back
/// in input order, so output never depends on the number of jobs. Memory is bounded by one
/// batch of documents, not by the corpus.
final class ParallelRunner<Prepared> {
    let pipeline: Pipeline
    let jobs: Int
    let batchSize: Int
    private var pending: [InputItem] = []
    /// Work done on the worker after the pipeline (serialising records), handed on with the result.
    let prepare: (@Sendable (NewsDocument) -> Prepared)?
    private let deliver: (Result<NewsDocument, Runner.Failure>, Prepared?) -> Void

    init(pipeline: Pipeline, jobs: Int, prepare: (@Sendable (NewsDocument) -> Prepared)? = nil,
         deliver: @escaping (Result<NewsDocument, Runner.Failure>, Prepared?) -> Void) {
        self.pipeline = pipeline
        self.jobs = max(1, jobs)
        self.batchSize = max(1, jobs) * 16
        self.prepare = prepare
        self.deliver = deliver
    }

    private static func work(_ item: InputItem, _ pipeline: Pipeline, _ prepare: (@Sendable (NewsDocument) -> Prepared)?) -> (Result<NewsDocument, Runner.Failure>, Prepared?) {
        let r = Runner.process(item, with: pipeline)
        if let prepare, case .success(let doc) = r { return (r, prepare(doc)) }
        return (r, nil)
    }

    /// Queues one input item; runs a batch when enough are queued.
    func submit(_ item: InputItem) {
        if jobs == 1 { let (r, b) = Self.work(item, pipeline, prepare); deliver(r, b); return }
        pending.append(item)
        if pending.count >= batchSize { flush() }
    }

    /// Runs and delivers everything queued.
    func flush() {
        guard !pending.isEmpty else { return }
        let items = pending
        pending.removeAll(keepingCapacity: true)
        if jobs == 1 {
            for item in items { let (r, b) = Self.work(item, pipeline, prepare); deliver(r, b) }
            return
        }
        let results = UnsafeMutableBufferPointer<(Result<NewsDocument, Runner.Failure>, Prepared?)?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        let pipeline = self.pipeline
        let prepare = self.prepare
        nonisolated(unsafe) let out = results
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            while true {
                let i = next.increment()
                if i >= items.count { break }
                out[i] = Self.work(items[i], pipeline, prepare)
            }
        }
        for r in results { deliver(r!.0, r!.1) }
    }
}

/// An atomic counter (a lock-protected integer; contention is one increment per document).
final class Counter: @unchecked Sendable {
    private var value = -1
    private let lock = DispatchSemaphore(value: 1)
    func increment() -> Int {
        lock.wait()
        defer { lock.signal() }
        value += 1
        return value
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
#if canImport(Glibc)
import Glibc
#endif
