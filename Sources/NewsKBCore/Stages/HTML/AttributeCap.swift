/// Caps the attributes of each start tag before libxml2 sees the page: its duplicate check
/// is quadratic in one element's attributes, so a tag with tens of thousands of them took
/// seconds. Real tags have a handful; past the cap the rest of the tag is dropped (its
/// content, after `>`, is kept). Linear in the page; the page is copied only when a tag is over.
enum AttributeCap {
    /// The page's bytes with no start tag holding more than `max` attributes, and how many tags were cut.
    static func apply(_ b: [UInt8], max: Int) -> (bytes: [UInt8], cut: Int) {
        var out: [UInt8]? = nil
        var cut = 0
        var i = 0
        var copiedTo = 0
        let n = b.count
        while i < n {
            guard b[i] == UInt8(ascii: "<"), i + 1 < n, isLetter(b[i + 1]) else { i += 1; continue }
            // A start tag: count attribute names outside quotes until its '>'.
            var j = i + 1
            while j < n, !isSpace(b[j]), b[j] != UInt8(ascii: ">") { j += 1 }
            var count = 0
            var quote: UInt8 = 0
            var inName = false
            var cutAt: Int? = nil
            while j < n {
                let c = b[j]
                if quote != 0 {
                    if c == quote { quote = 0 }
                } else if c == UInt8(ascii: ">") {
                    break
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                    inName = false
                } else if isSpace(c) || c == UInt8(ascii: "=") || c == UInt8(ascii: "/") {
                    inName = false
                } else if !inName {
                    inName = true
                    // A name starts after a space (or a closed quote), not inside an unquoted value.
                    let prev = b[j - 1]
                    if isSpace(prev) || prev == UInt8(ascii: "\"") || prev == UInt8(ascii: "'") || prev == UInt8(ascii: "/") {
                        count += 1
                        if count > max && cutAt == nil { cutAt = j }
                    }
                }
                j += 1
            }
            if let at = cutAt {
                if out == nil { out = []; out!.reserveCapacity(n) }
                out!.append(contentsOf: b[copiedTo..<at])
                copiedTo = j          // resume at the tag's '>' (or the end)
                cut += 1
            }
            i = j
        }
        guard var result = out else { return (b, 0) }
        result.append(contentsOf: b[copiedTo...])
        return (result, cut)
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
}
