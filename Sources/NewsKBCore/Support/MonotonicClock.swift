#if canImport(Glibc)
import Glibc
#endif

/// The monotonic clock, in nanoseconds: for stage timings, lock waits and progress.
public enum MonotonicClock {
    public static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
