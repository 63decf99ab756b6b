/// Finds the article in a page: drops boilerplate elements, scores blocks by Chinese text
/// density and punctuation, keeps the best container's paragraphs in order.
struct MainContent {
    var title: String?
    var paragraphs: [String]
    var published: CivilDate?
    var canonicalURL: String?
    var author: String?

    static let dropTags: Set<String> = ["script", "style", "noscript", "nav", "header", "footer", "aside", "iframe",
                                        "svg", "button", "select", "textarea", "template", "head", "object", "embed", "figcaption", "menu"]
    static let inlineTags: Set<String> = ["a", "span", "b", "i", "em", "strong", "u", "small", "sup", "sub", "img", "label", "abbr",
                                          "time", "code", "cite", "q", "mark", "s", "strike", "big", "tt", "ruby", "rt", "rp", "wbr", "bdi", "bdo", "var", "kbd", "samp", "dfn", "ins", "del"]

    static func hasBlock(_ n: HTMLPage.Node) -> Bool {
        n.children.contains { $0.tag != "#text" && (!inlineTags.contains($0.tag) || hasBlock($0)) }
    }

    static let boilerplateMarks = ["nav", "menu", "sidebar", "side-bar", "footer", "header", "comment", "share", "related", "breadcrumb",
                                   "advert", "ads", "recommend", "copyright", "hotnews", "rank", "topbar", "login", "toolbar", "social", "subscribe", "banner"]

    static func extract(_ page: HTMLPage, furniture: [String] = [], localOffsetMinutes: Int = PageDate.defaultLocalOffsetMinutes) -> MainContent {
        var meta: [String: String] = [:]
        var titleTag: String?
        var h1: String?
        collectMeta(page.root, meta: &meta, title: &titleTag, h1: &h1)
        // Score each container by the Chinese text of its own paragraphs.
        var blocks: [Block] = []
        Self.blocks(page.root, ancestors: [], into: &blocks)
        let best = score(blocks)
        var title = meta["og:title"] ?? h1 ?? titleTag.map(stripSiteSuffix)
        if let t = title { title = collapse(t) }
        // Pages that carry the article twice (a hidden mobile copy) give each paragraph once.
        var seen = Set<ParagraphKey>()
        var paragraphs = best.filter { !($0.score <= 0 && $0.text.unicodeScalars.count <= 80 && furniture.contains(where: $0.text.contains)) }
            .map(\.text).filter { $0.unicodeScalars.count < 12 || seen.insert(ParagraphKey($0)).inserted }
        if let t = title, let i = paragraphs.firstIndex(of: t), i < 3 { paragraphs.remove(at: i) }
        let published = metaDateKeys.lazy.compactMap { meta[$0].flatMap { PageDate.parse($0, localOffsetMinutes: localOffsetMinutes) } }.first
            ?? dateline(all: blocks, best: best, title: title)
            ?? (meta["canonical"] ?? meta["og:url"]).flatMap(PageDate.fromURL)
        return MainContent(title: title, paragraphs: paragraphs, published: published,
                           canonicalURL: meta["canonical"] ?? meta["og:url"], author: meta["author"])
    }

    /// Metadata names that carry the publication time, most trusted first.
    static let metaDateKeys = ["article:published_time", "og:article:published_time", "jsonld:datepublished", "datepublished",
                               "og:release_date", "pubdate", "publishdate", "publish_date", "publishtime", "ptime", "dc.date.issued",
                               "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date", "time:datetime", "date"]

    /// The dateline: the first full date in a short block near the headline or the
    /// article's first paragraph (never from scripts, navigation or sidebars).
    static func dateline(all: [Block], best: [Block], title: String?) -> CivilDate? {
        guard let first = best.first, let mainStart = all.firstIndex(where: { $0.ancestors == first.ancestors && $0.text == first.text }) else { return nil }
        let headline = title.flatMap { t in all.firstIndex { $0.text == t || (t.count >= 6 && $0.text.hasPrefix(t)) } }
        let anchor = min(headline ?? mainStart, mainStart)
        let window = max(0, anchor - 4)..<min(all.count, mainStart + max(best.count, 1) + 2)
        for i in window where all[i].text.unicodeScalars.count <= 160 {
            if let d = PageDate.find(in: all[i].text) { return d }
        }
        // Labelled dates anywhere outside boilerplate: 發布時間：…, 日期：…
        for b in all where b.text.unicodeScalars.count <= 200 {
            for label in ["發布時間", "发布时间", "發佈時間", "發佈日期", "发布日期", "發表時間", "发表时间", "更新時間", "更新时间", "日期", "時間", "时间", "發布", "发布"] {
                if let r = b.text.firstRange(of: label), let d = PageDate.find(in: String(b.text[r.upperBound...])) { return d }
            }
        }
        return nil
    }

