/// Folding and keys for comparing names across scripts, widths and quote marks.
/// A class: tries and recognisers share one, and hot loops pass it without copying its tables.
public final class NameFolder: Sendable {
    /// Hong Kong variants folded to the standard Traditional character (衞 → 衛).
    let variants: [UInt32: Unicode.Scalar]
    /// The scalars that have a variant: most have none, and this answers without hashing.
    let hasVariant: ScalarSet

    public init(variants: [Unicode.Scalar: Unicode.Scalar] = [:]) {
        var v: [UInt32: Unicode.Scalar] = [:]
        for (a, b) in variants { v[a.value] = b }
        self.variants = v
        hasVariant = ScalarSet(variants.keys)
    }

    public convenience init(table: TSVTable) throws {
        let a = try table.column("variant"), b = try table.column("standard")
        var v: [Unicode.Scalar: Unicode.Scalar] = [:]
        for row in table.rows {
            if let x = table.cell(row, a).unicodeScalars.first, let y = table.cell(row, b).unicodeScalars.first { v[x] = y }
        }
        self.init(variants: v)
    }

    /// Quote marks, brackets around names, spaces and middle dots: transparent in names.
    public static let transparent = Punctuation.transparentInNames

    /// The scalar as names compare it, or nil when it does not count.
    @inline(__always)
    public func fold(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        if NameFolder.transparent.contains(s) { return nil }
        let w = Scalars.foldWidthAndCase(s)
        return hasVariant.contains(w) ? variants[w.value] ?? w : w
    }

    /// The scalar with a Hong Kong variant made standard (衞 → 衛), otherwise itself.
    @inline(__always)
    public func standard(_ u: Unicode.Scalar) -> Unicode.Scalar {
        hasVariant.contains(u) ? variants[u.value] ?? u : u
    }

    /// The name with Hong Kong variants made standard (醫務衞生局 → 醫務衛生局), otherwise as
    /// written: case, width and spacing kept, for a display name in the other script.
    public func standardised(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map(standard)))
    }

    /// The name without quote marks and spaces, otherwise as written.
    public func stripped(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.filter { !NameFolder.transparent.contains($0) }))
    }

    /// The folded string (Traditional side).
    public func folded(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars { if let f = fold(u) { out.append(f) } }
        return String(out)
    }

    /// The comparison key: folded, then Simplified. Equal keys mean the same written name.
    public func key(_ s: String) -> String {
        let f = folded(s)
        return NameFolder.simplified(f)
    }

    /// Hant-Hans of a folded name, memoised: names repeat across documents and ICU
    /// transliteration is the slowest step there is.
    public static func simplified(_ folded: String) -> String {
        if let hit = keyCache.get(folded) { return hit }
        let v = Transliterator.hantToHans?.apply(folded) ?? folded
        keyCache.put(folded, v)
        return v
    }

    static let keyCache = SharedCache<String, String>(limit: 100_000)
}
