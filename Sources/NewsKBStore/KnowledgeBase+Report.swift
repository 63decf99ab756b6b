import GRDB
import NewsKBCore

extension KnowledgeBase {
    /// An entity as the report lists it.
    public struct ReportEntity: Sendable {
        public var id: String
        public var type: String
        public var name: String
        public var nameHans: String?
        public var nameEn: String?
        public var aliases: [String]
        public var mentions: Int
        public var documents: Int
        /// Mentions per year of the documents' dates (`YYYY` → count).
        public var mentionsByYear: [String: Int]
    }

    /// The entities worth a page: every recipient or funder of a fact, and the `top` most
    /// mentioned others; most mentioned first.
    public func reportEntities(top: Int) throws -> [ReportEntity] {
        try db.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM entity WHERE entity_id IN (SELECT recipient FROM fact UNION SELECT funder FROM fact WHERE funder IS NOT NULL)
                   OR entity_id IN (SELECT entity_id FROM entity WHERE mentions > 0 ORDER BY mentions DESC, entity_id LIMIT ?)
                ORDER BY mentions DESC, entity_id
                """, arguments: [top])
            var aliases: [String: [String]] = [:]
            var years: [String: [String: Int]] = [:]
            let ids = Set(rows.map { $0["entity_id"] as String })
            for r in try Row.fetchAll(db, sql: "SELECT entity_id, alias FROM entity_alias ORDER BY entity_id, alias") where ids.contains(r["entity_id"]) {
                aliases[r["entity_id"], default: []].append(r["alias"])
            }
            for r in try Row.fetchAll(db, sql: """
                SELECT m.entity_id, substr(d.published, 1, 4) AS y, COUNT(*) AS n FROM mention m JOIN document d ON d.doc_id = m.doc_id
                WHERE m.entity_id IS NOT NULL AND d.published IS NOT NULL GROUP BY m.entity_id, y
                """) where ids.contains(r["entity_id"]) {
                years[r["entity_id"], default: [:]][r["y"]] = r["n"]
            }
            return rows.map { r in
                let id: String = r["entity_id"], name: String = r["name"]
                return ReportEntity(id: id, type: r["type"], name: name, nameHans: r["name_hans"], nameEn: r["name_en"],
                                    aliases: (aliases[id] ?? []).filter { $0 != name }, mentions: r["mentions"], documents: r["documents"],
                                    mentionsByYear: years[id] ?? [:])
            }
        }
    }

    /// A document as its report page shows it: its text, its mentions and its facts' spans.
    public struct ReportDocument: Sendable {
        public struct Span: Sendable {
            public var start: Int
            public var end: Int
            public var type: String
            public var entityID: String?
        }
        public struct FactSpan: Sendable {
            public var factID: String
            public var evidence: Range<Int>
            public var sentence: Range<Int>
            public var recipient: String
            public var currency: String
            /// Whole currency units as decimal text.
            public var amountMin: String?
            public var amountMax: String?
            public var approximate: Bool
        }
        public var id: String
        public var title: String?
        public var published: String?
        public var url: String?
        public var source: String
        public var text: String
        public var mentions: [Span]
        public var facts: [FactSpan]
    }

    /// The ids of the documents that state a funding fact, oldest first.
    public func documentsWithFacts() throws -> [String] {
        try db.read { db in
            try String.fetchAll(db, sql: """
                SELECT d.doc_id FROM document d WHERE EXISTS (SELECT 1 FROM fact f WHERE f.doc_id = d.doc_id)
                ORDER BY d.published IS NULL, d.published, d.doc_id
                """)
        }
    }

    /// One document with its mentions and fact spans, or nil when it is not stored.
    public func reportDocument(_ id: String) throws -> ReportDocument? {
        try db.read { db in
            guard let d = try Row.fetchOne(db, sql: "SELECT doc_id, title, published, url, source, text FROM document WHERE doc_id = ?", arguments: [id]) else { return nil }
            let mentions = try Row.fetchAll(db, sql: "SELECT start, \"end\", type, entity_id FROM mention WHERE doc_id = ? ORDER BY ord", arguments: [id]).map {
                ReportDocument.Span(start: $0["start"], end: $0["end"], type: $0["type"], entityID: $0["entity_id"])
            }
            let facts = try Row.fetchAll(db, sql: """
                SELECT fact_id, evidence_start, evidence_end, sentence_start, sentence_end, recipient, currency, amount_min, amount_max, approximate
                FROM fact WHERE doc_id = ? ORDER BY ord
                """, arguments: [id]).map {
                ReportDocument.FactSpan(factID: $0["fact_id"], evidence: ($0["evidence_start"] as Int)..<($0["evidence_end"] as Int),
                                        sentence: ($0["sentence_start"] as Int)..<($0["sentence_end"] as Int), recipient: $0["recipient"],
                                        currency: $0["currency"], amountMin: Self.decimalText($0, "amount_min"), amountMax: Self.decimalText($0, "amount_max"),
                                        approximate: $0["approximate"])
            }
            return ReportDocument(id: id, title: d["title"], published: d["published"], url: d["url"], source: d["source"], text: d["text"] ?? "",
                                  mentions: mentions, facts: facts)
        }
    }

    /// The knowledge base's size at a glance.
    public func reportCounts() throws -> (documents: Int, mentions: Int, entities: Int, facts: Int) {
        try db.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mention") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entity WHERE mentions > 0") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM fact") ?? 0)
        }
    }
}
