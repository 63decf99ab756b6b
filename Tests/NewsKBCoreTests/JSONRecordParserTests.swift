import Foundation
import NewsKBCore
import Testing

@Suite("JSONL records: read as strictly as a JSON parser would")
struct JSONRecordParserTests {
    /// Lines a JSON parser accepts or rejects, and what the record parser must make of them.
    static let lines: [String] = [
        #"{"id":"a","text":"撥款100億元"}"#,
        #"  {"id" : "a" , "text" : "x" }  "#,
        #"{}"#,
        #"{"text":"引號\"反斜線\\斜線\/換行\n\t\b\f\r"}"#,
        #"{"text":"\u9999\u6e2f \ud83d\ude00 \u00e9"}"#,
        #"{"text":"x","n":-0.5e+10,"m":0,"z":[],"o":{},"t":true,"f":false,"a":[1,"s",{"k":[null]}]}"#,
        #"{"id":null,"text":"x"}"#,
        #"{"text":"a","text":"b"}"#,
        #"{"text":"x",}"#,
        #"{"text":"x""#,
        #"{"text":"x"} extra"#,
        #"["text"]"#,
        #"{"text":'x'}"#,
        #"{"text":"\x"}"#,
        #"{"text":"\u12"}"#,
        #"{"n":01}"#,
        #"{"n":1.}"#,
        #"{"n":.5}"#,
        #"{"n":-}"#,
        #"{"t":tru}"#,
        "{\"text\":\"tab\there\"}",
        #"{"a":[1,2,]}"#,
        #"{"a":[1 2]}"#,
        #"{text:"x"}"#,
        "",
        "   ",
    ]

    @Test("a lone surrogate escape (a title cut mid-emoji) is read as U+FFFD and counted, where Foundation refuses the line")
    func loneSurrogates() throws {
        for (line, text) in [(#"{"text":"a\ud800b"}"#, "a\u{FFFD}b"), (#"{"text":"\udc00"}"#, "\u{FFFD}"),
                             (#"{"text":"\ud83d\u0041"}"#, "\u{FFFD}A"), (#"{"text":"\ud83d\ude00"}"#, "😀")] {
            let f = try JSONRecordParser.parse(Array(line.utf8))
            #expect(f.strings["text"] == text, "\(line)")
            #expect(f.loneSurrogates == (text == "😀" ? 0 : 1), "\(line)")
        }
    }

    @Test("a numeric field is kept as written, so a numeric id is an id")
    func numbers() throws {
        let f = try JSONRecordParser.parse(Array(#"{"id":42,"n":-1.5e3,"t":true}"#.utf8))
        #expect(f.numbers == ["id": "42", "n": "-1.5e3"] && f.others == ["id", "n", "t"])
    }

    @Test("accepts exactly the lines Foundation's JSON reader accepts as an object, with the same strings", arguments: lines)
    func agreesWithFoundation(_ line: String) throws {
        let bytes = Array(line.utf8)
        let reference = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        let ours = try? JSONRecordParser.parse(bytes)
        #expect((reference != nil) == (ours != nil), "accepted by Foundation: \(reference != nil)")
        if let reference, let ours {
            for (key, value) in reference {
                if let s = value as? String { #expect(ours.strings[key] == s, "\(key)") }
                else if value is NSNull { #expect(ours.strings[key] == nil && !ours.others.contains(key), "\(key)") }
                else { #expect(ours.others.contains(key), "\(key)") }
            }
        }
    }

    @Test("invalid UTF-8 inside a string is an error, not a repaired string")
    func invalidUTF8() {
        let bytes = Array(#"{"text":""#.utf8) + [0xE9, 0x99] + Array(#""}"#.utf8)
        #expect(throws: JSONRecordParser.Failure.self) { try JSONRecordParser.parse(bytes) }
    }

    @Test("deep nesting is refused, not a stack overflow")
    func deepNesting() {
        let bytes = Array(("{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}").utf8)
        #expect(throws: JSONRecordParser.Failure.self) { try JSONRecordParser.parse(bytes) }
    }
}
