/// Finds the article in a page: drops boilerplate elements, scores blocks by Chinese text
/// density and punctuation, keeps the best container's paragraphs in order.
struct MainContent {
    var title: String?
    var paragraphs: [String]
    var published: CivilDate?
    var canonicalURL: String?
    var author: String?

    static let dropTags: Set<String> = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
                                        "svg", "button", "select", "textarea", "template", "head", "object", "embed", "figcaption", "menu"]
    static let blockTags: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "section", "article",
                                         "blockquote", "pre", "br", "ul", "ol", "table", "dd", "dt", "main", "center", "font"]
    static let boilerplateMarks = ["nav", "menu", "sidebar", "side-bar", "footer", "header", "comment", "share", "related", "breadcrumb",
                                   "advert", "ads", "recommend", "copyright", "hotnews", "rank", "topbar", "login", "toolbar", "social", "subscribe", "banner"]

    static func extract(_ page: HTMLPage) -> MainContent {
        var meta: [String: String] = [:]
        var titleTag: String?
        var h1: String?
        collectMeta(page.root, meta: &meta, title: &titleTag, h1: &h1)
        // Score each container by the Chinese text of its own paragraphs.
        var best: (score: Int, paragraphs: [String]) = (0, [])
        score(page.root, best: &best)
        var title = meta["og:title"] ?? h1 ?? titleTag.map(stripSiteSuffix)
        if let t = title { title = collapse(t) }
        var paragraphs = best.paragraphs
        if let t = title, let i = paragraphs.firstIndex(of: t), i < 3 { paragraphs.remove(at: i) }
        let published = ["article:published_time", "datepublished", "pubdate", "publishdate", "og:published_time"]
            .lazy.compactMap { meta[$0].flatMap(CivilDate.init(iso:)) }.first
        return MainContent(title: title, paragraphs: paragraphs, published: published,
                           canonicalURL: meta["canonical"] ?? meta["og:url"], author: meta["author"])
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
        case "time" where meta["pubdate"] == nil:
            if let d = n.attributes["datetime"] { meta["pubdate"] = d }
        default: break
        }
        for c in n.children { collectMeta(c, meta: &meta, title: &title, h1: &h1) }
    }

    private static func isBoilerplate(_ n: HTMLPage.Node) -> Bool {
        if dropTags.contains(n.tag) { return true }
        let marks = ((n.attributes["class"] ?? "") + " " + (n.attributes["id"] ?? "")).lowercased()
        if marks.count < 2 { return false }
        return boilerplateMarks.contains { marks.contains($0) } && !marks.contains("content") && !marks.contains("article")
    }

    /// Returns the container's paragraphs; updates `best` with the highest-scoring container.
    @discardableResult
    private static func score(_ n: HTMLPage.Node, best: inout (score: Int, paragraphs: [String])) -> [String] {
        if isBoilerplate(n) { return [] }
        var paragraphs: [String] = []
        var inline = ""
        func flush() {
            let t = collapse(inline)
            if !t.isEmpty { paragraphs.append(t) }
            inline = ""
        }
        for c in n.children {
            if c.tag == "#text" { inline += c.text ?? ""; continue }
            if isBoilerplate(c) { continue }
            if blockTags.contains(c.tag) {
                flush()
                paragraphs.append(contentsOf: score(c, best: &best))
            } else {
                inline += text(of: c)
            }
        }
        flush()
        let s = paragraphs.reduce(0) { $0 + blockScore($1) }
        if s > best.score { best = (s, paragraphs) }
        return paragraphs
    }

    /// Text worth: Han characters, more when the block reads like prose (has 。，).
    static func blockScore(_ p: String) -> Int {
        var han = 0, punct = 0, links = 0
        for u in p.unicodeScalars {
            if TextCleaner.isHan(u) { han += 1 }
            if u == "。" || u == "，" || u == "；" || u == "：" || u == "、" { punct += 1 }
            if u == "|" { links += 1 }
        }
        if han < 10 || punct == 0 { return han / 4 }
        return han + punct * 5 - links * 10
    }

    static func text(of n: HTMLPage.Node) -> String {
        if n.tag == "#text" { return n.text ?? "" }
        if dropTags.contains(n.tag) { return "" }
        return n.children.map(text(of:)).joined()
    }

    static func collapse(_ s: String) -> String { TextCleaner.tidy(s) }

    static func stripSiteSuffix(_ t: String) -> String {
        for sep in [" - ", " | ", "_", "｜", " – ", " — "] {
            if let r = t.ranges(of: sep).last { return String(t[..<r.lowerBound]) }
        }
        return t
    }
}
