#if canImport(Glibc)
import Glibc
#endif
import NewsKBCore

/// An exclusive lock on a knowledge base (`KB.lock` beside it), held while a run writes.
/// A second run waits up to a timeout, then gives up with exit code 75 (EX_TEMPFAIL).
final class KnowledgeBaseLock {
    private let fd: Int32

    /// Locks `kb`. The lock file sits beside the knowledge base's canonical path, so a
    /// symlink to it, or a second name for its folder, takes the same lock. A wait that is
    /// not finite waits for as long as it takes.
    init(kb: String, waitSeconds: Double) throws {
        let canonical = FileIO.canonical(kb)
            ?? FileIO.canonical(FileIO.directory(of: kb)).map { $0 + "/" + FileIO.baseName(kb) } ?? kb
        let path = canonical + ".lock"
        fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CLIError(message: "cannot open lock file \(path): \(FileIO.lastError())", code: 74) }
        let deadline = waitSeconds.isFinite ? MonotonicClock.now() + UInt64(max(0, min(waitSeconds, 1e9)) * 1e9) : UInt64.max
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno != EWOULDBLOCK && errno != EINTR {
                close(fd)
                throw CLIError(message: "cannot lock \(path): \(FileIO.lastError())", code: 74)
            }
            if MonotonicClock.now() >= deadline {
                close(fd)
                throw CLIError(message: "knowledge base \(kb) is locked by another run (waited \(Int(waitSeconds)) s); try again later", code: 75)
            }
            usleep(100_000)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
