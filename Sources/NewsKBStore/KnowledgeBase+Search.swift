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

    /// How many matches are ranked by BM25 over the whole index; a query matching more ranks
    /// the newest this many (`ranking` of ``search(_:since:until:region:entity:limit:)``).
    public static let rankedMatches = 1000

    /// How a search ranked its hits.
    public enum Ranking: String, Sendable {
        /// SQLite's BM25 over every match.
        case all
        /// More than ``KnowledgeBase/rankedMatches`` documents matched: the newest of them
        /// (stored last) ranked by the same formula, each term weighing the same.
        case newest
    }

    /// Documents whose title or text holds every term, in either script (`半导体` finds
    /// `半導體`), best first; optionally only those published in a range, of a region, or
    /// mentioning an entity (an id, a name or an alias in either script).
    public func search(_ terms: [String], since: String? = nil, until: String? = nil, region: String? = nil,
                       entity: String? = nil, limit: Int = 20) throws -> [SearchHit] {
        try searchRanked(terms, since: since, until: until, region: region, entity: entity, limit: limit).hits
    }

    /// ``search(_:since:until:region:entity:limit:)`` and how it ranked them.
    public func searchRanked(_ terms: [String], since: String? = nil, until: String? = nil, region: String? = nil,
                             entity: String? = nil, limit: Int = 20, rankedMatches cap: Int = rankedMatches) throws -> (hits: [SearchHit], ranking: Ranking) {
        guard let query = Self.ftsQuery(terms) else { return ([], .all) }
        return try db.read { db in
            var ids: [String]? = nil
            if let entity { ids = try Self.entityIDs(entity, in: db) }
            if let ids, ids.isEmpty { return ([], .all) }
            let entityFilter = ids.map { "AND d.doc_id IN (SELECT doc_id FROM mention WHERE entity_id IN (\($0.map { _ in "?" }.joined(separator: ","))))" } ?? ""
            var arguments: [DatabaseValueConvertible?] = [query, since, since, until, until, region, region]
            arguments += (ids ?? []).map { $0 as DatabaseValueConvertible? }
            let filters = """
                search MATCH ? AND (? IS NULL OR d.published >= ?) AND (? IS NULL OR d.published <= ?)
                  AND (? IS NULL OR d.region = ?) \(entityFilter)
                """
            // The newest matches first: SQLite stops after enough, however many match.
            let newest = try Int64.fetchAll(db, sql: """
                SELECT search.rowid FROM search JOIN document d ON d.rowid = search.rowid WHERE \(filters)
                ORDER BY search.rowid DESC LIMIT ?
                """, arguments: StatementArguments(arguments + [cap + 1]) ?? [])
            if newest.count <= cap {
                let rows = try Row.fetchAll(db, sql: """
                    SELECT d.doc_id, d.title, d.published, d.region, d.url, d.text, bm25(search, 5.0, 1.0) AS score
                    FROM search JOIN document d ON d.rowid = search.rowid WHERE \(filters)
                    ORDER BY score, d.doc_id LIMIT ?
                    """, arguments: StatementArguments(arguments + [limit]) ?? [])
                return (rows.map { r in
                    SearchHit(docID: r["doc_id"], title: r["title"], published: r["published"], region: r["region"], url: r["url"],
                              score: r["score"], snippet: Self.snippet(r["text"] ?? "", terms: terms))
                }, .all)
            }
            // Too many to rank them all within a user's patience: the newest, by BM25 computed
            // here (title five times the text, as the index ranks).
            let sample = Array(newest.prefix(cap))
            let needles = terms.map(Self.needle).filter { !$0.isEmpty }
            var scored: [(score: Double, row: Row)] = []
            let statement = try db.cachedStatement(sql: "SELECT doc_id, title, published, region, url, text FROM document WHERE rowid = ?")
            var lengths: [Double] = []
            var frequencies: [[Double]] = []
            var rows: [Row] = []
            for id in sample {
                guard let r = try Row.fetchOne(statement, arguments: [id]) else { continue }
                let title = SearchFolding.folded(Array((r["title"] as String? ?? "").unicodeScalars))
                let body = SearchFolding.folded(Array((r["text"] as String? ?? "").unicodeScalars))
                lengths.append(Double(title.count + body.count))
                frequencies.append(needles.map { 5 * Double(Self.occurrences(of: $0, in: title)) + Double(Self.occurrences(of: $0, in: body)) })
                rows.append(r)
            }
            let average = max(1, lengths.reduce(0, +) / Double(max(1, lengths.count)))
            let k1 = 1.2, b = 0.75
            for (i, r) in rows.enumerated() {
                var score = 0.0
                for tf in frequencies[i] { score -= tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[i] / average)) }
                scored.append((score, r))
            }
            scored.sort { $0.score != $1.score ? $0.score < $1.score : ($0.row["doc_id"] as String) < ($1.row["doc_id"] as String) }
            return (scored.prefix(limit).map { x in
                SearchHit(docID: x.row["doc_id"], title: x.row["title"], published: x.row["published"], region: x.row["region"], url: x.row["url"],
                          score: x.score, snippet: Self.snippet(x.row["text"] ?? "", terms: terms))
            }, .newest)
        }
    }

    /// A search term folded as the index folds it, without the characters the index skips.
    static func needle(_ term: String) -> [Unicode.Scalar] {
        SearchFolding.folded(Array(term.unicodeScalars.filter { SearchFolding.isWordScalar($0) }))
    }

    /// Whether `needle` starts at `i` of `haystack` (both folded).
    static func occurs(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], at i: Int) -> Bool {
        i + needle.count <= haystack.count && haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle)
    }

    /// How often `needle` occurs in `haystack` (both folded), not overlapping.
    static func occurrences(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int {
        guard !needle.isEmpty else { return 0 }
        var n = 0, i = 0
        while i + needle.count <= haystack.count {
            if occurs(needle, in: haystack, at: i) { n += 1; i += needle.count } else { i += 1 }
        }
        return n
    }

    /// The entity ids an id, a name or an alias (either script) names.
    static func entityIDs(_ e: String, in db: Database) throws -> [String] {
        // The name as given and in the other script: 创科局 finds the alias 創科局.
        let forms = Array(Set([e] + NameKey.scriptVariants(e) + NameKey.traditionalVariants(e))).sorted()
        var ids = Set<String>()
        for form in forms {
            ids.formUnion(try String.fetchAll(db, sql: """
                SELECT entity_id FROM entity WHERE entity_id = ?1 OR name = ?1 OR name_hans = ?1 OR name_en = ?1
                UNION SELECT entity_id FROM entity_alias WHERE alias = ?1
                """, arguments: [form]))
        }
        return ids.sorted()
    }

    /// The text around the first place a term occurs, folded as the index folds, the hit marked.
    static func snippet(_ text: String, terms: [String], radius: Int = 24) -> String {
        let scalars = Array(text.unicodeScalars)
        let folded = SearchFolding.folded(scalars)
        for term in terms {
            let needle = Self.needle(term)
            guard !needle.isEmpty, needle.count <= folded.count else { continue }
            for i in 0...(folded.count - needle.count) where occurs(needle, in: folded, at: i) {
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
