/// A trie over Unicode scalars for longest-match lookups of lexicon words at an offset.
///
/// `fold` maps each scalar before comparison (both when inserting and when matching);
/// returning nil makes a scalar transparent inside a match (quote marks in names).
public struct ScalarTrie<Payload: Sendable>: Sendable {
    /// Each node's children as parallel sorted arrays (binary search; no hashing in lookups).
    private var keys: [[UInt32]] = [[]]
    private var nexts: [[Int32]] = [[]]
    private var payloads: [Payload?] = [nil]
    /// Folded first scalars of every word: most offsets start none, and this answers without hashing.
    private var firsts = ScalarSet([])
    private let fold: @Sendable (Unicode.Scalar) -> Unicode.Scalar?

    public init(fold: @escaping @Sendable (Unicode.Scalar) -> Unicode.Scalar? = { $0 }) {
        self.fold = fold
    }

    public var isEmpty: Bool { keys[0].isEmpty }

    @inline(__always)
    private func child(_ node: Int, _ key: UInt32) -> Int? {
        let ks = keys[node]
        var lo = 0, hi = ks.count - 1
        while lo <= hi {
            let mid = (lo + hi) >> 1
            let k = ks[mid]
            if k == key { return Int(nexts[node][mid]) }
            if k < key { lo = mid + 1 } else { hi = mid - 1 }
        }
        return nil
    }

    /// Adds `word`; an existing payload for the same folded word is kept unless `replace`.
    public mutating func insert<S: Sequence>(_ word: S, _ payload: Payload, replace: Bool = false) where S.Element == Unicode.Scalar {
        var node = 0
        var any = false
        for s in word {
            guard let f = fold(s) else { continue }
            if !any { firsts.insert(f) }
            any = true
            if let next = child(node, f.value) {
                node = next
            } else {
                keys.append([])
                nexts.append([])
                payloads.append(nil)
                let id = Int32(keys.count - 1)
                let at = keys[node].firstIndex { $0 > f.value } ?? keys[node].count
                keys[node].insert(f.value, at: at)
                nexts[node].insert(id, at: at)
                node = Int(id)
            }
        }
        if any && (replace || payloads[node] == nil) { payloads[node] = payload }
    }

    /// The longest word starting at `start` (scanning at most to `limit`): its payload and end offset.
    /// Transparent scalars are skipped inside a match but never start or end one.
    public func longestMatch(in s: [Unicode.Scalar], at start: Int, limit: Int? = nil) -> (payload: Payload, end: Int)? {
        let lim = limit ?? s.count
        guard start < lim, let f0 = fold(s[start]), firsts.contains(f0) else { return nil }
        var node = 0
        var best: (Payload, Int)? = nil
        var i = start
        while i < lim {
            guard let f = fold(s[i]) else { i += 1; continue }
            guard let next = child(node, f.value) else { break }
            node = next
            i += 1
            if let p = payloads[node] { best = (p, i) }
        }
        return best.map { (payload: $0.0, end: $0.1) }
    }

    /// The longest word that ends exactly at `end` (for cue words written before a match).
    /// Needs a trie built from reversed words.
    public func longestMatchEnding(in s: [Unicode.Scalar], at end: Int, floor: Int = 0) -> (payload: Payload, start: Int)? {
        guard end >= 1, end - 1 >= floor, let f0 = fold(s[end - 1]), firsts.contains(f0) else { return nil }
        var node = 0
        var best: (Payload, Int)? = nil
        var i = end - 1
        while i >= floor {
            guard let f = fold(s[i]) else { break }
            guard let next = child(node, f.value) else { break }
            node = next
            if let p = payloads[node] { best = (p, i) }
            i -= 1
        }
        return best.map { (payload: $0.0, start: $0.1) }
    }
}

/// Scalar classes the recognisers share.
public enum Scalars {
    /// 0-9 in ASCII or full width.
    @inline(__always)
    public static func digit(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x30...0x39: return Int(s.value - 0x30)
        case 0xFF10...0xFF19: return Int(s.value - 0xFF10)
        default: return nil
        }
    }

    /// Full-width ASCII forms folded to ASCII, ASCII letters lower-cased.
    @inline(__always)
    public static func foldWidthAndCase(_ s: Unicode.Scalar) -> Unicode.Scalar {
        var v = s.value
        if v >= 0xFF01 && v <= 0xFF5E { v -= 0xFEE0 }
        if v >= 0x41 && v <= 0x5A { v += 0x20 }
        return Unicode.Scalar(v) ?? s
    }

    @inline(__always)
    public static func isHan(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x20000...0x3134F).contains(v) || (0xF900...0xFAFF).contains(v)
    }

    @inline(__always)
    public static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        let v = foldWidthAndCase(s).value
        return v >= 0x61 && v <= 0x7A
    }
}

/// Word-token boundaries of a document, looked up by code-point offset.
public struct TokenBoundaries: Sendable {
    let flags: [Bool]
    public init(flags: [Bool]) { self.flags = flags }
    @inline(__always)
    public func contains(_ i: Int) -> Bool { i >= 0 && i < flags.count && flags[i] }
}

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
