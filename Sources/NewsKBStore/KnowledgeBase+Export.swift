import GRDB
import NewsKBCore

extension KnowledgeBase {
    /// Writes the whole knowledge base as JSONL per the contract: each document followed by
    /// its mentions, relations and facts (documents by id), then entities by id with their counts,
    /// then error records. The same knowledge base always gives the same bytes.
    public func export(_ write: (String) throws -> Void) throws {
        try db.read { db in
            // A cursor, not an array: one document's record in memory at a time.
            let docs = try Row.fetchCursor(db, sql: "SELECT doc_id, record FROM document ORDER BY doc_id")
            while let row = try docs.next() {
                let id: String = row["doc_id"]
                try write(row["record"])
                let docID = Records.jsonString(id)
                let mentions = try Row.fetchCursor(db.cachedStatement(sql: "SELECT \(MentionRow.exportColumns) FROM mention WHERE doc_id = ? ORDER BY ord"), arguments: [id])
                while let m = try mentions.next() { try write(String(decoding: MentionRow.record(m, docID: docID), as: UTF8.self)) }
                for r in try String.fetchAll(db, sql: "SELECT record FROM relation WHERE doc_id = ? ORDER BY ord", arguments: [id]) { try write(r) }
                for r in try String.fetchAll(db, sql: "SELECT record FROM fact WHERE doc_id = ? ORDER BY ord", arguments: [id]) { try write(r) }
            }
            for e in try entities(db) { try write(e.serialized()) }
            for row in try Row.fetchAll(db, sql: "SELECT * FROM input_error ORDER BY source") {
                try write(Records.error(Self.failure(row)).serialized())
            }
        }
    }

    /// Every entity with its counts (an entity a relation names without a mention has 0).
    func entities(_ db: Database) throws -> [JSONValue] {
        var aliases: [String: [String]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT entity_id, alias FROM entity_alias ORDER BY entity_id, alias") {
            aliases[r["entity_id"], default: []].append(r["alias"])
        }
        return try Row.fetchAll(db, sql: "SELECT * FROM entity ORDER BY entity_id").compactMap { r in
            let id: String = r["entity_id"]
            guard let type = MentionType(rawValue: r["type"]) else { return nil }
            let m: Int = r["mentions"], d: Int = r["documents"]
            let name: String = r["name"]
            let info = EntityInfo(id: id, type: type, name: name, nameHans: r["name_hans"], nameEn: r["name_en"],
                                  aliases: (aliases[id] ?? []).filter { $0 != name })
            return Records.entity(info, mentions: m, documents: d)
        }
    }

    /// Counts for `stats`.
    public struct Stats: Sendable {
        public var documents: Int
        public var mentionsByType: [(String, Int)]
        public var entitiesByType: [(String, Int)]
        public var relationsByType: [(String, Int)]
        public var errors: Int
        public var topEntities: [(id: String, name: String, type: String, mentions: Int, documents: Int)]
        /// Date mentions without a value (relative, in a document with no published date).
        public var unresolvedDates: Int = 0
    }

    public func stats(top: Int) throws -> Stats {
        try db.read { db in
            func grouped(_ sql: String) throws -> [(String, Int)] { try Row.fetchAll(db, sql: sql).map { ($0[0], $0[1]) } }
            let topRows = try Row.fetchAll(db, sql: """
                SELECT entity_id, name, type, mentions AS n, documents AS d FROM entity WHERE mentions > 0
                ORDER BY n DESC, entity_id LIMIT ?
                """, arguments: [top])
            return Stats(
                documents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0,
                mentionsByType: try grouped("SELECT type, COUNT(*) FROM mention GROUP BY type ORDER BY type"),
                entitiesByType: try grouped("SELECT type, COUNT(*) FROM entity WHERE mentions > 0 GROUP BY type ORDER BY type"),
                relationsByType: try grouped("SELECT type, COUNT(*) FROM relation GROUP BY type ORDER BY type"),
                errors: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM input_error") ?? 0,
                topEntities: topRows.map { ($0["entity_id"], $0["name"], $0["type"], $0["n"], $0["d"]) },
                unresolvedDates: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM mention WHERE type = 'date' AND date_start IS NULL") ?? 0)
        }
    }
}
