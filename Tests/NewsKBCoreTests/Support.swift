import NewsKBCore
import NewsKBTestSupport
import Testing

/// Paths and a shared pipeline for the tests.
enum Repo {
    static var root: String { Repository.root }
    static var shared: String? { Repository.shared }
    static var pipeline: Pipeline { Repository.pipeline }

    /// Runs the default pipeline over plain text, as a one-paragraph document.
    static func run(_ text: String, published: String? = "2024-06-20", region: String? = nil, id: String = "t") throws -> NewsDocument {
        var doc = NewsDocument(id: id, source: "test", format: .text, payload: Array(text.utf8),
                               published: published.flatMap(CivilDate.init(iso:)), region: region)
        try pipeline.run(&doc)
        return doc
    }

    /// Runs the default pipeline over an HTML page.
    static func runHTML(_ html: String) throws -> NewsDocument {
        var doc = NewsDocument(id: "p", source: "p.html", format: .html, payload: Array(html.utf8))
        try pipeline.run(&doc)
        return doc
    }

    /// A tab-separated case file under fixtures/: rows as dictionaries by header, comments skipped.
    static func cases(_ relative: String) -> [[String: String]] {
        let table = try! TSVTable(path: root + "/fixtures/" + relative)
        return table.rows.map { row in
            var d: [String: String] = [:]
            for (i, h) in table.header.enumerated() { d[h] = i < row.count ? row[i] : "" }
            return d
        }
    }
}

extension NewsDocument {
    func mentions(_ type: MentionType) -> [Mention] { mentions.filter { $0.type == type } }
}
