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
    case decimal(Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
    /// An object whose keys are already in sorted order (records built by ``Records``).
    case fields([(String, JSONValue)])

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
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .decimal(let d): out.append(contentsOf: JSONValue.format(d).utf8)
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
        case .fields(let f):
            out.append(UInt8(ascii: "{"))
            for (i, kv) in f.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(kv.0, to: &out)
                out.append(UInt8(ascii: ":"))
                kv.1.write(to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A decimal as JSON, exactly as written by `Decimal` (no exponent notation).
    static func format(_ d: Decimal) -> String { d.description }

    /// Writes a JSON string from UTF-8, escaping quotes, backslashes, control characters and
    /// U+2028/U+2029; everything else is copied as it is.
    static func writeString(_ s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            var runStart = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                var escape: [UInt8]? = nil
                var width = 1
                if b == 0x22 { escape = [0x5C, 0x22] }
                else if b == 0x5C { escape = [0x5C, 0x5C] }
                else if b < 0x20 {
                    switch b {
                    case 0x0A: escape = [0x5C, UInt8(ascii: "n")]
                    case 0x0D: escape = [0x5C, UInt8(ascii: "r")]
                    case 0x09: escape = [0x5C, UInt8(ascii: "t")]
                    default: escape = [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
                    }
                } else if b == 0xE2, i + 2 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                    escape = Array("\\u202".utf8) + [bytes[i + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")]
                    width = 3
                }
                if let e = escape {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    out.append(contentsOf: e)
                    i += width
                    runStart = i
                } else {
                    i += 1
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<n]))
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Optional helpers.
    public static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
    public static func decimal(_ d: Decimal?) -> JSONValue { d.map { .decimal($0) } ?? .null }
}
