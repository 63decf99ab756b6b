/// Time spent in each stage, summed over documents (for `newskb bench`).
public final class StageTimings: @unchecked Sendable {
    public private(set) var names: [String] = []
    public private(set) var nanoseconds: [UInt64] = []
    private let lock = Lock()

    public init() {}


    func add(stage: Int, name: String, nanoseconds ns: UInt64) {
        lock.withLock {
            while names.count <= stage { names.append(""); nanoseconds.append(0) }
            names[stage] = name
            nanoseconds[stage] += ns
        }
    }
}
