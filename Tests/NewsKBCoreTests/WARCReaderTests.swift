@testable import NewsKBCore
import Testing

@Suite("WARC reader")
struct WARCReaderTests {
    func record(_ id: String, _ body: String, type: String = "resource", http: Bool = false) -> [UInt8] {
        let block = Array(body.utf8)
        let contentType = http ? "application/http; msgtype=response" : "text/html; charset=utf-8"
        return Array("WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(id)>\r\nContent-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n".utf8)
            + block + Array("\r\n\r\n".utf8)
    }

    func read(_ bytes: [UInt8], limits: InputLimits = InputLimits()) throws -> [InputItem] {
        var items: [InputItem] = []
        try WARCReader(MemoryByteStream(bytes), file: InputFile(path: "c.warc", idBase: "c", origin: "/c.warc"), limits: limits)
            .read(defaultPublished: nil) { items.append($0) }
        return items
    }

    @Test("each page record is a document with its record id, its place in the file and the file's origin")
    func documents() throws {
        let items = try read(record("a", "<p>甲</p>") + record("m", "meta", type: "metadata") + record("b", "<p>乙</p>"))
        let docs = items.compactMap { if case .document(let d) = $0 { return d } else { return nil } }
        #expect(docs.map(\.id) == ["a", "b"])
        #expect(docs.map(\.location.record) == [1, 3] && docs.allSatisfy { $0.origin == "/c.warc" })
    }

    @Test("chunked HTTP bodies are joined, however many chunks (one pass, no copy per chunk)")
    func chunked() throws {
        let piece = "<p>撥款</p>"
        var body = ""
        for _ in 0..<20_000 { body += String(Array(piece.utf8).count, radix: 16) + "\r\n" + piece + "\r\n" }
        body += "0\r\n\r\n"
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n" + body
        let items = try read(record("big", http, type: "response", http: true))
        guard case .document(let d) = items.first else { Issue.record("no document: \(items)"); return }
        #expect(d.payload == Array(String(repeating: piece, count: 20_000).utf8))
    }

    @Test("a record over the document limit is an error naming the limit, and the next record is read")
    func oversize() throws {
        var limits = InputLimits()
        limits.maxDocumentBytes = 100
        let items = try read(record("big", String(repeating: "x", count: 500)) + record("small", "<p>甲</p>"), limits: limits)
        guard case .failure(let f) = items.first else { Issue.record("\(items)"); return }
        #expect(f.code == .warc && f.message.contains("--max-document-bytes") && f.location.record == 1)
        guard case .document(let d) = items.last else { Issue.record("\(items)"); return }
        #expect(d.id == "small")
    }
}
