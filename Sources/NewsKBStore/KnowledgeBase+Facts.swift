#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GRDB
import NewsKBCore

extension KnowledgeBase {
    /// A funding fact as the knowledge base knows it across documents: every document that
    /// reports the same recipient and amount is one fact, first reported by the earliest.
    public struct FundingFact: Sendable, Equatable {
        public var recipient: String
        public var recipientName: String
        public var currency: String
        public var amountMin: String?
        public var amountMax: String?
        public var funder: String?
        public var funderName: String?
        /// The earliest date a text gives for the allocation (`YYYY-MM-DD`), if any.
        public var dateStart: String?
        public var firstReported: String?
        public var firstDocument: String
        /// The sentence of the first report that states it.
        public var sentence: String
        public var documents: [String]
        /// The fact record of the first report (`fact_id` in its document).
        public var firstFactID: String = ""
    }

    /// The funding facts, linked across documents, oldest report first; with `entity`
    /// (an id, a name or an alias, in either script) only those it received or gave.
    public func fundingFacts(entity: String? = nil, since: String? = nil, until: String? = nil) throws -> [FundingFact] {
        try db.read { db in
            let ids: Set<String>? = try entity.map { Set(try Self.entityIDs($0, in: db)) }
            let rows = try Row.fetchAll(db, sql: """
                SELECT fu.*, fe.name AS funder_name, fs.sentence, ff.fact_id AS first_fact_id,
                       (SELECT group_concat(doc_id, ' ') FROM (SELECT f.doc_id FROM fact f JOIN document d USING (doc_id)
                          WHERE f.recipient = fu.recipient AND f.currency = fu.currency AND f.amount_min IS fu.amount_min AND f.amount_max IS fu.amount_max
                          ORDER BY d.published IS NULL, d.published, f.doc_id)) AS sources
                FROM funding fu
                LEFT JOIN entity fe ON fe.entity_id = fu.funder
                JOIN fact ff ON ff.doc_id = fu.first_doc AND ff.recipient = fu.recipient AND ff.currency = fu.currency
                     AND ff.amount_min IS fu.amount_min AND ff.amount_max IS fu.amount_max
                JOIN fact_sentence fs ON fs.fact_id = ff.fact_id
                WHERE (?1 IS NULL OR fu.first_reported >= ?1) AND (?2 IS NULL OR fu.first_reported <= ?2)
                ORDER BY fu.first_reported IS NULL, fu.first_reported, fu.recipient, fu.amount_min
                """, arguments: [since, until])
            return rows.compactMap { r -> FundingFact? in
                let recipient: String = r["recipient"], funder: String? = r["funder"]
                if let ids, !ids.contains(recipient), !(funder.map(ids.contains) ?? false) { return nil }
                func decimal(_ column: String) -> String? { Self.decimalText(r, column) }
                return FundingFact(recipient: recipient, recipientName: r["recipient_name"], currency: r["currency"],
                                   amountMin: decimal("amount_min"), amountMax: decimal("amount_max"), funder: funder,
                                   funderName: r["funder_name"], dateStart: r["date_start"], firstReported: r["first_reported"],
                                   firstDocument: r["first_doc"], sentence: r["sentence"] ?? "",
                                   documents: (r["sources"] as String? ?? "").split(separator: " ").map(String.init),
                                   firstFactID: r["first_fact_id"])
            }
        }
    }
}

extension KnowledgeBase {
    /// One document's funding fact: a row of the `funding_fact` view (restatements inside
    /// the document are already one fact; a fact reported by two documents is two of these).
    public struct FactRecord: Sendable, Equatable {
        public var factID: String
        public var docID: String
        public var title: String?
        public var url: String?
        public var published: String?
        public var recipient: String
        public var recipientName: String
        public var recipientText: String
        public var funder: String?
        public var funderName: String?
        public var funderText: String?
        public var currency: String
        public var amountMin: String?
        public var amountMax: String?
        public var approximate: Bool
        public var dateStart: String?
        public var dateEnd: String?
        public var dateSource: String?
        public var purpose: String?
        public var sentence: String

        /// The day the fact is of: the date its text gives, else the document's.
        public var day: String? { dateStart ?? published }
    }

    /// Which facts a query wants.
    public struct FactFilter: Sendable {
        /// An entity id, name or alias (either script): facts it received or gave.
        public var entity: String?
        /// Facts of this day or later, and of this day or earlier (`YYYY-MM-DD`): the fact's
        /// own date when its text gives one, else its document's.
        public var since: String?
        public var until: String?
        /// Facts whose amount can reach this many currency units (its max, or its min when open).
        public var minAmount: Decimal?
        public var currency: String?
        public init(entity: String? = nil, since: String? = nil, until: String? = nil, minAmount: Decimal? = nil, currency: String? = nil) {
            self.entity = entity
            self.since = since
            self.until = until
            self.minAmount = minAmount
            self.currency = currency
        }
    }

    /// Every document's funding facts that pass `filter`, oldest first.
    public func factRecords(_ filter: FactFilter = FactFilter()) throws -> [FactRecord] {
        try db.read { db in
            let ids: [String]? = try filter.entity.map { try Self.entityIDs($0, in: db) }
            if let ids, ids.isEmpty { return [] }
            let idList = (ids ?? []).map { "'" + $0.replacingAll("'", "''") + "'" }.joined(separator: ",")
            let entityClause = ids == nil ? "" : "AND (recipient IN (\(idList)) OR funder IN (\(idList)))"
            let rows = try Row.fetchAll(db, sql: """
                SELECT ff.*, f.date_end, f.date_source FROM funding_fact ff JOIN fact f USING (fact_id)
                WHERE (?1 IS NULL OR coalesce(ff.date_start, ff.published) >= ?1) AND (?2 IS NULL OR coalesce(ff.date_start, ff.published) <= ?2)
                  AND (?3 IS NULL OR coalesce(ff.amount_max, ff.amount_min) >= ?3) AND (?4 IS NULL OR ff.currency = ?4) \(entityClause)
                ORDER BY coalesce(ff.date_start, ff.published) IS NULL, coalesce(ff.date_start, ff.published), ff.doc_id, f.ord
                """, arguments: [filter.since, filter.until, filter.minAmount.flatMap { Double("\($0)") }, filter.currency?.uppercased()])
            return rows.map { r in
                FactRecord(factID: r["fact_id"], docID: r["doc_id"], title: r["title"], url: r["url"], published: r["published"],
                           recipient: r["recipient"], recipientName: r["recipient_name"], recipientText: r["recipient_text"],
                           funder: r["funder"], funderName: r["funder_name"], funderText: r["funder_text"], currency: r["currency"],
                           amountMin: Self.decimalText(r, "amount_min"), amountMax: Self.decimalText(r, "amount_max"),
                           approximate: r["approximate"], dateStart: r["date_start"], dateEnd: r["date_end"], dateSource: r["date_source"],
                           purpose: r["purpose"], sentence: r["sentence"] ?? "")
            }
        }
    }

    /// A NUMERIC column as decimal text (whole amounts are stored as integers).
    static func decimalText(_ r: Row, _ column: String) -> String? {
        let v: DatabaseValue = r[column]
        switch v.storage {
        case .int64(let i): return String(i)
        case .double(let d): return String(d)
        case .string(let s): return s
        default: return nil
        }
    }
}
