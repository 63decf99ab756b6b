import CZlib
#if canImport(Glibc)
import Glibc
#endif

/// A running count of bytes, shared by the reader and a progress bar on one thread.
public final class ByteCounter: @unchecked Sendable {
    public var bytes: Int64 = 0
    public init() {}
}
