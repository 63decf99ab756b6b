#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A JSON value written with sorted keys and no insignificant space, so the same
/// record always serialises to the same bytes.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// Serialises to one line of JSON.
    public func serialized() -> String {
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON as UTF-8 bytes.
    public func write(to out: inout [UInt8]) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): JSONValue.writeInt(i, to: &out)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                v.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            for (i, k) in o.keys.sorted().enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(k, to: &out)
                out.append(UInt8(ascii: ":"))
                o[k]!.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A decimal as JSON, exactly as written by `Decimal` (no exponent notation).
    /// `Decimal.description` costs microseconds and amounts repeat, so texts are memoised.
    public static func format(_ d: Decimal) -> String {
        if let known = decimalTexts.get(d) { return known }
        let text = d.description
        decimalTexts.put(d, text)
        return text
    }

    static let decimalTexts = SharedCache<Decimal, String>(limit: 50_000)

    /// Appends an integer's decimal digits.
    static func writeInt(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var v = value.magnitude
        var unit: UInt = 1
        while unit <= v / 10 { unit *= 10 }
        while unit > 0 {
            out.append(0x30 + UInt8(truncatingIfNeeded: v / unit))
            v %= unit
            unit /= 10
        }
    }

    /// Bytes a JSON string cannot hold as they are: `"`, `\`, control characters, and the
    /// lead byte 0xE2 of U+2028/U+2029 (checked further when met).
    private static let attention: [Bool] = (0..<256).map { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }

    /// Writes a JSON string from UTF-8, escaping quotes, backslashes, control characters and
    /// U+2028/U+2029; everything else is copied as it is.
    static func writeString(_ s: String, to out: inout [UInt8]) {
        if let done: Void = s.utf8.withContiguousStorageIfAvailable({ writeString(utf8: $0, to: &out) }) { return done }
        Array(s.utf8).withUnsafeBufferPointer { writeString(utf8: $0, to: &out) }
    }

    /// ``writeString(_:to:)`` for UTF-8 bytes already in memory.
    static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        attention.withUnsafeBufferPointer { attention in
            var runStart = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if !attention[Int(b)] { i += 1; continue }
                if b == 0xE2 {
                    guard i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else { i += 1; continue }
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                out.append(0x5C)
                switch b {
                case 0x22, 0x5C: out.append(b)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0xE2:
                    out.append(contentsOf: [UInt8(ascii: "u"), 0x32, 0x30, 0x32, bytes[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")])
                    i += 2
                default: out.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
                i += 1
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// An optional string: the string, or null.
    public static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
}
