import CICU

/// UTF-16 units of a scalar sequence with a map back to code-point offsets.
struct UTF16Map {
    var units: [UInt16] = []
    /// Code-point offset for each UTF-16 unit index (count + 1 entries); empty while every
    /// scalar is in the BMP, where unit and code-point offsets are the same.
    private var scalarAt: [Int32] = []

    init<C: Collection>(_ scalars: C) where C.Element == Unicode.Scalar {
        units.reserveCapacity(scalars.count)
        var i: Int32 = 0
        for s in scalars {
            if s.value > 0xFFFF {
                if scalarAt.isEmpty { scalarAt = (0..<Int32(units.count)).map { $0 } }
                for u in UTF16.encode(s)! { units.append(u); scalarAt.append(i) }
            } else {
                units.append(UInt16(truncatingIfNeeded: s.value))
                if !scalarAt.isEmpty { scalarAt.append(i) }
            }
            i += 1
        }
        if !scalarAt.isEmpty { scalarAt.append(i) }
    }

    func scalarOffset(ofUnit u: Int) -> Int { scalarAt.isEmpty ? u : Int(scalarAt[min(u, scalarAt.count - 1)]) }
}
