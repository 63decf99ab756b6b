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
        /// A report gives it as part of another fact of the same recipient (a first tranche of
        /// a total): totals leave it out, since the total holds it.
        public var isPart: Bool = false
    }

    /// The funding facts, linked across documents, oldest report first; with `entity`
    /// (an id, a name or an alias, in either script) only those it received or gave.
    public func fundingFacts(entity: String? = nil, since: String? = nil, until: String? = nil) throws -> [FundingFact] {
        try db.read { db in
            var filter = ""
            var arguments: [DatabaseValueConvertible?] = []
            if let entity {
                let ids = try Self.entityIDs(entity, in: db)
                if ids.isEmpty { return [] }
                (filter, arguments) = Self.receivedOrGiven(by: ids, table: "f")
                filter = "WHERE " + filter
            }
            // One pass over the facts in the order of the same fact's reports (recipient,
            // currency, amount, then oldest document first): each run of rows is one fact.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT f.fact_id, f.doc_id, f.recipient, e.name AS recipient_name, f.funder, fe.name AS funder_name, f.currency,
                       CAST(f.amount_min AS TEXT) AS amount_min, CAST(f.amount_max AS TEXT) AS amount_max,
                       CASE WHEN f.date_source = 'text' THEN f.date_start END AS text_date, d.published, f.sentence_start, f.sentence_end,
                       f.part_of IS NOT NULL AS is_part
                FROM fact f JOIN document d ON d.doc_id = f.doc_id JOIN entity e ON e.entity_id = f.recipient
                LEFT JOIN entity fe ON fe.entity_id = f.funder
                \(filter)
                ORDER BY f.recipient, f.currency, f.amount_min IS NULL, f.amount_min, f.amount_max IS NULL, f.amount_max,
                         d.published IS NULL, d.published, f.doc_id
                """, arguments: StatementArguments(arguments) ?? [])
            var facts: [FundingFact] = []
            var firstSpan: [(doc: String, start: Int, end: Int)] = []
            var key: [String?] = []
            while let r = try rows.next() {
                let k: [String?] = [r["recipient"], r["currency"], r["amount_min"], r["amount_max"]]
                let funder: String? = r["funder"], date: String? = r["text_date"], published: String? = r["published"], doc: String = r["doc_id"]
                if k != key || facts.isEmpty {
                    key = k
                    facts.append(FundingFact(recipient: r["recipient"], recipientName: r["recipient_name"], currency: r["currency"],
                                             amountMin: r["amount_min"], amountMax: r["amount_max"], funder: funder, funderName: r["funder_name"],
                                             dateStart: date, firstReported: published, firstDocument: doc, sentence: "",
                                             documents: [doc], firstFactID: r["fact_id"], isPart: r["is_part"]))
                    firstSpan.append((doc, r["sentence_start"], r["sentence_end"]))
                    continue
                }
                let i = facts.count - 1
                facts[i].documents.append(doc)
                if r["is_part"] as Bool { facts[i].isPart = true }
                // As SQL's MIN: the smallest funder id and the earliest date the texts give.
                if let funder, facts[i].funder.map({ funder < $0 }) ?? true { facts[i].funder = funder; facts[i].funderName = r["funder_name"] }
                if let date, facts[i].dateStart.map({ date < $0 }) ?? true { facts[i].dateStart = date }
            }
            facts = facts.enumerated().filter { _, f in
                (since.map { s in f.firstReported.map { $0 >= s } ?? false } ?? true) && (until.map { u in f.firstReported.map { $0 <= u } ?? false } ?? true)
            }.map { i, f in
                var f = f
                let span = firstSpan[i]
                f.sentence = (try? String.fetchOne(db.cachedStatement(sql: "SELECT substr(text, ? + 1, ? - ?) FROM document WHERE doc_id = ?"),
                                                   arguments: [span.start, span.end, span.start, span.doc])) ?? nil ?? ""
                return f
            }
            // Oldest first report first, as the listing reads.
            return facts.sorted { a, b in
                let x = (a.firstReported == nil ? 1 : 0, a.firstReported ?? "", a.recipient), y = (b.firstReported == nil ? 1 : 0, b.firstReported ?? "", b.recipient)
                if x != y { return x < y }
                return (a.amountMin.flatMap { Double($0) } ?? -1) < (b.amountMin.flatMap { Double($0) } ?? -1)
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
        var out: [FactRecord] = []
        try forEachFactRecord(filter) { out.append($0) }
        return out
    }

    /// The same, one at a time as SQLite reads them: a listing of half a million facts
    /// holds one in memory, not all.
    public func forEachFactRecord(_ filter: FactFilter = FactFilter(), _ body: (FactRecord) throws -> Void) throws {
        try db.read { db in
            let ids: [String]? = try filter.entity.map { try Self.entityIDs($0, in: db) }
            if let ids, ids.isEmpty { return }
            let entity = ids.map { Self.receivedOrGiven(by: $0, table: "ff") }
            let entityClause = entity.map { "AND " + $0.sql } ?? ""
            let rows = try Row.fetchCursor(db, sql: """
                SELECT ff.*, f.date_end, f.date_source FROM funding_fact ff JOIN fact f USING (fact_id)
                WHERE (?1 IS NULL OR coalesce(ff.date_start, ff.published) >= ?1) AND (?2 IS NULL OR coalesce(ff.date_start, ff.published) <= ?2)
                  AND (?3 IS NULL OR coalesce(ff.amount_max, ff.amount_min) >= ?3) AND (?4 IS NULL OR ff.currency = ?4) \(entityClause)
                ORDER BY coalesce(ff.date_start, ff.published) IS NULL, coalesce(ff.date_start, ff.published), ff.doc_id, f.ord
                """, arguments: StatementArguments([filter.since, filter.until, filter.minAmount.flatMap { Double("\($0)") }, filter.currency?.uppercased()]
                                                   + (entity?.arguments ?? [])) ?? [])
            while let r = try rows.next() {
                try body(FactRecord(factID: r["fact_id"], docID: r["doc_id"], title: r["title"], url: r["url"], published: r["published"],
                                    recipient: r["recipient"], recipientName: r["recipient_name"], recipientText: r["recipient_text"],
                                    funder: r["funder"], funderName: r["funder_name"], funderText: r["funder_text"], currency: r["currency"],
                                    amountMin: Self.decimalText(r, "amount_min"), amountMax: Self.decimalText(r, "amount_max"),
                                    approximate: r["approximate"], dateStart: r["date_start"], dateEnd: r["date_end"], dateSource: r["date_source"],
                                    purpose: r["purpose"], sentence: r["sentence"] ?? ""))
            }
        }
    }

    /// Facts the entities `ids` received or gave: a condition on the `recipient` and `funder`
    /// columns of `table`, with its arguments (the ids twice).
    static func receivedOrGiven(by ids: [String], table: String) -> (sql: String, arguments: [DatabaseValueConvertible?]) {
        let marks = ids.map { _ in "?" }.joined(separator: ",")
        return ("(\(table).recipient IN (\(marks)) OR \(table).funder IN (\(marks)))", ids + ids)
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
