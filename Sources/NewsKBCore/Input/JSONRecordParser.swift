/// Reads one JSONL input record: a JSON object. Fields holding strings are returned;
/// fields holding anything else are checked and left out. A line that is not one
/// well-formed JSON object (RFC 8259, UTF-8; a trailing comma allowed, as Foundation's
/// reader allows it) is an error saying where it went wrong.
///
/// `JSONDecoder` builds a whole value tree and costs more per record than cleaning
/// the record's text; this reads the bytes once.
public enum JSONRecordParser {
    /// Why a line is not a record, and where in it.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public let message: String
        /// Byte offset in the line.
        public let offset: Int
        public var description: String { "\(message) at byte \(offset)" }
    }

    /// A record's fields: string values by key, and the keys whose value is something other
    /// than a string or null.
    public struct Fields {
        public var strings: [String: String] = [:]
        public var others: Set<String> = []
        /// Fields holding a number, as written (`"id": 42` → `42`).
        public var numbers: [String: String] = [:]
        /// `\u` escapes of lone surrogates, read as U+FFFD.
        public var loneSurrogates = 0
    }

    static let maxDepth = 512

    public static func parse(_ bytes: [UInt8]) throws(Failure) -> Fields {
        try bytes.withUnsafeBufferPointer { (b) throws(Failure) -> Fields in
            var r = Reader(b: b)
            r.skipSpace()
            guard r.peek == UInt8(ascii: "{") else { throw r.fail("a record must be a JSON object") }
            var fields = try r.object(depth: 0, keep: true)
            fields.loneSurrogates = r.loneSurrogates
            r.skipSpace()
            guard r.at == b.count else { throw r.fail("unexpected text after the object") }
            return fields
        }
    }

    struct Reader {
        let b: UnsafeBufferPointer<UInt8>
        var at = 0
        var loneSurrogates = 0

        var peek: UInt8? { at < b.count ? b[at] : nil }

        func fail(_ message: String) -> Failure { Failure(message: message, offset: at) }

        mutating func skipSpace() {
            while at < b.count, b[at] == 0x20 || b[at] == 0x0A || b[at] == 0x0D || b[at] == 0x09 { at += 1 }
        }

        mutating func expect(_ c: UInt8) throws(Failure) {
            guard peek == c else { throw fail("expected '\(Character(Unicode.Scalar(c)))'") }
            at += 1
        }

        /// Comma-separated elements up to the `close` bracket, after the opening one has been
        /// read. A trailing comma is accepted, as Foundation's JSON reader accepts it.
        mutating func elements(until close: UInt8, _ element: (inout Reader) throws(Failure) -> Void) throws(Failure) {
            while true {
                skipSpace()
                if peek == close { at += 1; return }
                try element(&self)
                skipSpace()
                guard let c = peek else { throw fail("unterminated \(close == UInt8(ascii: "}") ? "object" : "array")") }
                at += 1
                if c == close { return }
                guard c == UInt8(ascii: ",") else { at -= 1; throw fail("expected ',' or '\(Character(Unicode.Scalar(close)))'") }
            }
        }

        /// An object; with `keep`, its string fields are collected (the top level only).
        mutating func object(depth: Int, keep: Bool) throws(Failure) -> Fields {
            guard depth < JSONRecordParser.maxDepth else { throw fail("nested too deeply") }
            var fields = Fields()
            try expect(UInt8(ascii: "{"))
            try elements(until: UInt8(ascii: "}")) { (r: inout Reader) throws(Failure) in
                guard r.peek == UInt8(ascii: "\"") else { throw r.fail("expected a field name") }
                let key = try r.string()
                r.skipSpace()
                try r.expect(UInt8(ascii: ":"))
                r.skipSpace()
                if r.peek == UInt8(ascii: "\"") {
                    let value = try r.string()
                    if keep { fields.strings[key] = value; fields.others.remove(key) }
                } else if r.peek == UInt8(ascii: "n") {
                    // null: as if the field were absent.
                    try r.word("null")
                    if keep { fields.strings[key] = nil; fields.others.remove(key) }
                } else {
                    let start = r.at
                    try r.skipValue(depth: depth + 1)
                    if keep {
                        fields.others.insert(key)
                        fields.strings[key] = nil
                        if let c = r.b[start...].first, c == UInt8(ascii: "-") || (c >= 0x30 && c <= 0x39) {
                            fields.numbers[key] = String(decoding: UnsafeBufferPointer(rebasing: r.b[start..<r.at]), as: UTF8.self)
                        }
                    }
                }
            }
            return fields
        }

        mutating func skipValue(depth: Int) throws(Failure) {
            guard let c = peek else { throw fail("expected a value") }
            switch c {
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "{"): _ = try object(depth: depth, keep: false)
            case UInt8(ascii: "["):
                guard depth < JSONRecordParser.maxDepth else { throw fail("nested too deeply") }
                at += 1
                try elements(until: UInt8(ascii: "]")) { (r: inout Reader) throws(Failure) in try r.skipValue(depth: depth + 1) }
            case UInt8(ascii: "t"): try word("true")
            case UInt8(ascii: "f"): try word("false")
            case UInt8(ascii: "n"): try word("null")
            default: try number()
            }
        }

        mutating func word(_ w: StaticString) throws(Failure) {
            let n = w.utf8CodeUnitCount
            guard at + n <= b.count, (0..<n).allSatisfy({ b[at + $0] == w.utf8Start[$0] }) else { throw fail("not a JSON value") }
            at += n
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        mutating func number() throws(Failure) {
            let start = at
            func digits(_ r: inout Reader) -> Int {
                let s = r.at
                while r.at < r.b.count, r.b[r.at] >= 0x30, r.b[r.at] <= 0x39 { r.at += 1 }
                return r.at - s
            }
            if peek == UInt8(ascii: "-") { at += 1 }
            if peek == UInt8(ascii: "0") {
                at += 1
            } else if digits(&self) == 0 {
                at = start
                throw fail("not a JSON value")
            }
            if peek == UInt8(ascii: ".") {
                at += 1
                guard digits(&self) > 0 else { throw fail("a number needs digits after '.'") }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                at += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { at += 1 }
                guard digits(&self) > 0 else { throw fail("a number needs digits in its exponent") }
            }
        }

        /// A string, its escapes read; the bytes must be UTF-8.
        mutating func string() throws(Failure) -> String {
            try expect(UInt8(ascii: "\""))
            let start = at
            // Fast path: no escapes.
            while at < b.count, b[at] != UInt8(ascii: "\""), b[at] != UInt8(ascii: "\\"), b[at] >= 0x20 { at += 1 }
            if at < b.count, b[at] == UInt8(ascii: "\"") {
                guard let s = String(validating: UnsafeBufferPointer(rebasing: b[start..<at]), as: UTF8.self) else {
                    throw fail("a string is not valid UTF-8")
                }
                at += 1
                return s
            }
            var out = Array(b[start..<at])
            out.reserveCapacity(2 * (at - start) + 64)
            while true {
                // Copy the run up to the next quote, backslash or control character at once.
                let run = at
                while at < b.count, b[at] != UInt8(ascii: "\""), b[at] != UInt8(ascii: "\\"), b[at] >= 0x20 { at += 1 }
                if at > run { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[run..<at])) }
                guard at < b.count else { throw fail("unterminated string") }
                let c = b[at]
                if c == UInt8(ascii: "\"") { at += 1; break }
                if c < 0x20 { throw fail("a control character must be escaped in a string") }
                at += 1
                guard let e = peek else { throw fail("unterminated escape") }
                at += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var v = try hex4()
                    if (0xD800...0xDBFF).contains(v) {
                        // A high surrogate needs a low one next; alone (a title cut mid-emoji) it is U+FFFD.
                        let save = at
                        var low: UInt32? = nil
                        if peek == UInt8(ascii: "\\"), at + 1 < b.count, b[at + 1] == UInt8(ascii: "u") {
                            at += 2
                            let l = try hex4()
                            if (0xDC00...0xDFFF).contains(l) { low = l } else { at = save }
                        }
                        if let low { v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00) } else { v = 0xFFFD; loneSurrogates += 1 }
                    } else if (0xDC00...0xDFFF).contains(v) {
                        v = 0xFFFD
                        loneSurrogates += 1
                    }
                    UTF8.encode(Unicode.Scalar(v)!) { out.append($0) }
                default:
                    at -= 1
                    throw fail("an unknown escape in a string")
                }
            }
            guard let s = String(validating: out, as: UTF8.self) else { throw fail("a string is not valid UTF-8") }
            return s
        }

        mutating func hex4() throws(Failure) -> UInt32 {
            guard at + 4 <= b.count else { throw fail("a \\u escape needs four hex digits") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = b[at]
                let d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: throw fail("a \\u escape needs four hex digits")
                }
                v = v << 4 | d
                at += 1
            }
            return v
        }
    }
}
