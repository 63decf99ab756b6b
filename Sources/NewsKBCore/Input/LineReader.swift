import CZlib
#if canImport(Glibc)
import Glibc
#endif

/// Reads lines (LF-terminated, CR stripped) from a byte stream, refusing lines over a limit.
public final class LineReader {
    private let stream: ByteStream
    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes from `start` up to here are known to hold no newline.
    private var scanned = 0
    private var eof = false
    public let maxLineBytes: Int

    public init(_ stream: ByteStream, maxLineBytes: Int) {
        self.stream = stream
        self.maxLineBytes = maxLineBytes
    }

    /// A line, or the length of one over the limit (skipped, never held).
    public enum Line {
        case line([UInt8])
        /// A line over the limit, skipped; its length so far.
        case tooLong(Int)
    }

    public func next() throws -> Line? {
        var skipping = 0
        while true {
            if let nl = buffer[max(start, scanned)...].firstIndex(of: 0x0A) {
                if skipping > 0 || nl - start > maxLineBytes {
                    let n = skipping + nl - start
                    start = nl + 1
                    scanned = start
                    compact()
                    return .tooLong(n)
                }
                var line = Array(buffer[start..<nl])
                start = nl + 1
                scanned = start
                compact()
                if line.last == 0x0D { line.removeLast() }
                return .line(line)
            }
            scanned = buffer.count
            if buffer.count - start > maxLineBytes {
                // Drop what we have of the over-long line and keep reading to its end.
                skipping += buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            }
            if eof {
                if start >= buffer.count { return skipping > 0 ? .tooLong(skipping) : nil }
                let line = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                scanned = 0
                return skipping > 0 || line.count > maxLineBytes ? .tooLong(skipping + line.count) : .line(line)
            }
            let chunk = try stream.read(max: 1 << 16)
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    /// Exactly `count` bytes (for WARC record blocks), or fewer at the end of the stream.
    public func bytes(_ count: Int) throws -> [UInt8] {
        while buffer.count - start < count, !eof {
            let chunk = try stream.read(max: max(1 << 16, min(count, 1 << 22)))
            if chunk.isEmpty { eof = true } else { buffer.append(contentsOf: chunk) }
        }
        let end = min(buffer.count, start + count)
        let out = Array(buffer[start..<end])
        start = end
        scanned = start
        compact()
        return out
    }

    /// Reads past `count` bytes without keeping them (a WARC record over the size limit);
    /// returns how many there were (fewer at the end of the stream). Memory stays one chunk.
    public func skip(_ count: Int) throws -> Int {
        var left = count
        let buffered = min(left, buffer.count - start)
        start += buffered
        left -= buffered
        scanned = start
        compact()
        while left > 0, !eof {
            let chunk = try stream.read(max: min(left, 1 << 16))
            if chunk.isEmpty { eof = true; break }
            if chunk.count > left {
                buffer.append(contentsOf: chunk[left...])
                left = 0
            } else {
                left -= chunk.count
            }
        }
        return count - left
    }

    /// Puts bytes back in front of what is still to be read.
    public func unread(_ bytes: [UInt8]) {
        buffer.replaceSubrange(0..<start, with: [])
        start = 0
        scanned = 0
        buffer.insert(contentsOf: bytes, at: 0)
    }

    private func compact() {
        if start > 1 << 20 || start == buffer.count {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
    }
}
