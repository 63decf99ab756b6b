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
        /// `low` as an integer, when it is one that fits.
        public var integer: Int?

        public var isExact: Bool { !vague && !more }
    }

    static func chineseDigit(_ s: Unicode.Scalar) -> Int? {
        switch s {
        case "〇", "零", "０", "○", "◯": return 0   // ○ (a white circle) stands for zero in many papers: 二○○六年
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

    static func smallUnit(_ s: Unicode.Scalar) -> Int64? {
        switch s {
        case "十", "拾": return 10
        case "廿": return 20
        case "卅": return 30
        case "百", "佰": return 100
        case "千", "仟": return 1000
        default: return nil
        }
    }

    static func bigUnit(_ s: Unicode.Scalar) -> Int64? {
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
    @inline(__always)
    public static func isNumberPart(_ s: Unicode.Scalar) -> Bool { numberParts.contains(s) }

    /// Whether a number can start at `s`.
    @inline(__always)
    public static func canStart(_ s: Unicode.Scalar) -> Bool { numberStarts.contains(s) }

    /// The two classes above as bitmaps, computed once from the readers' own definitions
    /// (every number character is in the BMP).
    static let numberStarts = ScalarSet((0..<0x10000).lazy.compactMap(Unicode.Scalar.init).filter {
        Scalars.digit($0) != nil || chineseDigit($0) != nil || smallUnit($0) != nil || isVague($0)
    })
    static let numberParts = ScalarSet((0..<0x10000).lazy.compactMap(Unicode.Scalar.init).filter {
        numberStarts.contains($0) || bigUnit($0) != nil || isMore($0) || $0 == "," || $0 == "." || $0 == "，" || $0 == "．" || $0 == "·" || $0 == "點" || $0 == "点"
    })

    /// Scans a number at `i`; nil when none starts there.
    /// With `bareUnit`, a leading 萬 or 億 counts as one of it (逾億元, 近萬元: the caller has seen a hedge before it).
    public static func scan(_ s: [Unicode.Scalar], at i: Int, limit: Int? = nil, bareUnit: Bool = false) -> Number? {
        let lim = min(limit ?? s.count, s.count)
        guard i < lim, canStart(s[i]) || (bareUnit && bigUnit(s[i]) != nil) else { return nil }
        if let pair = approximatePair(s, at: i, limit: lim) { return pair }
        // Fixed-point integers first; Decimal only for what they cannot hold.
        do {
            return try read(FixedPoint.self, s, at: i, limit: lim, bareUnit: bareUnit)
        } catch {
            return try? read(Decimal.self, s, at: i, limit: lim, bareUnit: bareUnit)
        }
    }

    /// Two neighbouring Chinese digits before a unit are an approximate range, not one
    /// number: 六七百 is six or seven hundred (600 to 700), 三四十萬 30萬 to 40萬; read as
    /// the number with the first digit and with the second.
    static func approximatePair(_ s: [Unicode.Scalar], at i: Int, limit lim: Int) -> Number? {
        if let listed = listedPair(s, at: i, limit: lim) { return listed }
        guard i + 2 < lim, let a = chineseDigit(s[i]), a >= 1, a <= 8, chineseDigit(s[i + 1]) == a + 1,
              smallUnit(s[i + 2]) != nil || bigUnit(s[i + 2]) != nil,
              i == 0 || chineseDigit(s[i - 1]) == nil && smallUnit(s[i - 1]) == nil else { return nil }
        return pair(s, first: i, second: i + 1, limit: lim, exactSecond: false)
    }

    /// The range from the number read with the digit at `first` to the number read with the
    /// digit at `second`, both followed by what comes after `second` (六七|百: 600 to 700).
    static func pair(_ s: [Unicode.Scalar], first: Int, second: Int, limit lim: Int, exactSecond: Bool) -> Number? {
        let rest = Array(s[(second + 1)..<lim])
        guard let low = scan([s[first]] + rest, at: 0), let high = scan([s[second]] + rest, at: 0), low.end == high.end, low.end > 1,
              !exactSecond || high.isExact else { return nil }
        var n = low
        n.high = high.high
        n.start = first
        n.end = second + low.end
        n.vague = true
        n.integer = nil
        return n
    }

    /// The same pair with 、 between its digits: 五、六百萬 and 5、600萬 are 500萬 to 600萬. The
    /// second digit is one more than the first and more of the number follows it; the first
    /// follows a Han character (so a list's 1、 opening a line is no part of 200萬).
    static func listedPair(_ s: [Unicode.Scalar], at i: Int, limit lim: Int) -> Number? {
        guard i + 3 < lim, s[i + 1] == "、", i > 0, Scalars.isHan(s[i - 1]) else { return nil }
        let arabic: Int? = Scalars.digit(s[i])
        guard let a = arabic ?? chineseDigit(s[i]), a >= 1, a <= 8,
              (arabic != nil ? Scalars.digit(s[i + 2]) : chineseDigit(s[i + 2])) == a + 1 else { return nil }
        return pair(s, first: i, second: i + 2, limit: lim, exactSecond: true)
    }

    enum Piece<Value> {
        /// Digits read as one value; `zeros`: trailing zeros of an Arabic integer (100 → 2), the step of 多.
        case digit(Value, arabic: Bool, single: Bool, zeros: Int?)
        case small(Int64), big(Int64), vague, more, zero
        /// The digits after 點 in Chinese numerals (一點五億: .5).
        case fraction(Value)
    }

    static func read<V: ScanArithmetic>(_: V.Type, _ s: [Unicode.Scalar], at i: Int, limit lim: Int, bareUnit: Bool) throws -> Number? {
        // Tokenise.
        var pieces: [(Piece<V>, Int)] = []   // piece and its end offset
        pieces.reserveCapacity(8)
        var j = i
        var arabicOnly = true
        while j < lim {
            let c = s[j]
            // 100 億元, 2 萬: a space some papers put between Arabic digits and the unit after them.
            if c == " ", case .digit(_, true, _, _)? = pieces.last?.0, j + 1 < lim, bigUnit(s[j + 1]) != nil {
                j += 1
                continue
            }
            if Scalars.digit(c) != nil {
                if case .digit? = pieces.last?.0 { break }
                guard let a: Arabic<V> = try arabic(s, j, limit: lim) else { break }
                pieces.append((.digit(a.value, arabic: true, single: a.singleDigit, zeros: a.zeros), a.end))
                j = a.end
                continue
            }
            if let d = chineseDigit(c) {
                arabicOnly = false
                if d == 0 {
                    // 零 between units is a place holder; in 二〇二四 it is a digit.
                    if case .digit(let prev, false, _, _)? = pieces.last?.0 {
                        pieces[pieces.count - 1] = (.digit(try prev.times(10), arabic: false, single: false, zeros: nil), j + 1)
                    } else {
                        pieces.append((.zero, j + 1))
                    }
                } else if case .digit(let prev, false, _, _)? = pieces.last?.0 {
                    pieces[pieces.count - 1] = (.digit(try prev.times(10).plus(V.integer(Int64(d))), arabic: false, single: false, zeros: nil), j + 1)
                } else {
                    pieces.append((.digit(try V.integer(Int64(d)), arabic: false, single: true, zeros: nil), j + 1))
                }
                j += 1
                continue
            }
            // 一點五億, 二十三點五: 點 and Chinese digits after a Chinese number are its decimal part;
            // only a big unit may follow them (十二點三十分 is a time, not 12.3).
            if c == "點" || c == "点", !arabicOnly, !pieces.isEmpty, j + 1 < lim, chineseDigit(s[j + 1]) != nil {
                var k = j + 1, places = 0
                var f = try V.integer(0)
                while k < lim, let d = chineseDigit(s[k]) {
                    places += 1
                    f = try f.plus(V.fraction(Int64(d), place: places))
                    k += 1
                }
                if k < lim, smallUnit(s[k]) != nil { break }
                pieces.append((.fraction(f), k))
                j = k
                continue
            }
            if let u = smallUnit(c) { arabicOnly = false; pieces.append((.small(u), j + 1)); j += 1; continue }
            if let u = bigUnit(c) {
                if pieces.isEmpty {
                    guard bareUnit, j == i else { break }
                    pieces.append((.digit(try V.integer(1), arabic: false, single: true, zeros: nil), j))
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
        guard let low = try evaluate(pieces, vagueDigit: 2, addMore: false),
              let high = try evaluate(pieces, vagueDigit: 9, addMore: true) else { return nil }
        var largest: Int64 = 1
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
        return Number(low: low.decimal, high: high.decimal, start: i, end: end, largestUnit: Decimal(largest), hasBigUnit: big,
                      vague: vague, more: more, arabicOnly: arabicOnly, integer: low.integer)
    }

    struct Arabic<V> {
        var value: V
        var end: Int
        var singleDigit: Bool
        /// Trailing zeros of an integer (100 → 2), for the step of 多; nil with a decimal part.
        var zeros: Int?
    }

    /// Reads an Arabic number (digits, `,` thousands groups, one decimal point) at `i`.
    static func arabic<V: ScanArithmetic>(_ s: [Unicode.Scalar], _ i: Int, limit: Int) throws -> Arabic<V>? {
        var j = i
        var value = try V.integer(0)
        var digits = 0
        var zeros = 0
        while j < limit {
            if let d = Scalars.digit(s[j]) {
                value = try value.times(10).plus(V.integer(Int64(d)))
                digits += 1
                zeros = d == 0 ? zeros + 1 : 0
                j += 1
                continue
            }
            // A thousands separator has exactly three digits after it.
            // (a full-width comma only between full-width digits: １，０００).
            if s[j] == "," || (s[j] == "，" && j > i && s[j - 1].value >= 0xFF10 && j + 1 < limit && s[j + 1].value >= 0xFF10), digits > 0,
               j + 3 < limit, Scalars.digit(s[j + 1]) != nil, Scalars.digit(s[j + 2]) != nil, Scalars.digit(s[j + 3]) != nil,
               !(j + 4 < limit && Scalars.digit(s[j + 4]) != nil) {
                j += 1
                continue
            }
            break
        }
        if digits == 0 { return nil }
        // Past Decimal's 38 digits a value would be rounded: such a number is not read at all.
        if digits > 38 { throw ScanOverflow() }
        var places = 0
        // A decimal point: ".", the full-width "．", or the middle dot some mainland papers set
        // between digits (每桶13·16美元).
        if j + 1 < limit, s[j] == "." || s[j] == "．" || s[j] == "·", Scalars.digit(s[j + 1]) != nil {
            j += 1
            while j < limit, let d = Scalars.digit(s[j]) {
                places += 1
                if digits + places > 38 { throw ScanOverflow() }
                value = try value.plus(V.fraction(Int64(d), place: places))
                j += 1
            }
        }
        return Arabic(value: value, end: j, singleDigit: places == 0 && digits == 1, zeros: places == 0 ? zeros : nil)
    }

    /// Evaluates the pieces: sections below 萬, 萬 groups, 億 and 兆 groups, the spoken
    /// shorthand `三千五` (a last single digit worth a tenth of the unit before it).
    static func evaluate<V: ScanArithmetic>(_ pieces: [(Piece<V>, Int)], vagueDigit: Int64, addMore: Bool) throws -> V? {
        let zero = try V.integer(0), one = try V.integer(1)
        var total = zero, wan = zero, section = zero
        var current: V? = nil
        var currentSingle = false
        var lastUnit: Int64? = nil
        var lastWasUnit = false
        var pendingMore: V? = nil
        var previous: Piece<V>? = nil
        for (p, _) in pieces {
            defer { previous = p }
            var afterTensWord = false   // the piece before was 廿 or 卅
            if case .small(let u)? = previous, u == 20 || u == 30 { afterTensWord = true }
            switch p {
            case .digit(let v, _, let single, let zeros):
                if let tens = current, afterTensWord, single {
                    // 廿五, 卅六: the digit after 廿 or 卅 is its ones (25, 36).
                    current = try tens.plus(v)
                    continue
                }
                if current != nil { return nil }
                current = v
                currentSingle = single && lastWasUnit
                lastWasUnit = false
                pendingMore = try zeros.map { try V.integer(try pow10($0)) } ?? one
            case .fraction(let f):
                current = try (current ?? zero).plus(f)
                currentSingle = false
                lastWasUnit = false
            case .vague:
                if current != nil { return nil }
                current = try V.integer(vagueDigit)
                currentSingle = false
                lastWasUnit = false
            case .zero:
                lastWasUnit = false
                lastUnit = nil
            case .small(let u):
                if u == 20 || u == 30 {
                    // 廿, 卅 are numbers in their own right.
                    if current != nil { return nil }
                    current = try V.integer(u)
                    continue
                }
                section = try section.plus((current ?? one).times(u))
                current = nil
                lastUnit = u
                lastWasUnit = true
                pendingMore = try V.integer(u)
            case .big(let u):
                if u == 10_000 {
                    var g = try section.plus(current ?? zero)
                    if g.isZero { g = one }
                    wan = try wan.plus(g.times(u))
                } else if u == 100_000_000 {
                    if lastWasUnit && lastUnit == u && current == nil {
                        // 億億 (10^16): the second 億 multiplies what the first made.
                        total = try total.times(u)
                    } else {
                        var g = try wan.plus(section).plus(current ?? zero)
                        if g.isZero { g = one }
                        total = try total.plus(g.times(u))
                    }
                    wan = zero
                } else {
                    var g = try total.plus(wan).plus(section).plus(current ?? zero)
                    if g.isZero { g = one }
                    total = try g.times(u)
                    wan = zero
                }
                section = zero
                current = nil
                lastUnit = u
                lastWasUnit = true
                pendingMore = try V.integer(u)
            case .more:
                if addMore, let step = pendingMore {
                    // 三十多億: one more step at the place the 多 follows.
                    if let c = current { current = try c.plus(step) } else if lastWasUnit {
                        if let u = lastUnit, u >= 10_000 {
                            if u == 10_000 { wan = try wan.plus(step) } else { total = try total.plus(step) }
                        } else { section = try section.plus(step) }
                    }
                }
            }
        }
        var tail = current ?? zero
        if let c = current, currentSingle, let u = lastUnit, u >= 100 { tail = try c.times(u / 10) }
        return try total.plus(wan).plus(section).plus(tail)
    }

    static func pow10(_ n: Int) throws -> Int64 {
        var v: Int64 = 1
        for _ in 0..<n {
            let (r, o) = v.multipliedReportingOverflow(by: 10)
            if o { throw ScanOverflow() }
            v = r
        }
        return v
    }
}
