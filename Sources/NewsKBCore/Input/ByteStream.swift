import CZlib
#if canImport(Glibc)
import Glibc
#endif

/// A source of bytes read in chunks, so inputs are streamed, never loaded whole.
public protocol ByteStream: AnyObject {
    /// Up to `max` more bytes; empty at the end. Throws on a read or format error.
    func read(max: Int) throws -> [UInt8]
}
