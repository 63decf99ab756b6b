/// Decides the region of a document whose input named none: from the host of its address
/// (`.cn`, `.hk`, `.tw`, `.mo`), else the charset it was written in (GB2312/GBK/GB18030),
/// both from `region-hints.tsv`, else from its wording: words only
/// one region's papers use often (人民幣, 國務院 on the mainland; 港元, 立法會 in Hong Kong;
/// 新臺幣, 行政院 in Taiwan), counted over the text. A region is taken when it has at least
/// `minHits` words and `margin` times the runner-up's; otherwise the pipeline's stays.
/// Failing that, Simplified text in which no other region has a word at all is a
/// mainland text (`simplifiedRegion`). The region decides what a plain 元 is (CNY, HKD,
/// TWD) and how a bare 85年 is read.
public struct RegionDetector: DocumentStage {
    public static let stageName = "detect.region.v1"
    public static let requires: Set<AnnotationKey> = [.text, .language]
    public static let assigns: Set<AnnotationKey> = [.region]
    let markers: ScalarTrie<Int>
    let regions: [String]
    let minHits: Int
    let margin: Int
    /// The region of Simplified text that names no other region often (CN); empty for none.
    let simplifiedRegion: String
    /// Domain suffixes (`.cn`) and charsets (`GBK`, upper-cased) with their regions.
    let domains: [(suffix: String, region: String)]
    let charsets: [String: String]

    public init(config: StageConfig, pipeline: PipelineDefinition, lexicons: LexiconCache) throws {
        let t = try lexicons.table(config, endingWith: "region-markers.tsv")
        let (r, w) = (try t.column("region"), try t.column("word"))
        var regions: [String] = []
        var markers = ScalarTrie<Int>()
        for row in t.rows {
            let region = t.cell(row, r).uppercased()
            guard !region.isEmpty else { throw NewsKBError.lexicon("\(t.path): a row lacks its region") }
            if !regions.contains(region) { regions.append(region) }
            let k = regions.firstIndex(of: region)!
            for v in NameKey.scriptVariants(t.cell(row, w)) { markers.insert(v.unicodeScalars, k) }
        }
        self.markers = markers
        self.regions = regions
        minHits = try config.intOption("minHits", default: 3)
        margin = try config.intOption("margin", default: 2)
        simplifiedRegion = (config.options?["simplifiedRegion"] ?? "").uppercased()
        var domains: [(String, String)] = [], charsets: [String: String] = [:]
        if config.listsLexicon(endingWith: "region-hints.tsv") {
            let h = try lexicons.table(config, endingWith: "region-hints.tsv")
            let (k, v, rg) = (try h.column("kind"), try h.column("value"), try h.column("region"))
            for row in h.rows {
                let value = h.cell(row, v), region = h.cell(row, rg).uppercased()
                switch h.cell(row, k) {
                case "domain": domains.append((value.lowercased(), region))
                case "charset": charsets[value.uppercased()] = region
                default: throw NewsKBError.lexicon("\(h.path): kind is domain or charset, not '\(h.cell(row, k))'")
                }
            }
        }
        self.domains = domains.sorted { $0.0.count > $1.0.count }
        self.charsets = charsets
    }

    /// The host of a URL, lower-cased (`https://www.news.cn/a` → `www.news.cn`).
    static func host(_ url: String) -> String? {
        let u = Array(url.utf8)
        var i = 0
        while i + 2 < u.count, !(u[i] == 0x3A && u[i + 1] == 0x2F && u[i + 2] == 0x2F) { i += 1 }   // "://"
        guard i + 2 < u.count else { return nil }
        var j = i + 3
        var start = j
        while j < u.count, ![0x2F, 0x3A, 0x3F, 0x23].contains(u[j]) {   // / : ? #
            if u[j] == 0x40 { start = j + 1 }   // user@host
            j += 1
        }
        guard start < j else { return nil }
        return String(decoding: u[start..<j], as: UTF8.self).lowercased()
    }

    public func process(_ doc: inout NewsDocument, in context: StageContext) throws {
        guard doc.regionSource == .pipeline else { return }
        if let url = doc.url, let host = Self.host(url), let d = domains.first(where: { host.hasSuffix($0.suffix) }) {
            set(d.region, .url, because: "its address (\(host))", &doc)
            return
        }
        if let c = doc.charset?.uppercased(), let region = charsets[c] {
            set(region, .charset, because: "its charset (\(c))", &doc)
            return
        }
        let s = doc.scalars
        var hits = [Int](repeating: 0, count: regions.count)
        var i = 0
        while i < s.count {
            if let m = markers.longestMatch(in: s, at: i) {
                hits[m.payload] += 1
                i = m.end
            } else {
                i += 1
            }
        }
        let ranked = hits.indices.sorted { hits[$0] != hits[$1] ? hits[$0] > hits[$1] : $0 < $1 }
        let counts = ranked.filter { hits[$0] > 0 }.map { "\(regions[$0]) \(hits[$0])" }.joined(separator: ", ")
        if let best = ranked.first, hits[best] >= minHits, case let second = ranked.count > 1 ? hits[ranked[1]] : 0,
           hits[best] >= margin * second, hits[best] > second {
            set(regions[best], .wording, because: "the wording (\(counts))", &doc)
            return
        }
        if doc.language == "zh-Hans", !simplifiedRegion.isEmpty,
           hits.indices.allSatisfy({ regions[$0] == simplifiedRegion || hits[$0] == 0 }) {
            set(simplifiedRegion, .script, because: "Simplified script" + (counts.isEmpty ? "" : " (\(counts))"), &doc)
        }
    }

    func set(_ region: String, _ source: RegionSource, because why: String, _ doc: inout NewsDocument) {
        doc.regionSource = source
        guard region != doc.region else { return }
        doc.region = region
        doc.warnings.append("I-REGION: \(region) from \(why); the input named no region")
    }
}
