import NewsKBCore
import NewsKBStore
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer entry point over the decoders, the archive readers, the JSONL record parser, the
/// recognisers, and the store and export: a document made from the input is stored in a
/// knowledge base and the whole base exported, and every exported line must be the JSON the
/// contract says. `make fuzz` builds it with `-sanitize=fuzzer,address -D FUZZING` and runs it
/// for a bounded time (run from the checkout: the pipeline is `pipelines/hk-news.json`).
enum Fuzz {
    static let pipeline: Pipeline = try! Pipeline.load("pipelines/hk-news.json")

    /// One knowledge base for the whole run, started afresh every few hundred inputs or
    /// every 8 MB of payload, so each export stays quick however large the inputs grow.
    nonisolated(unsafe) static var kb: KnowledgeBase?
    nonisolated(unsafe) static var stored = 0
    nonisolated(unsafe) static var storedBytes = 0
    static let kbPath = "out/fuzz-kb.sqlite"

    /// Stores `doc` and exports the knowledge base; every line must be a JSON object with a `kind`.
    static func storeAndExport(_ doc: NewsDocument) {
        if kb == nil || stored >= 300 || storedBytes > 8 << 20 {
            kb = nil
            for suffix in ["", "-wal", "-shm"] { _ = FileIO.exists(kbPath + suffix) ? unlinkFile(kbPath + suffix) : () }
            kb = try! KnowledgeBase(path: kbPath)
            stored = 0
            storedBytes = 0
        }
        guard let kb else { return }
        _ = try! kb.store(doc, pipeline: "fuzz@1")
        stored += 1
        storedBytes += doc.payload.count
        var lines = 0
        try! kb.export { line in
            precondition(line.hasPrefix("{\"") && line.hasSuffix("}") && line.contains("\"kind\":"), "export line is not a record: \(line.prefix(200))")
            precondition(!line.contains("\n"), "a record spans lines")
            lines += 1
        }
        precondition(lines > 0)
    }

    static func unlinkFile(_ path: String) { _ = path.withCString { remove($0) } }

    static func run(_ bytes: [UInt8]) {
        let selector = bytes.first ?? 0
        let body = Array(bytes.dropFirst())
        switch selector % 8 {
        case 0:
            _ = try? CharsetDecoder.decode(body, declared: nil, html: false)
        case 1, 2:
            var doc = NewsDocument(id: "f", source: "fuzz", format: selector % 8 == 1 ? .text : .html, payload: body,
                                   published: CivilDate(year: 2024, month: 6, day: 20))
            if (try? pipeline.run(&doc)) != nil {
                // Every span must lie inside the text.
                for m in doc.mentions { precondition(m.start >= 0 && m.start < m.end && m.end <= doc.scalars.count) }
                var bytes: [UInt8] = []
                Records.write(doc, to: &bytes)
                if selector % 8 == 2 { storeAndExport(doc) }
            }
        case 3:
            if let g = try? GzipByteStream(MemoryByteStream(body)) {
                while let c = try? g.read(max: 4096), !c.isEmpty {}
            }
        case 4:
            let reader = WARCReader(MemoryByteStream(body), file: InputFile(path: "fuzz.warc", idBase: "fuzz", origin: "fuzz.warc"), limits: InputLimits())
            try? reader.read(defaultPublished: nil) { _ in }
        case 6, 7:
            // A JSONL record through the reader, the pipeline, the store and the export.
            let reader = InputReader(defaultPublished: CivilDate(year: 2024, month: 6, day: 20))
            if case .document(var doc) = reader.record(body, file: InputFile(path: "fuzz.jsonl", idBase: "fuzz", origin: "/fuzz.jsonl"), line: 1),
               (try? pipeline.run(&doc)) != nil {
                storeAndExport(doc)
            }
        default:
            // JSONL records: parsed or refused, never a crash.
            _ = try? JSONRecordParser.parse(body)
        }
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    Fuzz.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry as `<module>_main`; hand control to libFuzzer there.
@_cdecl("NewsKBFuzz_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var args = argv
    return LLVMFuzzerRunDriver(&count, &args) { data, size in fuzzOneInput(data, size) }
}
#else
@main
struct FuzzMain {
    static func main() {
        // Without libFuzzer: run each file named on the command line once (to replay a crash).
        for path in CommandLine.arguments.dropFirst() {
            if let b = FileIO.readAll(path) { Fuzz.run(b) }
        }
    }
}
#endif
