import CLibXML2

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

    static func parse(_ html: String, maxBytes: Int, maxAttributes: Int = 256) throws -> HTMLPage {
        var bytes = Array(html.utf8)
        if bytes.count > maxBytes { throw NewsKBError.html("page of \(bytes.count) bytes exceeds the limit of \(maxBytes)") }
        bytes = AttributeCap.apply(bytes, max: maxAttributes).bytes
        bytes.append(0)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue) | Int32(1 << 21) | Int32(1 << 19) // HTML_PARSE_IGNORE_ENC, XML_PARSE_HUGE (depth past 256)
        let docPtr = bytes.withUnsafeBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) {
                htmlReadMemory($0, Int32(p.count - 1), nil, "UTF-8", options)
            }
        }
        guard let d = docPtr else { throw NewsKBError.html("libxml2 could not parse the page") }
        defer { xmlFreeDoc(d) }
        let root = Node(tag: "#root")
        convert(d, into: root)
        return HTMLPage(root: root)
    }

    /// HTML's void elements: never containers, whatever libxml2 (which predates some of
    /// them) made of the markup after them.
    static let voidTags: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
                                        "param", "source", "track", "wbr"]
    static let blockTags: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "ul", "ol", "blockquote"]

    /// Copies libxml2's tree into ``Node``s without recursion (any depth, no stack to
    /// overflow). Deeper than ``maxDepth`` the tree is flattened, not dropped: 300 unclosed
    /// `<font>` or a deep sidebar before the article lose nothing. What libxml2 put inside a
    /// void element (`<embed>` without a close) comes back out after it, and an unclosed
    /// `<figcaption>` gives back the paragraphs it swallowed.
    private static func convert(_ d: htmlDocPtr, into root: Node) {
        var stack: [(next: UnsafeMutablePointer<xmlNode>?, parent: Node, depth: Int)] = [(d.pointee.children, root, 0)]
        var fixups: [(node: Node, parent: Node)] = []
        while !stack.isEmpty {
            guard let n = stack[stack.count - 1].next else { stack.removeLast(); continue }
            stack[stack.count - 1].next = n.pointee.next
            let parent = stack[stack.count - 1].parent, depth = stack[stack.count - 1].depth
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let c = n.pointee.content { parent.children.append(Node(tag: "#text", text: String(cString: c))) }
            case XML_ELEMENT_NODE:
                let tag = n.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                let node = Node(tag: tag, attributes: attributes(n))
                parent.children.append(node)
                if n.pointee.children != nil && (voidTags.contains(tag) || tag == "figcaption") { fixups.append((node, parent)) }
                if n.pointee.children != nil {
                    stack.append(depth < maxDepth ? (n.pointee.children, node, depth + 1) : (n.pointee.children, parent, depth))
                }
            default:
                break
            }
        }
        // Deepest first, so a fixed node's children are fixed before it gives them back.
        for (node, parent) in fixups.reversed() { hoist(node, from: parent) }
    }

    /// Moves the children a void element cannot have (all of them), or the block children
    /// of a figcaption holding two or more (it was left open), to just after it.
    private static func hoist(_ node: Node, from parent: Node) {
        let moving: [Node]
        if voidTags.contains(node.tag) {
            moving = node.children
            node.children = []
        } else {
            let blocks = node.children.filter { blockTags.contains($0.tag) }
            guard blocks.count >= 2, let first = node.children.firstIndex(where: { blockTags.contains($0.tag) }) else { return }
            moving = Array(node.children[first...])
            node.children.removeSubrange(first...)
        }
        guard !moving.isEmpty, let at = parent.children.lastIndex(where: { $0 === node }) else { return }
        parent.children.insert(contentsOf: moving, at: at + 1)
    }

    private static func attributes(_ n: UnsafeMutablePointer<xmlNode>) -> [String: String] {
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
        return attrs
    }
}
