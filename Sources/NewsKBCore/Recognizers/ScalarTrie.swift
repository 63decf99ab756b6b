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

    /// The scalars of valid UTF-8 (as a `String` holds it) in one pass, calling `offset` with
    /// the byte offset where each starts.
    @inline(__always)
    public static func decode(utf8 b: UnsafeBufferPointer<UInt8>, offset: (Int) -> Void = { _ in }) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(b.count)
        var i = 0
        let n = b.count
        while i < n {
            offset(i)
            let c = b[i]
            var v = UInt32(c)
            if c < 0x80 {
                i += 1
            } else if c < 0xE0, i + 1 < n {
                v = UInt32(c & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F)
                i += 2
            } else if c < 0xF0, i + 2 < n {
                v = UInt32(c & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F)
                i += 3
            } else if i + 3 < n {
                v = UInt32(c & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F)
                i += 4
            } else {
                v = 0xFFFD
                i = n
            }
            out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return out
    }

    /// The scalars of a string, as an array.
    public static func array(_ s: String) -> [Unicode.Scalar] {
        var s = s
        return s.withUTF8 { decode(utf8: $0) }
    }

    /// Unicode White_Space, answered without a property lookup for the common cases.
    @inline(__always)
    public static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v < 0x2000 { return v == 0x85 || v == 0xA0 || v == 0x1680 }
        return v <= 0x3000 && s.properties.isWhitespace
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
