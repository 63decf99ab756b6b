import CZlib
#if canImport(Glibc)
import Glibc
#endif

/// A file read through a descriptor, hashed as it is read when asked to.
public final class FileByteStream: ByteStream {
    private let fd: Int32
    private var hasher: SHA256?
    private var atEnd = false

    /// SHA-256 of the file's bytes, once it has been read to the end (nil before, or when not hashing).
    public var digest: String? {
        guard atEnd, var h = hasher else { return nil }
        return h.finalize()
    }

    /// Counts the bytes read, for progress.
    public var counter: ByteCounter?

    /// Opens a regular file. A FIFO, device or socket is refused without blocking on it.
    public init(path: String, hashing: Bool = false) throws {
        hasher = hashing ? SHA256() : nil
        fd = open(path, O_RDONLY | O_NONBLOCK)
        if fd < 0 { throw NewsKBError.input("\(path): cannot open: \(FileIO.lastError())") }
        var st = stat()
        if fstat(fd, &st) != 0 || (st.st_mode & S_IFMT) != S_IFREG {
            close(fd)
            throw NewsKBError.input("\(path): not a regular file")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
    }

    deinit { close(fd) }

    public func read(max: Int) throws -> [UInt8] {
        var buf = [UInt8](repeating: 0, count: max)
        while true {
            let n = buf.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw NewsKBError.input("read failed: \(FileIO.lastError())")
            }
            buf.removeSubrange(n...)
            if n == 0 { atEnd = true } else { hasher?.update(buf); counter?.bytes += Int64(n) }
            return buf
        }
    }
}
