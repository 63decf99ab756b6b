import NewsKBCore
#if canImport(Glibc)
import Glibc
#endif

/// Standard input as a byte stream (a pipe or a file, whatever it is).
final class StdinByteStream: ByteStream {
    func read(max: Int) throws -> [UInt8] {
        var buf = [UInt8](repeating: 0, count: max)
        while true {
            let n = buf.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw NewsKBError.input("stdin: read failed: \(FileIO.lastError())")
            }
            buf.removeSubrange(n...)
            return buf
        }
    }
}

/// Lines of standard input, each at most `maxLineBytes` long: a longer one is reported by
/// its length and skipped without being held (`readLine` would hold any line whole).
struct StdinLines {
    let reader: LineReader

    init(maxLineBytes: Int) {
        reader = LineReader(StdinByteStream(), maxLineBytes: maxLineBytes)
    }

    /// The next line, `.tooLong(n)` for one over the limit, nil at the end (or on a read error).
    func next() -> LineReader.Line? { (try? reader.next()) ?? nil }

    /// The next path of a manifest: a line that fits, without surrounding spaces, tabs or a
    /// carriage return; blank and over-long lines are skipped.
    func nextPath() -> String? {
        while let l = next() {
            guard case .line(let b) = l else { continue }
            let path = String(decoding: b, as: UTF8.self).trimmingCharacters(in: " \t\r")
            if !path.isEmpty { return path }
        }
        return nil
    }

    /// Hands each JSONL record of stdin to `emit` as an input item: blank lines skipped, a line
    /// over `maxLineBytes` an error item naming its line and the limit. Records have no line
    /// numbers (a stream's ids come from content), so retried input keeps its ids.
    func forEachRecord(_ reader: InputReader, maxLineBytes: Int, emit: (InputItem) -> Void) {
        var lineNo = 0
        while let line = next() {
            lineNo += 1
            switch line {
            case .tooLong(let n):
                emit(.failure(InputFailure(InputLocation(file: "stdin", line: lineNo), docID: nil, code: .input,
                                           "line of \(n) bytes exceeds the limit of \(maxLineBytes) (--max-line-bytes)")))
            case .line(let bytes):
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                emit(reader.record(bytes, file: .stdin, line: nil))
            }
        }
    }
}
