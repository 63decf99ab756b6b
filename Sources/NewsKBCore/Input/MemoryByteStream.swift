import CZlib
#if canImport(Glibc)
import Glibc
#endif

/// Bytes held in memory (stdin lines, WARC payloads, tests).
public final class MemoryByteStream: ByteStream {
    private let bytes: [UInt8]
    private var at = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public func read(max: Int) throws -> [UInt8] {
        let end = min(bytes.count, at + max)
        defer { at = end }
        return Array(bytes[at..<end])
    }
}
