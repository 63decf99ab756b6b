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
    }

    /// The funding facts, linked across documents, oldest report first; with `entity`
    /// (an id, a name or an alias, in either script) only those it received or gave.
    public func fundingFacts(entity: String? = nil, since: String? = nil, until: String? = nil) throws -> [FundingFact] {
        try db.read { db in
            let ids: Set<String>? = try entity.map { Set(try Self.entityIDs($0, in: db)) }
            let rows = try Row.fetchAll(db, sql: """
                SELECT fu.*, fe.name AS funder_name, fs.sentence,
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
                func decimal(_ column: String) -> String? {
                    let v: DatabaseValue = r[column]
                    switch v.storage {
                    case .int64(let i): return String(i)
                    case .double(let d): return String(d)
                    case .string(let s): return s
                    default: return nil
                    }
                }
                return FundingFact(recipient: recipient, recipientName: r["recipient_name"], currency: r["currency"],
                                   amountMin: decimal("amount_min"), amountMax: decimal("amount_max"), funder: funder,
                                   funderName: r["funder_name"], dateStart: r["date_start"], firstReported: r["first_reported"],
                                   firstDocument: r["first_doc"], sentence: r["sentence"] ?? "",
                                   documents: (r["sources"] as String? ?? "").split(separator: " ").map(String.init))
            }
        }
    }
}
