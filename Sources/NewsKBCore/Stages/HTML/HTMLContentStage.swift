import CLibXML2

/// Parses an HTML page with libxml2 (no network, no entities, bounded depth) and keeps the
/// article: headline, body paragraphs in order, and page metadata. Plain-text inputs pass through.
public struct HTMLContentStage: DocumentStage {
    public static let stageName = "html.content.v1"
    public static let requires: Set<AnnotationKey> = [.decoded]
    public static let assigns: Set<AnnotationKey> = [.paragraphs]
    /// Pages larger than this (bytes of UTF-8) are rejected rather than parsed.
    let maxBytes: Int
    /// Words that mark a short line in the article box as page furniture (来源：, 上一页).
    let furniture: [String]
    /// The most attributes a start tag keeps (libxml2's duplicate check is quadratic in them).
    let maxAttributes: Int
    /// The papers' time zone, minutes east of UTC (`localUTCOffsetMinutes`, default +08:00): a
    /// page timestamp in another zone is read as the local day it falls on.
    let localOffsetMinutes: Int

    public init(config: StageConfig, lexicons: LexiconCache) throws {
        maxBytes = try config.intOption("maxBytes", default: 32 << 20)
        maxAttributes = try config.intOption("maxAttributesPerTag", default: 256)
        localOffsetMinutes = try config.intOption("localUTCOffsetMinutes", default: PageDate.defaultLocalOffsetMinutes)
        guard (-12 * 60...14 * 60).contains(localOffsetMinutes) else {
            throw NewsKBError.pipeline("\(Self.stageName): localUTCOffsetMinutes \(localOffsetMinutes) is no time zone")
        }
        furniture = try config.lexicons == nil ? [] : TSVTable.lines(path: lexicons.path(config, endingWith: "page-furniture.txt"))
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        guard doc.format == .html else { return }
        let page = try HTMLPage.parse(doc.decoded, maxBytes: maxBytes, maxAttributes: maxAttributes)
        let content = MainContent.extract(page, furniture: furniture, localOffsetMinutes: localOffsetMinutes)
        if content.paragraphs.isEmpty { throw NewsKBError.html("no article text found in the page") }
        doc.paragraphs = content.paragraphs
        if doc.title == nil { doc.title = content.title }
        if doc.published == nil || doc.publishedSource == .fallback, let p = content.published {
            doc.published = p
            doc.publishedSource = .page
        }
        if doc.url == nil { doc.url = content.canonicalURL }
        if doc.author == nil { doc.author = content.author }
    }
}
