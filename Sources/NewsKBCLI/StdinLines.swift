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

    /// The next line that fits, as text, skipping over-long ones (for manifests of paths).
    func nextText() -> String? {
        while let l = next() {
            if case .line(let b) = l { return String(decoding: b, as: UTF8.self) }
        }
        return nil
    }
}
