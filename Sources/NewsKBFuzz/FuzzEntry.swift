import NewsKBCore

/// libFuzzer entry point over the decoders, the archive readers, the JSONL record parser and the recognisers.
/// `make fuzz` builds it with `-sanitize=fuzzer,address -D FUZZING` and runs it for a bounded time.
enum Fuzz {
    static let pipeline: Pipeline = {
        let here = #filePath
        let root = String(here[..<here.firstRange(of: "/Sources/")!.lowerBound])
        return try! Pipeline.load(root + "/pipelines/hk-news.json")
    }()

    static func run(_ bytes: [UInt8]) {
        let selector = bytes.first ?? 0
        let body = Array(bytes.dropFirst())
        switch selector % 6 {
        case 0:
            _ = try? CharsetDecoder.decode(body, declared: nil, html: false)
        case 1, 2:
            var doc = NewsDocument(id: "f", source: "fuzz", format: selector % 6 == 1 ? .text : .html, payload: body,
                                   published: CivilDate(year: 2024, month: 6, day: 20))
            if (try? pipeline.run(&doc)) != nil {
                // Every span must lie inside the text.
                for m in doc.mentions { precondition(m.start >= 0 && m.start < m.end && m.end <= doc.scalars.count) }
                var bytes: [UInt8] = []
                Records.write(doc, to: &bytes)
            }
        case 3:
            if let g = try? GzipByteStream(MemoryByteStream(body)) {
                while let c = try? g.read(max: 4096), !c.isEmpty {}
            }
        case 4:
            let reader = WARCReader(MemoryByteStream(body), file: InputFile(path: "fuzz.warc", idBase: "fuzz", origin: "fuzz.warc"), limits: InputLimits())
            try? reader.read(defaultPublished: nil) { _ in }
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
