import Foundation
import NewsKBCore
import Testing

@Suite("Decoding: every Chinese encoding read right, never silently garbled")
struct DecodingTests {
    static let sample = "香港特區政府撥款100億元，搭𨋢好唔方便係啱嘅。"

    func encode(_ s: String, _ charset: String) throws -> [UInt8] {
        // Python's codecs are the independent reference encoder.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sys; sys.stdout.buffer.write(sys.stdin.read().encode('\(charset)'))"]
        let inPipe = Pipe(), outPipe = Pipe()
        p.standardInput = inPipe
        p.standardOutput = outPipe
        try p.run()
        inPipe.fileHandleForWriting.write(Data(s.utf8))
        try inPipe.fileHandleForWriting.close()
        let data = outPipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Array(data)
    }

    @Test("UTF-8 with and without a byte order mark")
    func utf8() throws {
        let plain = try CharsetDecoder.decode(Array(Self.sample.utf8), declared: nil, html: false)
        #expect(plain.text == Self.sample && plain.charset == "UTF-8" && plain.replaced == 0)
        let bom = try CharsetDecoder.decode([0xEF, 0xBB, 0xBF] + Array(Self.sample.utf8), declared: nil, html: false)
        #expect(bom.text == Self.sample)
    }

    @Test("Big5-HKSCS detected without a declaration keeps HKSCS characters, 𨋢 included")
    func big5hkscs() throws {
        let r = try CharsetDecoder.decode(try encode(Self.sample, "big5hkscs"), declared: nil, html: false)
        #expect(r.text == Self.sample)
        #expect(r.charset == "Big5-HKSCS")
    }

    @Test("a page declared big5 is read as Big5-HKSCS")
    func big5Declared() throws {
        let html = "<html><head><meta charset=\"big5\"></head><body><p>\(Self.sample)</p></body></html>"
        let r = try CharsetDecoder.decode(try encode(html, "big5hkscs"), declared: nil, html: true)
        #expect(r.text.contains(Self.sample))
        #expect(r.replaced == 0)
    }

    @Test("a page declared gb2312 with GBK-only characters is read as GB18030")
    func gbk() throws {
        let text = "镕基与喆"   // 镕 and 喆 are outside GB2312
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>\(text)</body></html>"
        let r = try CharsetDecoder.decode(try encode(html, "gbk"), declared: nil, html: true)
        #expect(r.text.contains(text))
        #expect(r.charset == "GB18030")
    }

    @Test("Big5 and GB pages cut mid-character decode leniently in their own charset, within the configured share")
    func cutLegacyPages() throws {
        for charset in ["big5hkscs", "gbk"] {
            let sample = charset == "gbk" ? "香港特區政府撥款100億元，推行創新及科技計劃。" : Self.sample
            let html = "<html><head><meta charset=\"\(charset == "gbk" ? "gbk" : "big5")\"><title>創新科技署撥款</title></head><body>"
                + String(repeating: "<p>\(sample)</p>", count: 6) + "</body></html>"
            var bytes = try encode(html, charset)
            let lead = bytes.firstIndex { $0 >= 0x80 }!
            bytes[lead + 1] = 0x20                          // the title's first character loses its trail byte
            let r = try CharsetDecoder.decode(bytes, declared: nil, html: true)
            #expect(r.charset == (charset == "gbk" ? "GB18030" : "Big5-HKSCS"), "\(charset): \(r.charset)")
            #expect(r.replaced >= 1 && r.replaced <= 2)
            #expect(r.text.contains(sample))
            // With no invalid sequences allowed, the same page is refused.
            #expect(throws: NewsKBError.self) { try CharsetDecoder.decode(bytes, declared: nil, html: true, maxInvalidShare: 0) }
        }
    }

    @Test("a few invalid bytes become U+FFFD with a count; binary data and empty input are errors")
    func invalid() throws {
        var bytes = Array("香港新聞內容，撥款一百億元，其餘內容如常。".utf8)
        bytes.insert(0xFF, at: 6)
        let r = try CharsetDecoder.decode(bytes + Array(String(repeating: "新聞", count: 200).utf8), declared: nil, html: false)
        #expect(r.replaced >= 1)
        #expect(throws: NewsKBError.self) { try CharsetDecoder.decode([], declared: nil, html: false) }
        #expect(throws: NewsKBError.self) { try CharsetDecoder.decode([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2], declared: nil, html: false) }
    }
}

@Suite("SHA-256 content keys")
struct SHA256Tests {
    @Test("known digests, and the same digest however the bytes arrive")
    func digests() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        for length in [55, 56, 63, 64, 65, 1000] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            var hasher = SHA256()
            var i = 0
            for step in [1, 7, 64, 3].cycled(until: length) { hasher.update(bytes[i..<min(length, i + step)]); i = min(length, i + step) }
            #expect(hasher.finalize() == SHA256.hex(bytes), "length \(length)")
        }
    }
}

extension Array where Element == Int {
    /// The steps repeated until they add up to at least `total`.
    func cycled(until total: Int) -> [Int] {
        var out: [Int] = []
        var sum = 0
        while sum < total { for s in self where sum < total { out.append(s); sum += s } }
        return out
    }
}
