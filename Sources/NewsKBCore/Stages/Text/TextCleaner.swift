/// Lays out the clean text: the headline, a blank line, then the body paragraphs
/// separated by blank lines. Joins lines broken inside a paragraph (hard wraps and
/// page breaks between two characters of one sentence).
public struct TextCleaner: DocumentStage {
    public static let stageName = "clean.text.v1"
    public static let requires: Set<AnnotationKey> = [.decoded]
    public static let assigns: Set<AnnotationKey> = [.text]
    /// A line at least this long that ends mid-sentence continues on the next line.
    let joinMinLineLength: Int

    public init(config: StageConfig) throws {
        joinMinLineLength = try config.intOption("joinMinLineLength", default: 30)
    }

    /// A line after tidying, as UTF-8 with what the joining rules look at.
    struct Line {
        var utf8: [UInt8] = []
        var scalarCount = 0
        var first: Unicode.Scalar?
        var last: Unicode.Scalar?

        var isEmpty: Bool { utf8.isEmpty }
        var string: String { String(decoding: utf8, as: UTF8.self) }

        init() {}

        init(_ s: String) {
            utf8 = Array(s.utf8)
            for u in s.unicodeScalars {
                if first == nil { first = u }
                last = u
                scalarCount += 1
            }
        }

        mutating func append(_ other: Line) {
            utf8.append(contentsOf: other.utf8)
            scalarCount += other.scalarCount
            if first == nil { first = other.first }
            if other.last != nil { last = other.last }
        }
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        let lines: [Line]
        if doc.format == .html {
            lines = doc.paragraphs.map { Self.tidyLine(Scalars.array($0)[...]) }
        } else {
            lines = Self.lines(of: doc.decoded).map(Self.tidyLine)
        }
        var paragraphs = doc.format == .html ? lines.filter { !$0.isEmpty } : joinBrokenLines(lines)
        var title = doc.title.map { Self.tidyLine(Scalars.array($0)[...]) }.flatMap { $0.isEmpty ? nil : $0 }
        if let t = title, let first = paragraphs.first, first.utf8 == t.utf8 { paragraphs.removeFirst() }
        if title == nil, doc.format == .text, !paragraphs.isEmpty { title = paragraphs.removeFirst() }
        doc.title = title?.string
        // Headline, blank line, paragraphs separated by blank lines: built once as UTF-8.
        var text: [UInt8] = []
        text.reserveCapacity(paragraphs.reduce(title?.utf8.count ?? 0) { $0 + $1.utf8.count + 2 } + 2)
        if let t = title { text.append(contentsOf: t.utf8) }
        for p in paragraphs {
            if !text.isEmpty { text.append(0x0A); text.append(0x0A) }
            text.append(contentsOf: p.utf8)
        }
        doc.text = String(decoding: text, as: UTF8.self)
        if doc.text.isEmpty { throw NewsKBError.input("no text left after cleaning") }
    }

    /// Joins a line to the next when it is long, ends without closing punctuation and the
    /// next begins with a letter or ideograph; blank lines between them do not matter.
    /// A short line standing alone between blank lines without closing punctuation (a
    /// year heading such as `2024年`, a caption, a byline such as `整理：本報記者`) is
    /// never joined: it is its own paragraph. Nor is the first line when a blank line follows it:
    /// it is the headline.
    func joinBrokenLines(_ lines: [Line]) -> [Line] {
        var out: [Line] = []
        var pendingJoin = false
        for (i, line) in lines.enumerated() {
            if line.isEmpty { continue }
            let standsAlone = i > 0 && lines[i - 1].isEmpty && (i + 1 == lines.count || lines[i + 1].isEmpty)
                && line.scalarCount < joinMinLineLength && line.last.map { !Punctuation.paragraphEnds.contains($0) } == true
            if pendingJoin, !standsAlone, !out.isEmpty, let f = line.first, Self.isWordScalar(f) {
                out[out.count - 1].append(line)
            } else {
                out.append(line)
            }
            let current = out[out.count - 1]
            pendingJoin = current.scalarCount >= joinMinLineLength
                && current.last.map { Scalars.isHan($0) || ($0.properties.isAlphabetic) } == true
            // The first line with a blank line after it is the headline however long it is
            // (a press release's title runs to fifty characters): never the start of a paragraph.
            if out.count == 1, i + 1 < lines.count, lines[i + 1].isEmpty { pendingJoin = false }
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
    static func tidy(_ line: String) -> String { tidyLine(Scalars.array(line)[...]).string }

    static func tidyLine(_ line: ArraySlice<Unicode.Scalar>) -> Line {
        var out = Line()
        out.utf8.reserveCapacity(line.count * 3)
        var pendingSpace = false
        var needsNFC = false
        for s in line {
            switch s.value {
            case 0x200B, 0x200C, 0x200D, 0xFEFF, 0x00AD: continue
            case 0x09, 0x20, 0xA0, 0x3000, 0x2000...0x200A:
                pendingSpace = !out.utf8.isEmpty
            case 0x00...0x1F, 0x7F...0x9F: continue
            default:
                if pendingSpace {
                    out.utf8.append(0x20)
                    out.scalarCount += 1
                    out.last = " "
                }
                pendingSpace = false
                // Combining marks and jamo are the only things NFC changes in news text.
                if (0x0300...0x036F).contains(s.value) || (0x1100...0x11FF).contains(s.value) || (0x3099...0x309A).contains(s.value)
                    || (0x1AB0...0x1AFF).contains(s.value) || (0x1DC0...0x1DFF).contains(s.value) || (0x20D0...0x20FF).contains(s.value)
                    || (0xFE20...0xFE2F).contains(s.value) || (0xF900...0xFAFF).contains(s.value) || (0x2F800...0x2FA1F).contains(s.value) {
                    needsNFC = true
                }
                UTF8.encode(s) { out.utf8.append($0) }
                if out.first == nil { out.first = s }
                out.last = s
                out.scalarCount += 1
            }
        }
        return needsNFC ? Line(ICU.normalize(out.string, nfkc: false)) : out
    }
}
