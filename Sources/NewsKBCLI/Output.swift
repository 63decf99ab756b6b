import NewsKBCore
#if canImport(Glibc)
import Glibc
#endif

/// Buffered writing to standard output or a file descriptor, and one-line stderr messages.
final class LineWriter {
    private var buffer: [UInt8] = []
    private let fd: Int32

    init(fd: Int32 = 1) { self.fd = fd }

    func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes bytes already serialised (whole lines).
    func write(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes one JSON record as a line, serialising straight into the buffer.
    func write(_ record: JSONValue) {
        record.write(to: &buffer)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Why writing failed (the first error), if it did; later lines are dropped.
    private(set) var failure: String?

    /// Writes what is buffered. False once any write has failed (a full disk, a closed pipe).
    @discardableResult
    func flush() -> Bool {
        var off = 0
        while failure == nil && off < buffer.count {
            let n = buffer[off...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                failure = FileIO.lastError()
                break
            }
            off += n
        }
        buffer.removeAll(keepingCapacity: true)
        return failure == nil
    }

    deinit { flush() }
}
