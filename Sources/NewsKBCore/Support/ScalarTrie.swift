/// How a trie compares scalars: as they are, with full-width ASCII and case folded, or as
/// names compare them (``NameFolder``: variants folded, quote marks transparent).
public enum ScalarFolding: Sendable {
    case exact
    case widthAndCase
    case names(NameFolder)

    /// The scalar as compared, or nil when it is transparent.
    @inline(__always)
    func apply(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch self {
        case .exact: return s
        case .widthAndCase: return Scalars.foldWidthAndCase(s)
        case .names(let folder): return folder.fold(s)
        }
    }
}

/// A trie over Unicode scalars for longest-match lookups of lexicon words at an offset.
///
/// The folding applies to each scalar both when inserting and when matching; a scalar it
/// makes transparent (quote marks in names) is skipped inside a match.
/// Edges live in one open-addressing table keyed by (node, scalar), so a step costs a
/// multiplication and a probe or two: no per-node arrays, no reference counting.
public struct ScalarTrie<Payload: Sendable>: Sendable {
    /// One edge: its key (`node << 32 | scalar`, plus one so that 0 marks an empty slot) and
    /// the node it leads to, side by side so a probe touches one cache line.
    private struct Slot {
        var key: UInt64 = 0
        var next: Int32 = 0
    }
    private var slots = [Slot](repeating: Slot(), count: 64)
    private var edges = 0
    private var payloads: [Payload?] = [nil]
    /// Whether a word ends at each node: a byte per node, checked on every step without
    /// touching the payloads.
    private var terminal: [Bool] = [false]
    /// Folded first scalars of every word: most offsets start none, and this answers without a probe.
    private var firsts = ScalarSet([])
    /// One-scalar words' scalars, and a bitmap of hashed (first, second) scalar pairs of longer
    /// words: a common first character followed by the wrong second one is rejected in cache.
    private var singles = ScalarSet([])
    private var pairs = [UInt64](repeating: 0, count: 1024)
    private let folding: ScalarFolding

    public init(folding: ScalarFolding = .exact) {
        self.folding = folding
    }

    public var isEmpty: Bool { edges == 0 }

    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always)
    private static func pairBit(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int {
        Int(truncatingIfNeeded: ((UInt64(a.value) << 21 | UInt64(b.value)) &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    /// Whether some word may start with `a` then `b` (false positives possible, no false negatives).
    @inline(__always)
    private func mayStart(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        let bit = Self.pairBit(a, b)
        return pairs[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    @inline(__always)
    private func child(_ node: Int, _ scalar: UInt32) -> Int? {
        let key = (UInt64(node) << 32 | UInt64(scalar)) &+ 1
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var i = Self.slot(key, mask: mask)
            while true {
                let k = slots[i].key
                if k == key { return Int(slots[i].next) }
                if k == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    private mutating func addEdge(_ node: Int, _ scalar: UInt32, to next: Int) {
        if (edges + 1) * 2 > slots.count {
            let old = slots
            slots = [Slot](repeating: Slot(), count: old.count * 2)
            for slot in old where slot.key != 0 { place(slot) }
        }
        place(Slot(key: (UInt64(node) << 32 | UInt64(scalar)) &+ 1, next: Int32(next)))
        edges += 1
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var i = Self.slot(slot.key, mask: mask)
        while slots[i].key != 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    /// Adds `word`; an existing payload for the same folded word is kept unless `replace`.
    public mutating func insert<S: Sequence>(_ word: S, _ payload: Payload, replace: Bool = false) where S.Element == Unicode.Scalar {
        var node = 0
        var any = false
        var first: Unicode.Scalar? = nil, length = 0
        for s in word {
            guard let f = folding.apply(s) else { continue }
            if !any { firsts.insert(f); first = f }
            if length == 1, let a = first {
                let bit = Self.pairBit(a, f)
                pairs[bit >> 6] |= 1 << UInt64(bit & 63)
            }
            length += 1
            any = true
            if let next = child(node, f.value) {
                node = next
            } else {
                payloads.append(nil)
                terminal.append(false)
                let id = payloads.count - 1
                addEdge(node, f.value, to: id)
                node = id
            }
        }
        if length == 1, let a = first { singles.insert(a) }
        if any && (replace || payloads[node] == nil) {
            payloads[node] = payload
            terminal[node] = true
        }
    }

    /// The longest word starting at `start` (scanning at most to `limit`): its payload and end offset.
    /// Transparent scalars are skipped inside a match but never start or end one.
    public func longestMatch(in s: [Unicode.Scalar], at start: Int, limit: Int? = nil) -> (payload: Payload, end: Int)? {
        let lim = limit ?? s.count
        guard start < lim, let f0 = folding.apply(s[start]), firsts.contains(f0) else { return nil }
        if !singles.contains(f0) {
            // The next scalar that counts must pair with the first.
            var j = start + 1
            while j < lim, folding.apply(s[j]) == nil { j += 1 }
            guard j < lim, let f1 = folding.apply(s[j]), mayStart(f0, f1) else { return nil }
        }
        var node = 0
        var best = -1, bestEnd = 0
        var i = start
        while i < lim {
            guard let f = folding.apply(s[i]) else { i += 1; continue }
            guard let next = child(node, f.value) else { break }
            node = next
            i += 1
            if terminal[node] { best = node; bestEnd = i }
        }
        return best < 0 ? nil : (payload: payloads[best]!, end: bestEnd)
    }

    /// The longest word that ends exactly at `end` (for cue words written before a match).
    /// Needs a trie built from reversed words.
    public func longestMatchEnding(in s: [Unicode.Scalar], at end: Int, floor: Int = 0) -> (payload: Payload, start: Int)? {
        guard end >= 1, end - 1 >= floor, let f0 = folding.apply(s[end - 1]), firsts.contains(f0) else { return nil }
        if !singles.contains(f0) {
            // Matching runs backwards and stops at a transparent scalar.
            guard end - 2 >= floor, let f1 = folding.apply(s[end - 2]), mayStart(f0, f1) else { return nil }
        }
        var node = 0
        var best = -1, bestStart = 0
        var i = end - 1
        while i >= floor {
            guard let f = folding.apply(s[i]) else { break }
            guard let next = child(node, f.value) else { break }
            node = next
            if terminal[node] { best = node; bestStart = i }
            i -= 1
        }
        return best < 0 ? nil : (payload: payloads[best]!, start: bestStart)
    }
}
