import CZlib
#if canImport(Glibc)
import Glibc
#endif

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
