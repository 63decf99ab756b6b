import CZlib
#if canImport(Glibc)
import Glibc
#endif

/// A source of bytes read in chunks, so inputs are streamed, never loaded whole.
public protocol ByteStream: AnyObject {
    /// Up to `max` more bytes; empty at the end. Throws on a read or format error.
    func read(max: Int) throws -> [UInt8]
}

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

/// Inflates a gzip stream (several members in a row, as `cat a.gz b.gz` and WARC.gz make).
/// A stream that ends inside a member is an error, never a silent short read.
public final class GzipByteStream: ByteStream {
    private let source: ByteStream
    private var z = z_stream()
    private var input: [UInt8] = []
    private var inputOffset = 0
    private var finished = false
    private var inMember = false

    public init(_ source: ByteStream) throws {
        self.source = source
        let rc = inflateInit2_(&z, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        if rc != Z_OK { throw NewsKBError.input("gzip: cannot initialise zlib (\(rc))") }
    }

    deinit { inflateEnd(&z) }

    public func read(max: Int) throws -> [UInt8] {
        if finished { return [] }
        var out = [UInt8](repeating: 0, count: max)
        var produced = 0
        while produced == 0 {
            if inputOffset >= input.count {
                input = try source.read(max: 1 << 16)
                inputOffset = 0
                if input.isEmpty {
                    finished = true
                    if inMember { throw NewsKBError.input("gzip: truncated stream (ended inside a member)") }
                    return []
                }
            }
            if !inMember {
                // Between members: zero bytes are padding (tape blocks, some archivers), not data.
                while inputOffset < input.count && input[inputOffset] == 0 { inputOffset += 1 }
                if inputOffset >= input.count { continue }
            }
            let rc: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
                out.withUnsafeMutableBufferPointer { outBuf in
                    z.next_in = inBuf.baseAddress! + inputOffset
                    z.avail_in = UInt32(inBuf.count - inputOffset)
                    z.next_out = outBuf.baseAddress! + produced
                    z.avail_out = UInt32(outBuf.count - produced)
                    let rc = inflate(&z, Z_NO_FLUSH)
                    inputOffset = inBuf.count - Int(z.avail_in)
                    produced = outBuf.count - Int(z.avail_out)
                    return rc
                }
            }
            inMember = true
            switch rc {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                // Another member may follow.
                inMember = false
                inflateReset(&z)
            default:
                throw NewsKBError.input("gzip: corrupt data (zlib \(rc))")
            }
        }
        out.removeSubrange(produced...)
        return out
    }
}

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

/// A running count of bytes, shared by the reader and a progress bar on one thread.
public final class ByteCounter: @unchecked Sendable {
    public var bytes: Int64 = 0
    public init() {}
}
