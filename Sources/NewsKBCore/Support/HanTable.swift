/// A map of the BMP's Han characters (U+3400 to U+FAFF) to other characters, one to one, as a
/// flat array: a lookup is an index, not a hash, for maps that run over every character of a text.
struct HanTable: Sendable {
    static let range: ClosedRange<UInt32> = 0x3400...0xFAFF
    private var slots = [UInt32](repeating: 0, count: Int(range.upperBound - range.lowerBound + 1))

    /// The pairs (from, to) whose `from` lies in ``range``; others are left out.
    init(_ pairs: some Sequence<(UInt32, UInt32)>) {
        for (from, to) in pairs where Self.range.contains(from) {
            slots[Int(from - Self.range.lowerBound)] = to
        }
    }

    /// What `u` maps to; nil when it maps to itself or lies outside ``range``.
    @inline(__always)
    func mapped(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        let v = u.value
        guard Self.range.contains(v) else { return nil }
        let m = slots[Int(v - Self.range.lowerBound)]
        return m == 0 ? nil : Unicode.Scalar(m)
    }
}
