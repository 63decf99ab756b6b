#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads numbers as Chinese news writes them: Arabic with thousands separators and
/// decimals, full-width digits, Chinese numerals, and mixtures (`3億7千萬`, `1萬5千`,
/// `二千億`, `百億`, `1,000萬`), with vague digits (`數十億`) and `多` (`三十多億`).
public enum NumberScanner {
    /// A number found at an offset.
    public struct Number: Sendable, Equatable {
        /// The value read with vague digits as 2 and `多` ignored.
        public var low: Decimal
        /// The value with vague digits as 9 and `多` as one more step; equals `low` when exact.
        public var high: Decimal
        public var start: Int
        public var end: Int
        /// The largest multiplier the number used (1, 10, …, 1e8, 1e12).
        public var largestUnit: Decimal
        /// Whether a 萬, 億 or 兆 appeared.
        public var hasBigUnit: Bool
        /// Whether the number had a vague digit (數, 幾).
        public var vague: Bool
        /// Whether the number had a trailing 多/餘 ("more than").
        public var more: Bool
        /// Whether the number was written only with Arabic digits.
        public var arabicOnly: Bool

        public var isExact: Bool { !vague && !more }
    }

    enum Piece { case digit(Decimal, arabic: Bool, single: Bool), small(Decimal), big(Decimal), vague, more, zero }

