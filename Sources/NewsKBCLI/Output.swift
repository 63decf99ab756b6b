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

    func flush() {
        var off = 0
        while off < buffer.count {
            let n = buffer[off...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; break }
            off += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}

enum Console {
    static func error(_ message: String) {
        let line = "newskb: " + message + "\n"
        _ = line.utf8CString.withUnsafeBufferPointer { Glibc.write(2, $0.baseAddress, $0.count - 1) }
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
