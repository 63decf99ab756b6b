/// Reads publication dates from page metadata and datelines: ISO timestamps (with a time
/// zone, converted to Hong Kong time), `2024/6/20`, `2024.06.20`, `2024年6月20日（星期四）`,
/// `發布時間：2024-07-18 10:00`. Dates without a zone are taken as local (the papers' zone,
/// +08:00 in Hong Kong, the mainland, Taiwan and Macao: the HTML stage's `localUTCOffsetMinutes`).
public enum PageDate {
    /// The local offset news dates are given in when a timestamp carries another zone, unless
    /// the pipeline says otherwise.
    public static let defaultLocalOffsetMinutes = 8 * 60

    /// A metadata value: an ISO-like timestamp or any text holding one full date; a timestamp
    /// in another zone is moved to the local one (`localOffsetMinutes` east of UTC).
    public static func parse(_ value: String, localOffsetMinutes: Int = defaultLocalOffsetMinutes) -> CivilDate? {
        let s = Array(value.unicodeScalars)
        guard let (date, end) = date(in: s, at: firstDigit(s) ?? 0) else { return find(in: value) }
        // A time and a zone may follow: T12:48:06+00:00, 12:48Z.
        var i = end
        while i < s.count, s[i] == "T" || s[i] == " " { i += 1 }
        guard let (hour, minute, afterTime) = time(s, i) else { return date }
        var j = afterTime
        while j < s.count, s[j] == " " { j += 1 }
        guard j < s.count else { return date }
        var offset: Int? = nil
        if s[j] == "Z" { offset = 0 } else if s[j] == "+" || s[j] == "-", let h = number(s, j + 1, 2) {
            var k = h.end
            if k < s.count, s[k] == ":" { k += 1 }
            let m = number(s, k, 2)?.value ?? 0
            offset = (s[j] == "-" ? -1 : 1) * (h.value * 60 + m)
        }
        guard let off = offset else { return date }
        let minutes = hour * 60 + minute - off + localOffsetMinutes
        let dayShift = minutes < 0 ? -1 : (minutes >= 24 * 60 ? 1 : 0)
        return date.adding(days: dayShift)
    }

    /// The first full date (year, month and day) written in `text`.
    public static func find(in text: String) -> CivilDate? {
        let s = Array(text.unicodeScalars)
        var i = 0
        while i < s.count {
            if Scalars.digit(s[i]) != nil, i == 0 || Scalars.digit(s[i - 1]) == nil {
                if let (d, _) = date(in: s, at: i) { return d }
                if let d = dayMonthYear(s, i) { return d }
            }
            i += 1
        }
        return nil
    }

    /// 20/6/2024 (Hong Kong, day first) or 9/17/2004 (month first, when the day is over 12).
    static func dayMonthYear(_ s: [Unicode.Scalar], _ i: Int) -> CivilDate? {
        guard let a = number(s, i, 2), a.end < s.count, s[a.end] == "/", let b = number(s, a.end + 1, 2), b.end < s.count, s[b.end] == "/",
              let y = number(s, b.end + 1, 4), y.end - b.end - 1 == 4, (1990...2100).contains(y.value) else { return nil }
        if y.end < s.count, Scalars.digit(s[y.end]) != nil { return nil }
        if CivilDate.isValid(year: y.value, month: b.value, day: a.value) { return CivilDate(year: y.value, month: b.value, day: a.value) }
        if CivilDate.isValid(year: y.value, month: a.value, day: b.value) { return CivilDate(year: y.value, month: a.value, day: b.value) }
        return nil
    }

    /// A date in a URL path: /2005-03-21/, /2005/07/18/, /20040716/.
    public static func fromURL(_ url: String) -> CivilDate? {
        let s = Array(url.unicodeScalars)
        var i = 0
        while i < s.count {
            if s[i] == "/" || s[i] == "-" || s[i] == "_" {
                if let (d, end) = date(in: s, at: i + 1), end >= s.count || s[end] == "/" || s[end] == "-" || s[end] == "_" { return d }
                if let n = number(s, i + 1, 8), n.end - (i + 1) == 8, n.end < s.count, s[n.end] == "/" {
                    let v = n.value
                    if CivilDate.isValid(year: v / 10000, month: v / 100 % 100, day: v % 100), (1990...2100).contains(v / 10000) {
                        return CivilDate(year: v / 10000, month: v / 100 % 100, day: v % 100)
                    }
                }
            }
            i += 1
        }
        return nil
    }

    static func firstDigit(_ s: [Unicode.Scalar]) -> Int? { s.firstIndex { Scalars.digit($0) != nil } }

    static func number(_ s: [Unicode.Scalar], _ i: Int, _ maxDigits: Int) -> (value: Int, end: Int)? {
        Scalars.digitRun(s, at: i, max: maxDigits).map { ($0.value, $0.end) }
    }

    /// YYYY-M-D, YYYY/M/D, YYYY.M.D or YYYY年M月D日 at `i`.
    static func date(in s: [Unicode.Scalar], at i: Int) -> (CivilDate, Int)? {
        guard let y = number(s, i, 4), y.end - i == 4, (1990...2100).contains(y.value), y.end < s.count else { return nil }
        let sep = s[y.end]
        let chinese = sep == "年"
        guard chinese || sep == "-" || sep == "/" || sep == "." || sep == "－" || sep == "／" else { return nil }
        guard let m = number(s, y.end + 1, 2), m.end < s.count else { return nil }
        if chinese { guard s[m.end] == "月" else { return nil } } else { guard s[m.end] == sep else { return nil } }
        guard let d = number(s, m.end + 1, 2), CivilDate.isValid(year: y.value, month: m.value, day: d.value) else { return nil }
        var end = d.end
        if chinese { guard end < s.count, s[end] == "日" || s[end] == "號" || s[end] == "号" else { return nil }; end += 1 }
        // After 日 a time may follow directly (2004年7月16日08:19); after a numeric date, no digit.
        if !chinese, end < s.count, Scalars.digit(s[end]) != nil { return nil }
        return (CivilDate(year: y.value, month: m.value, day: d.value), end)
    }

    static func time(_ s: [Unicode.Scalar], _ i: Int) -> (Int, Int, Int)? {
        guard let h = number(s, i, 2), h.end < s.count, s[h.end] == ":", let m = number(s, h.end + 1, 2), h.value < 24, m.value < 60 else { return nil }
        var end = m.end
        if end < s.count, s[end] == ":", let sec = number(s, end + 1, 2) { end = sec.end }
        if end < s.count, s[end] == "." { end += 1; while end < s.count, Scalars.digit(s[end]) != nil { end += 1 } }
        return (h.value, m.value, end)
    }
}