    static func chineseDigit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "〇", "零", "０": return 0
        case "一", "壹", "弌": return 1
        case "二", "兩", "两", "貳", "贰", "弍": return 2
        case "三", "參", "叁", "弎": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陸", "陆": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        default: return nil
        }
    }

    static func smallUnit(_ s: Unicode.Scalar) -> Decimal? {
        switch s {
        case "十", "拾": return 10
        case "廿": return 20
        case "卅": return 30
        case "百", "佰": return 100
        case "千", "仟": return 1000
        default: return nil
        }
    }

    static func bigUnit(_ s: Unicode.Scalar) -> Decimal? {
        switch s {
        case "萬", "万": return 10_000
        case "億", "亿": return 100_000_000
        case "兆": return 1_000_000_000_000
        default: return nil
        }
    }

    static func isVague(_ s: Unicode.Scalar) -> Bool { s == "數" || s == "数" || s == "幾" || s == "几" }
    static func isMore(_ s: Unicode.Scalar) -> Bool { s == "多" || s == "餘" || s == "余" }

    /// Whether `s` can stand inside a number (digits, numerals, units, separators, 多).
    public static func isNumberPart(_ s: Unicode.Scalar) -> Bool {
        canStart(s) || bigUnit(s) != nil || isMore(s) || s == "," || s == "." || s == "，" || s == "．"
    }

    /// Whether a number can start at `s`.
    public static func canStart(_ s: Unicode.Scalar) -> Bool {
        Scalars.digit(s) != nil || chineseDigit(s) != nil || smallUnit(s) != nil || isVague(s)
    }

    struct Arabic {
        var value: Decimal
        var end: Int
        var singleDigit: Bool
        /// Trailing zeros of an integer (100 → 2), for the step of 多.
        var zeros: Int
    }

    /// Reads an Arabic number (digits, `,` thousands groups, one decimal point) at `i`.
    static func arabic(_ s: [Unicode.Scalar], _ i: Int, limit: Int) -> Arabic? {
        var j = i
        var digits: [Int] = []
        var fraction: [Int] = []
        while j < limit {
            if let d = Scalars.digit(s[j]) { digits.append(d); j += 1; continue }
            // A thousands separator has exactly three digits after it.
            // (a full-width comma only between full-width digits: １，０００).
            if s[j] == "," || (s[j] == "，" && j > i && s[j - 1].value >= 0xFF10 && j + 1 < limit && s[j + 1].value >= 0xFF10), !digits.isEmpty, j + 3 < limit || j + 3 == limit - 0,
               (1...3).allSatisfy({ j + $0 < limit && Scalars.digit(s[j + $0]) != nil }),
               !(j + 4 < limit && Scalars.digit(s[j + 4]) != nil) {
                j += 1
                continue
            }
            break
        }
        if digits.isEmpty { return nil }
        if j + 1 < limit, s[j] == "." || s[j] == "．", Scalars.digit(s[j + 1]) != nil {
            j += 1
            while j < limit, let d = Scalars.digit(s[j]) { fraction.append(d); j += 1 }
        }
        var v: Decimal
        if digits.count + fraction.count <= 18 {
            // One conversion from an integer instead of a Decimal operation per digit.
            var n = 0
            for d in digits { n = n * 10 + d }
            for d in fraction { n = n * 10 + d }
            v = fraction.isEmpty ? Decimal(n) : Decimal(sign: .plus, exponent: -fraction.count, significand: Decimal(n))
        } else {
            v = Decimal(0)
            for d in digits { v = v * 10 + Decimal(d) }
            var scale = Decimal(1)
            for d in fraction { scale = scale / 10; v += Decimal(d) * scale }
        }
        var zeros = 0
        if fraction.isEmpty { for d in digits.reversed() { if d == 0 { zeros += 1 } else { break } } }
        return Arabic(value: v, end: j, singleDigit: fraction.isEmpty && digits.count == 1, zeros: zeros)
    }

    /// Scans a number at `i`; nil when none starts there.
    /// With `bareUnit`, a leading 萬 or 億 counts as one of it (逾億元, 近萬元: the caller has seen a hedge before it).
    public static func scan(_ s: [Unicode.Scalar], at i: Int, limit: Int? = nil, bareUnit: Bool = false) -> Number? {
        let lim = min(limit ?? s.count, s.count)
        guard i < lim, canStart(s[i]) || (bareUnit && bigUnit(s[i]) != nil) else { return nil }
        // Tokenise.
        var pieces: [(Piece, Int)] = []   // piece and its end offset
        var j = i
        var arabicOnly = true
        var arabicZeros: [Int: Int] = [:] // piece index -> trailing zeros of an Arabic integer
        while j < lim {
            let c = s[j]
            if Scalars.digit(c) != nil {
                if case .digit? = pieces.last?.0 { break }
                guard let a = arabic(s, j, limit: lim) else { break }
                arabicZeros[pieces.count] = a.zeros
                pieces.append((.digit(a.value, arabic: true, single: a.singleDigit), a.end))
                j = a.end
                continue
            }
            if let d = chineseDigit(c) {
                arabicOnly = false
                if d == 0 {
                    // 零 between units is a place holder; in 二〇二四 it is a digit.
                    if case .digit(let prev, false, _)? = pieces.last?.0 {
                        pieces[pieces.count - 1] = (.digit(prev * 10, arabic: false, single: false), j + 1)
                    } else {
                        pieces.append((.zero, j + 1))
                    }
                } else if case .digit(let prev, false, _)? = pieces.last?.0 {
                    pieces[pieces.count - 1] = (.digit(prev * 10 + Decimal(d), arabic: false, single: false), j + 1)
                } else {
                    pieces.append((.digit(Decimal(d), arabic: false, single: true), j + 1))
                }
                j += 1
                continue
            }
            if let u = smallUnit(c) { arabicOnly = false; pieces.append((.small(u), j + 1)); j += 1; continue }
            if let u = bigUnit(c) {
                if pieces.isEmpty {
                    guard bareUnit, j == i else { break }
                    pieces.append((.digit(1, arabic: false, single: true), j))
                    arabicOnly = false
                }
                arabicOnly = false
                pieces.append((.big(u), j + 1)); j += 1; continue
            }
            if isVague(c) {
                arabicOnly = false
                pieces.append((.vague, j + 1)); j += 1; continue
            }
            if isMore(c), !pieces.isEmpty, j + 1 <= lim {
                // 多 counts only when a unit or the end of the number follows; "多項" is not a number part.
                pieces.append((.more, j + 1)); j += 1; continue
            }
            break
        }
        // Trailing pieces that cannot end a number: 多 without a following unit is kept
        // (the caller checks what follows), a lone vague digit is dropped.
        while let last = pieces.last?.0, case .vague = last { pieces.removeLast() }
        while let last = pieces.last?.0, case .zero = last { pieces.removeLast() }
        guard !pieces.isEmpty else { return nil }
        let hasDigit = pieces.contains {
            switch $0.0 {
            case .digit, .small, .vague: return true
            default: return false
            }
        }
        guard hasDigit else { return nil }
        // A number must not begin with 多.
        if case .more = pieces[0].0 { return nil }
        let end = pieces.last!.1
        guard let low = evaluate(pieces.map(\.0), vagueDigit: 2, addMore: false, zeros: arabicZeros),
              let high = evaluate(pieces.map(\.0), vagueDigit: 9, addMore: true, zeros: arabicZeros) else { return nil }
        var largest = Decimal(1)
        var big = false
        var vague = false
        var more = false
        for (p, _) in pieces {
            switch p {
            case .small(let u): if u > largest { largest = u }
            case .big(let u): big = true; if u > largest { largest = u }
            case .vague: vague = true
            case .more: more = true
            default: break
            }
        }
        return Number(low: low, high: high, start: i, end: end, largestUnit: largest, hasBigUnit: big,
                      vague: vague, more: more, arabicOnly: arabicOnly)
    }

    /// Evaluates the pieces: sections below 萬, 萬 groups, 億 and 兆 groups, the spoken
    /// shorthand `三千五` (a last single digit worth a tenth of the unit before it).
    static func evaluate(_ pieces: [Piece], vagueDigit: Decimal, addMore: Bool, zeros: [Int: Int]) -> Decimal? {
        var total = Decimal(0), wan = Decimal(0), section = Decimal(0)
        var current: Decimal? = nil
        var currentSingle = false
        var lastUnit: Decimal? = nil
        var lastWasUnit = false
        var pendingMore: Decimal? = nil
        for (idx, p) in pieces.enumerated() {
            switch p {
            case .digit(let v, _, let single):
                if current != nil { return nil }
                current = v
                currentSingle = single && lastWasUnit
                lastWasUnit = false
                if let z = zeros[idx] { pendingMore = pow10(z) } else { pendingMore = 1 }
            case .vague:
                if current != nil { return nil }
                current = vagueDigit
                currentSingle = false
                lastWasUnit = false
            case .zero:
                lastWasUnit = false
                lastUnit = nil
            case .small(let u):
                if u == 20 || u == 30 {
                    // 廿, 卅 are numbers in their own right.
                    if current != nil { return nil }
                    current = u
                    continue
                }
                section += (current ?? 1) * u
                current = nil
                lastUnit = u
                lastWasUnit = true
                pendingMore = u
            case .big(let u):
                if u == 10_000 {
                    var g = section + (current ?? 0)
                    if g == 0 { g = 1 }
                    wan += g * u
                } else if u == 100_000_000 {
                    var g = wan + section + (current ?? 0)
                    if g == 0 { g = 1 }
                    total += g * u
                    wan = 0
                } else {
                    var g = total + wan + section + (current ?? 0)
                    if g == 0 { g = 1 }
                    total = g * u
                    wan = 0
                }
                section = 0
                current = nil
                lastUnit = u
                lastWasUnit = true
                pendingMore = u
            case .more:
                if addMore, let step = pendingMore {
                    // 三十多億: one more step at the place the 多 follows.
                    if current != nil { current! += step } else if lastWasUnit {
                        if let u = lastUnit, u >= 10_000 {
                            if u == 10_000 { wan += step } else { total += step }
                        } else { section += step }
                    }
                }
            }
        }
        var tail = current ?? 0
        if let c = current, currentSingle, let u = lastUnit, u >= 100 { tail = c * u / 10 }
        return total + wan + section + tail
    }

    static func pow10(_ n: Int) -> Decimal {
        var v = Decimal(1)
        for _ in 0..<n { v *= 10 }
        return v
    }
}

