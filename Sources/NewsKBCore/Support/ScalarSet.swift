/// A set of Unicode scalars with O(1) membership by bitmap for the BMP (no hashing in hot loops).
public struct ScalarSet: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)
    private var astral = Set<UInt32>()

    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for s in scalars { insert(s) }
    }

    public mutating func insert(_ s: Unicode.Scalar) {
        let v = s.value
        if v < 65536 { bits[Int(v >> 6)] |= 1 << UInt64(v & 63) } else { astral.insert(v) }
    }

    @inline(__always)
    public func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 65536 { return bits[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
        return astral.contains(v)
    }
}
