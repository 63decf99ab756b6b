import GRDB
import NewsKBCore

extension KnowledgeBase {
    /// One document a search found, best first.
    public struct SearchHit: Sendable, Equatable {
        public var docID: String
        public var title: String?
        public var published: String?
        public var region: String?
        public var url: String?
        /// SQLite's BM25 rank (lower is better; titles weigh five times the text).
        public var score: Double
        /// Some 50 characters of the text around the first hit, the hit in 【】.
        public var snippet: String
    }

    /// The FTS5 query for `terms`: each term a phrase of its folded tokens, all required.
    static func ftsQuery(_ terms: [String]) -> String? {
        let phrases = terms.map { SearchFolding.tokens($0) }.filter { !$0.isEmpty }.map { "\"" + $0.replacingOccurrences(of: "\"", with: "") + "\"" }
        return phrases.isEmpty ? nil : phrases.joined(separator: " ")
    }

    /// Documents whose title or text holds every term, in either script (`半导体` finds
    /// `半導體`), best first; optionally only those published in a range, of a region, or
    /// mentioning an entity (an id, a name or an alias in either script).
    public func search(_ terms: [String], since: String? = nil, until: String? = nil, region: String? = nil,
                       entity: String? = nil, limit: Int = 20) throws -> [SearchHit] {
        guard let query = Self.ftsQuery(terms) else { return [] }
        return try db.read { db in
            var ids: [String]? = nil
            if let entity { ids = try Self.entityIDs(entity, in: db) }
            if let ids, ids.isEmpty { return [] }
            let entityFilter = ids.map { "AND d.doc_id IN (SELECT doc_id FROM mention WHERE entity_id IN (\($0.map { _ in "?" }.joined(separator: ","))))" } ?? ""
            var arguments: [DatabaseValueConvertible?] = [query, since, since, until, until, region, region]
            arguments += (ids ?? []).map { $0 as DatabaseValueConvertible? }
            arguments.append(limit)
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.doc_id, d.title, d.published, d.region, json_extract(d.record, '$.url') AS url,
                       json_extract(d.record, '$.text') AS text, bm25(search, 5.0, 1.0) AS score
                FROM search JOIN document d ON d.rowid = search.rowid
                WHERE search MATCH ? AND (? IS NULL OR d.published >= ?) AND (? IS NULL OR d.published <= ?)
                  AND (? IS NULL OR d.region = ?) \(entityFilter)
                ORDER BY score, d.doc_id LIMIT ?
                """, arguments: StatementArguments(arguments) ?? [])
            return rows.map { r in
                let text: String = r["text"] ?? ""
                return SearchHit(docID: r["doc_id"], title: r["title"], published: r["published"], region: r["region"], url: r["url"],
                                 score: r["score"], snippet: Self.snippet(text, terms: terms))
            }
        }
    }

    /// The entity ids an id, a name or an alias (either script) names.
    static func entityIDs(_ e: String, in db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT entity_id FROM entity WHERE entity_id = ?1 OR name = ?1 OR name_hans = ?1 OR name_en = ?1
            UNION SELECT entity_id FROM entity_alias WHERE alias = ?1
            """, arguments: [e])
    }

    /// The text around the first place a term occurs, folded as the index folds, the hit marked.
    static func snippet(_ text: String, terms: [String], radius: Int = 24) -> String {
        let scalars = Array(text.unicodeScalars)
        let folded = SearchFolding.folded(scalars)
        for term in terms {
            let needle = SearchFolding.folded(Array(term.unicodeScalars.filter { SearchFolding.isWordScalar($0) }))
            guard !needle.isEmpty, needle.count <= folded.count else { continue }
            for i in 0...(folded.count - needle.count) where folded[i] == needle[0] && folded[i..<(i + needle.count)].elementsEqual(needle) {
                let a = max(0, i - radius), b = min(scalars.count, i + needle.count + radius)
                func str(_ r: Range<Int>) -> String {
                    String(String.UnicodeScalarView(scalars[r].map { $0 == "\n" ? " " : $0 }))
                }
                return (a > 0 ? "…" : "") + str(a..<i) + "【" + str(i..<(i + needle.count)) + "】" + str((i + needle.count)..<b) + (b < scalars.count ? "…" : "")
            }
        }
        return String(String.UnicodeScalarView(scalars.prefix(2 * radius)))
    }
}
