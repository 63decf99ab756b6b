/// Lays out the clean text: the headline, a blank line, then the body paragraphs
/// separated by blank lines. Joins lines broken inside a paragraph (hard wraps and
/// page breaks between two characters of one sentence).
public struct TextCleaner: DocumentStage {
    public let name = "clean.text.v1"
    /// A line at least this long that ends mid-sentence continues on the next line.
    let joinMinLineLength: Int

    public init(config: StageConfig) throws {
        joinMinLineLength = try config.intOption("joinMinLineLength", default: 30)
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        var lines: [String]
        if doc.format == .html {
            lines = doc.paragraphs.map(Self.tidy)
        } else {
            lines = Self.lines(of: doc.decoded).map(Self.tidy)
        }
        var paragraphs = doc.format == .html ? lines.filter { !$0.isEmpty } : joinBrokenLines(lines)
        var title = doc.title.map(Self.tidy).flatMap { $0.isEmpty ? nil : $0 }
        if let t = title, let first = paragraphs.first, first == t { paragraphs.removeFirst() }
        if title == nil, doc.format == .text, !paragraphs.isEmpty { title = paragraphs.removeFirst() }
        doc.title = title
        let body = paragraphs.joined(separator: "\n\n")
        switch (title, body.isEmpty) {
        case (let t?, false): doc.text = t + "\n\n" + body
        case (let t?, true): doc.text = t
        case (nil, _): doc.text = body
        }
        if doc.text.isEmpty { throw NewsKBError.input("no text left after cleaning") }
    }

    /// Joins a line to the next when it is long, ends without closing punctuation and the
    /// next begins with a letter or ideograph; blank lines between them do not matter.
    func joinBrokenLines(_ lines: [String]) -> [String] {
        var out: [String] = []
        var pendingJoin = false
        for line in lines {
            if line.isEmpty { continue }
            if pendingJoin, let last = out.last, let f = line.unicodeScalars.first, Self.isWordScalar(f) {
                out[out.count - 1] = last + line
            } else {
                out.append(line)
            }
            let current = out[out.count - 1]
            pendingJoin = current.unicodeScalars.count >= joinMinLineLength
                && current.unicodeScalars.last.map { Scalars.isHan($0) || ($0.properties.isAlphabetic) } == true
        }
        return out
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool { Scalars.isHan(s) || s.properties.isAlphabetic || s.properties.numericType != nil }

    /// The text's lines (LF, CR LF, CR or U+2029 end one), as scalars.
    static func lines(of text: String) -> [ArraySlice<Unicode.Scalar>] {
        let u = Scalars.array(text)
        var out: [ArraySlice<Unicode.Scalar>] = []
        var start = 0
        var i = 0
        while i < u.count {
            let c = u[i]
            if c == "\n" || c == "\r" || c == "\u{2029}" {
                out.append(u[start..<i])
                if c == "\r", i + 1 < u.count, u[i + 1] == "\n" { i += 1 }
                start = i + 1
            }
            i += 1
        }
        out.append(u[start..<u.count])
        return out
    }

    /// NFC, no control or zero-width characters, runs of spaces folded to one, trimmed.
    static func tidy(_ line: String) -> String { tidy(Scalars.array(line)[...]) }

    static func tidy(_ line: ArraySlice<Unicode.Scalar>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(line.count * 3)
        var pendingSpace = false
        var needsNFC = false
        for s in line {
            switch s.value {
            case 0x200B, 0x200C, 0x200D, 0xFEFF, 0x00AD: continue
            case 0x09, 0x20, 0xA0, 0x3000, 0x2000...0x200A:
                pendingSpace = !out.isEmpty
            case 0x00...0x1F, 0x7F...0x9F: continue
            default:
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                // Combining marks and jamo are the only things NFC changes in news text.
                if (0x0300...0x036F).contains(s.value) || (0x1100...0x11FF).contains(s.value) || (0x3099...0x309A).contains(s.value)
                    || (0x1AB0...0x1AFF).contains(s.value) || (0x1DC0...0x1DFF).contains(s.value) || (0x20D0...0x20FF).contains(s.value)
                    || (0xFE20...0xFE2F).contains(s.value) || (0xF900...0xFAFF).contains(s.value) || (0x2F800...0x2FA1F).contains(s.value) {
                    needsNFC = true
                }
                UTF8.encode(s) { out.append($0) }
            }
        }
        let text = String(decoding: out, as: UTF8.self)
        return needsNFC ? ICU.normalize(text, nfkc: false) : text
    }
}
