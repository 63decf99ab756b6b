import CLibXML2

/// Parses an HTML page with libxml2 (no network, no entities, bounded depth) and keeps the
/// article: headline, body paragraphs in order, and page metadata. Plain-text inputs pass through.
public struct HTMLContentStage: DocumentStage {
    public let name = "html.content.v1"
    /// Pages larger than this (bytes of UTF-8) are rejected rather than parsed.
    let maxBytes: Int
    /// Words that mark a short line in the article box as page furniture (来源：, 上一页).
    let furniture: [String]

    public init(config: StageConfig, lexicons: LexiconCache) throws {
        maxBytes = try config.intOption("maxBytes", default: 32 << 20)
        furniture = try config.lexicons == nil ? [] : TSVTable.lines(path: lexicons.path(config, endingWith: "page-furniture.txt"))
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        guard doc.format == .html else { return }
        let page = try HTMLPage.parse(doc.decoded, maxBytes: maxBytes)
        let content = MainContent.extract(page, furniture: furniture)
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

/// A parsed page reduced to a light tree of elements and text, with libxml2's memory freed.
struct HTMLPage {
    final class Node {
        let tag: String
        var attributes: [String: String]
        var children: [Node] = []
        var text: String?   // text nodes only
        init(tag: String, attributes: [String: String] = [:], text: String? = nil) {
            self.tag = tag
            self.attributes = attributes
            self.text = text
        }
    }

    let root: Node
    static let maxDepth = 256

    static func parse(_ html: String, maxBytes: Int) throws -> HTMLPage {
        var bytes = Array(html.utf8)
        if bytes.count > maxBytes { throw NewsKBError.html("page of \(bytes.count) bytes exceeds the limit of \(maxBytes)") }
        bytes.append(0)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue) | Int32(1 << 21) // HTML_PARSE_IGNORE_ENC
        let docPtr = bytes.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                htmlReadMemory($0, Int32(p.count - 1), nil, "UTF-8", options)
            }
        }
        guard let d = docPtr else { throw NewsKBError.html("libxml2 could not parse the page") }
        defer { xmlFreeDoc(d) }
        let root = Node(tag: "#root")
        var tooDeep = false
        var child = d.pointee.children
        while let c = child {
            convert(c, into: root, depth: 0, tooDeep: &tooDeep)
            child = c.pointee.next
        }
        if tooDeep { throw NewsKBError.html("elements nested deeper than \(maxDepth) levels") }
        return HTMLPage(root: root)
    }

    private static func convert(_ n: UnsafeMutablePointer<xmlNode>, into parent: Node, depth: Int, tooDeep: inout Bool) {
        if depth > maxDepth { tooDeep = true; return }
        switch n.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let c = n.pointee.content { parent.children.append(Node(tag: "#text", text: String(cString: c))) }
        case XML_ELEMENT_NODE:
            let tag = n.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            var attrs: [String: String] = [:]
            var a = n.pointee.properties
            while let attr = a {
                if let name = attr.pointee.name {
                    var value = ""
                    var t = attr.pointee.children
                    while let tn = t {
                        if let c = tn.pointee.content { value += String(cString: c) }
                        t = tn.pointee.next
                    }
                    attrs[String(cString: name).lowercased()] = value
                }
                a = attr.pointee.next
            }
            let node = Node(tag: tag, attributes: attrs)
            var child = n.pointee.children
            while let c = child {
                convert(c, into: node, depth: depth + 1, tooDeep: &tooDeep)
                if tooDeep { return }
                child = c.pointee.next
            }
            parent.children.append(node)
        default:
            break
        }
    }
}
