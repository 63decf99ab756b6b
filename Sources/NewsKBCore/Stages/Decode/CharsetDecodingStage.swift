/// Decodes the payload bytes into text: BOM, declared charset, strict UTF-8, then ICU's
/// detector checked by strict trial decoding. A page that no charset decodes strictly is
/// kept when one decodes it with few invalid sequences (at most `maxInvalidShare` of its
/// bytes, an option in the pipeline file): they become U+FFFD and a `W-DECODE` warning
/// counts them. Only bytes that no charset fits are rejected. Never replaces silently.
public struct CharsetDecodingStage: DocumentStage {
    public static let stageName = "decode.v1"
    public static let requires: Set<AnnotationKey> = [.payload]
    public static let assigns: Set<AnnotationKey> = [.decoded]
    /// The largest share of a payload's bytes that may be invalid sequences in a kept page.
    public let maxInvalidShare: Double

    public init(maxInvalidShare: Double = CharsetDecoder.defaultMaxInvalidShare) {
        self.maxInvalidShare = maxInvalidShare
    }

    /// The stage as the pipeline file configures it (`maxInvalidShare`, a fraction from 0 to 1).
    public init(config: StageConfig) throws {
        let share = try config.doubleOption("maxInvalidShare", default: CharsetDecoder.defaultMaxInvalidShare)
        guard share >= 0 && share <= 1 else { throw NewsKBError.pipeline("stage \(config.stage): option maxInvalidShare must be between 0 and 1, not \(share)") }
        self.init(maxInvalidShare: share)
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        let result = try CharsetDecoder.decode(doc.payload, declared: doc.declaredCharset, html: doc.format == .html, maxInvalidShare: maxInvalidShare)
        doc.decoded = result.text
        // A NUL past the binary check's first 8 KB would end the text for libxml2 and C APIs:
        // kept visible as U+FFFD and counted instead.
        if doc.decoded.utf8.contains(0) {
            var nuls = 0
            doc.decoded = String(String.UnicodeScalarView(doc.decoded.unicodeScalars.map { u in
                if u == "\u{0}" { nuls += 1; return "\u{FFFD}" }
                return u
            }))
            doc.warnings.append("W-DECODE: \(nuls) NUL characters replaced by U+FFFD")
        }
        if result.replaced > 0 {
            doc.warnings.append("W-DECODE: \(result.replaced) invalid sequences replaced (\(result.charset), \(result.how))")
        }
        doc.charset = result.charset
        if result.charset != "UTF-8" { doc.warnings.append("I-CHARSET: decoded as \(result.charset) (\(result.how))") }
    }
}