    static func text(ofScript n: HTMLPage.Node) -> String { n.children.compactMap(\.text).joined() }

    /// A string field of a JSON-LD block, found without a full JSON parse ("datePublished": "…").
    static func jsonField(_ json: String, _ key: String) -> String? {
        guard let r = json.firstRange(of: "\"" + key + "\"") else { return nil }
        var rest = json[r.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\n" || $0 == "\t" }
        guard rest.first == "\"" else { return nil }
        rest = rest.dropFirst()
        return String(rest.prefix { $0 != "\"" })
    }

    private static func collectMeta(_ n: HTMLPage.Node, meta: inout [String: String], title: inout String?, h1: inout String?) {
        switch n.tag {
        case "meta":
            let key = (n.attributes["property"] ?? n.attributes["name"] ?? n.attributes["itemprop"])?.lowercased()
            if let k = key, let v = n.attributes["content"], meta[k] == nil { meta[k] = v }
        case "link" where n.attributes["rel"]?.lowercased() == "canonical":
            meta["canonical"] = n.attributes["href"]
        case "title" where title == nil:
            title = text(of: n)
        case "h1" where h1 == nil:
            let t = collapse(text(of: n))
            if !t.isEmpty { h1 = t }
        case "time" where meta["time:datetime"] == nil:
            if let d = n.attributes["datetime"] { meta["time:datetime"] = d }
        case "script" where n.attributes["type"]?.lowercased() == "application/ld+json":
            let json = text(ofScript: n)
            if meta["jsonld:datepublished"] == nil, let v = jsonField(json, "datePublished") { meta["jsonld:datepublished"] = v }
        default: break
        }
        for c in n.children { collectMeta(c, meta: &meta, title: &title, h1: &h1) }
    }

    /// Elements that hold the whole page or the article are never boilerplate, whatever their class.
    static let neverBoilerplate: Set<String> = ["html", "body", "main", "article"]

    private static func isBoilerplate(_ n: HTMLPage.Node) -> Bool {
        if dropTags.contains(n.tag) { return true }
        if neverBoilerplate.contains(n.tag) { return false }
        let marks = ((n.attributes["class"] ?? "") + " " + (n.attributes["id"] ?? "")).lowercased()
        if marks.count < 2 { return false }
        // Compare whole words of the class and id (sidebar, nav-bar, footer_links), not substrings.
        let words = marks.split { !($0.isLetter || $0.isNumber) }
        if words.contains(where: { $0 == "content" || $0 == "article" || $0 == "body" || $0 == "main" }) { return false }
        return words.contains { w in boilerplateMarks.contains { w == $0 || w.hasPrefix($0) || w.hasSuffix($0) } }
    }

    /// A paragraph compared by its UTF-8 bytes, hashed once (FNV-1a): hashing a `String`
    /// normalises it first, and an array of bytes is hashed a byte at a time.
    struct ParagraphKey: Hashable {
        let bytes: [UInt8]
        let digest: UInt64

        init(_ text: String) {
            bytes = Array(text.utf8)
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
            digest = h
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
        static func == (a: ParagraphKey, b: ParagraphKey) -> Bool { a.digest == b.digest && a.bytes == b.bytes }
    }

    /// A run of text between block boundaries, with the elements that hold it.
    struct Block {
        var text: String
        var ancestors: [ObjectIdentifier]
        /// Share of the block's characters that sit inside links (menus, related-story lists).
        var linkDensity: Double = 0
        /// How much the block reads like article prose (computed once; scoring reads it often).
        let score: Int

        init(text: String, ancestors: [ObjectIdentifier], linkDensity: Double = 0) {
            self.text = text
            self.ancestors = ancestors
            self.linkDensity = linkDensity
            score = MainContent.blockScore(text, linkDensity: linkDensity)
        }
    }

    /// Splits the page into text blocks at block-level elements, skipping boilerplate.
    static func blocks(_ n: HTMLPage.Node, ancestors: [ObjectIdentifier], into out: inout [Block]) {
        var inline = ""
        var linked = 0
        let chain = ancestors + [ObjectIdentifier(n)]
        func flush() {
            let t = collapse(inline)
            if !t.isEmpty {
                let density = Double(linked) / Double(max(1, t.unicodeScalars.count))
                out.append(Block(text: t, ancestors: chain, linkDensity: min(1, density)))
            }
            inline = ""
            linked = 0
        }
        for c in n.children {
            if c.tag == "#text" { inline += c.text ?? ""; continue }
            if isBoilerplate(c) { continue }
            if c.tag == "br" { flush(); continue }
            if !inlineTags.contains(c.tag) || hasBlock(c) {
                flush()
                blocks(c, ancestors: chain, into: &out)
            } else {
                inline += text(of: c)
                linked += linkText(of: c).unicodeScalars.filter { !$0.properties.isWhitespace }.count
            }
        }
        flush()
    }

    /// The article's paragraphs: each block's score goes to its container and, halved, the
    /// container's parent; the best element's blocks are the article, in page order. Sibling
    /// containers that read like the same article are kept too (pages split into several boxes).
    static func score(_ all: [Block]) -> [Block] {
        var scores: [ObjectIdentifier: Int] = [:]
        var order: [ObjectIdentifier: Int] = [:]
        for b in all { for a in b.ancestors where order[a] == nil { order[a] = order.count } }
        for b in all {
            let s = b.score
            guard s != 0 else { continue }
            let n = b.ancestors.count
            if n >= 2 { scores[b.ancestors[n - 2], default: 0] += s * 2 }
            if n >= 3 { scores[b.ancestors[n - 3], default: 0] += s }
        }
        func better(_ a: (key: ObjectIdentifier, value: Int), _ b: (key: ObjectIdentifier, value: Int)) -> Bool {
            (a.value, order[b.key]!) < (b.value, order[a.key]!)
        }
        // Ties go to the element that comes first in the page, so the choice is deterministic.
        guard let best = scores.max(by: better)?.key else { return [] }
        var keep: Set<ObjectIdentifier> = [best]
        var prose: [ObjectIdentifier: Int] = [:]
        for b in all where b.score > 0 { for a in b.ancestors { prose[a, default: 0] += b.score } }
        if let chain = all.first(where: { $0.ancestors.contains(best) })?.ancestors, let k = chain.firstIndex(of: best), k > 0 {
            let parent = chain[k - 1]
            let bestProse = prose[best] ?? 0
            // Siblings in page order; a prose sibling right before the body (a lead, a standfirst)
            // is kept however short, others when they carry a fair share of prose.
            var siblings: [ObjectIdentifier] = []
            for b in all where b.ancestors.count > k && b.ancestors[k - 1] == parent && siblings.last != b.ancestors[k] {
                siblings.append(b.ancestors[k])
            }
            let at = siblings.firstIndex(of: best)
            for (i, sibling) in siblings.enumerated() {
                let p = prose[sibling] ?? 0
                if p >= 30 && (p * 6 >= bestProse || (at != nil && i == at! - 1)) { keep.insert(sibling) }
            }
        }
        // Inside the article: drop link lists (related stories, pagers, share bars), and the
        // short non-prose lines after the last paragraph of prose unless a prose-like closing
        // (特此通告。) ends them.
        var chosen = all.filter { !keep.isDisjoint(with: $0.ancestors) && $0.linkDensity < 0.5 }
        while let l = chosen.last, chosen.count > 1, l.score <= 0, !Self.closesLikeProse(l.text) { chosen.removeLast() }
        return chosen
    }

    /// Text worth: Han characters, more when the block reads like prose (has 。，).
    static func blockScore(_ p: String, linkDensity: Double = 0) -> Int {
        var han = 0, punct = 0, links = 0
        for u in p.unicodeScalars {
            if Scalars.isHan(u) { han += 1 }
            if Punctuation.prose.contains(u) { punct += 1 }
            if u == "|" { links += 1 }
        }
        // Menus and lists of related stories count against their container.
        if linkDensity >= 0.5 { return -min(han, 40) / 2 - 1 }
        if han < 10 || punct == 0 { return 0 }
        return Int(Double(han + punct * 5 - links * 10) * (1 - linkDensity))
    }

    /// Whether a short line ends as a sentence or is a signature date (特此通告。, 2022年1月27日).
    static func closesLikeProse(_ t: String) -> Bool {
        guard let last = t.unicodeScalars.last else { return false }
        return Punctuation.paragraphEnds.contains(last) || (last == "日" && PageDate.find(in: t) != nil)
    }

    /// The text of the links inside an inline element.
    static func linkText(of n: HTMLPage.Node) -> String {
        if n.tag == "a" { return text(of: n) }
        return n.children.map(linkText(of:)).joined()
    }

    static func text(of n: HTMLPage.Node) -> String {
        if n.tag == "#text" { return n.text ?? "" }
        if dropTags.contains(n.tag) { return "" }
        return n.children.map(text(of:)).joined()
    }

    static func collapse(_ s: String) -> String { TextCleaner.tidy(s) }

    static func stripSiteSuffix(_ t: String) -> String {
        for sep in [" - ", " | ", "_", "｜", " – ", " — ", "--"] {
            if let r = t.ranges(of: sep).last { return String(t[..<r.lowerBound]) }
        }
        return t
    }
}
