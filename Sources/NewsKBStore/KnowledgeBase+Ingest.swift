import GRDB
import NewsKBCore

extension KnowledgeBase {
    /// What happened to one document.
    public enum StoreOutcome: String, Sendable {
        case added, replaced, unchanged
    }

    /// Writes one processed document in one transaction. The same id with the same content
    /// and pipeline changes nothing; a changed document replaces its old mentions and relations.
    @discardableResult
    public func store(_ doc: NewsDocument, pipeline: String) throws -> StoreOutcome {
        try db.write { db in try Self.store(doc, pipeline: pipeline, in: db) }
    }

    /// Writes several documents in one transaction (a crash leaves all or none of them).
    public func store(batch docs: [NewsDocument], pipeline: String) throws -> [StoreOutcome] {
        try db.write { db in try docs.map { try Self.store($0, pipeline: pipeline, in: db) } }
    }

    /// Writes documents whose records were serialised already (on worker threads), in one transaction.
    public func store(batch docs: [(NewsDocument, Records.Serialized)], pipeline: String) throws -> [StoreOutcome] {
        try db.write { db in try docs.map { try Self.store($0.0, pipeline: pipeline, records: $0.1, in: db) } }
    }

    static func store(_ doc: NewsDocument, pipeline: String, records: Records.Serialized? = nil, in db: Database) throws -> StoreOutcome {
        let records = records ?? Records.serialize(doc)
        let old = try Row.fetchOne(db.cachedStatement(sql: "SELECT sha256, pipeline FROM document WHERE doc_id = ?"), arguments: [doc.id])
        if let o = old, o["sha256"] as String == doc.sha256, o["pipeline"] as String == pipeline { return .unchanged }
        try DocumentRows.clear(docID: doc.id, replacing: old != nil, in: db)
        var rows = try DocumentRows(db)
        try rows.document(id: doc.id, source: doc.source, sha256: doc.sha256, pipeline: pipeline, published: doc.published?.description,
                          language: doc.language, region: doc.region, title: doc.title, record: records.document)
        for (i, m) in doc.mentions.enumerated() {
            try rows.mention(docID: doc.id, ord: i, type: m.type.rawValue, text: doc.text(of: m), start: m.start, end: m.end,
                             entityID: m.entityID, record: records.mentions[i])
        }
        for id in doc.entities.keys.sorted() {
            try upsertEntity(doc.entities[id]!, in: db)
        }
        for (i, r) in doc.relations.enumerated() {
            try rows.relation(docID: doc.id, ord: i, type: r.type, subject: r.subject, record: records.relations[i])
        }
        return old == nil ? .added : .replaced
    }

    /// Adds or merges an entity. Every surface seen is kept as an alias; a rule-made entity's
    /// display name is the smallest of its names, so it does not depend on which document,
    /// worker or part came first.
    static func upsertEntity(_ e: EntityInfo, in db: Database) throws {
        let upsert = try db.cachedStatement(sql: """
            INSERT INTO entity (entity_id, type, name, name_hans, name_en) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(entity_id) DO UPDATE SET
                name = CASE WHEN instr(entity_id, '~') > 0 THEN min(name, excluded.name) ELSE name END,
                name_hans = CASE WHEN instr(entity_id, '~') > 0 THEN min(name_hans, excluded.name_hans) ELSE name_hans END
            """)
        try upsert.execute(arguments: [e.id, e.type.rawValue, e.name, e.nameHans, e.nameEn])
        var alias = try RowWriter(db, sql: "INSERT OR IGNORE INTO entity_alias (entity_id, alias) VALUES (?, ?)")
        for a in Set(e.aliases + [e.name]) {
            alias.text(e.id); alias.text(a)
            try alias.insert()
        }
    }

    /// Records an input that could not be processed (replacing an earlier error for it).
    public func recordError(source: String, docID: String?, error: String) throws {
        try db.write { db in try Self.recordError(source: source, docID: docID, error: error, in: db) }
    }

    static func recordError(source: String, docID: String?, error: String, in db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO input_error (source, doc_id, error) VALUES (?, ?, ?)", arguments: [source, docID, error])
    }

    /// A ledger row: what was ingested from an input file.
    public struct LedgerEntry: Sendable, Equatable {
        public var source: String
        public var size: Int64
        public var mtime: Int64
        public var sha256: String
        public var status: String
        public var documents: Int

        public init(source: String, size: Int64, mtime: Int64, sha256: String, status: String, documents: Int) {
            self.source = source
            self.size = size
            self.mtime = mtime
            self.sha256 = sha256
            self.status = status
            self.documents = documents
        }
    }

    /// Every ledger row, by source (one query at the start of a run).
    public func ledgerEntries() throws -> [String: LedgerEntry] {
        try db.read { db in
            var out: [String: LedgerEntry] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT * FROM ledger") {
                out[r["source"]] = LedgerEntry(source: r["source"], size: r["size"], mtime: r["mtime"], sha256: r["sha256"], status: r["status"], documents: r["documents"])
            }
            return out
        }
    }

    /// Records several ledger rows in one transaction.
    public func recordLedger(_ entries: [LedgerEntry]) throws {
        try db.write { db in
            for e in entries { try Self.recordLedger(e, in: db) }
        }
    }

    public func recordLedger(_ e: LedgerEntry) throws {
        try db.write { db in try Self.recordLedger(e, in: db) }
    }

    static func recordLedger(_ e: LedgerEntry, in db: Database) throws {
        do {
            try db.execute(sql: "INSERT OR REPLACE INTO ledger (source, size, mtime, sha256, status, documents) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [e.source, e.size, e.mtime, e.sha256, e.status, e.documents])
            if e.status == "ok" {
                try db.execute(sql: "DELETE FROM input_error WHERE source = ? OR source LIKE ? ESCAPE '\\' OR source LIKE ? ESCAPE '\\'",
                               arguments: [e.source, Self.likeEscaped(e.source) + ":%", Self.likeEscaped(e.source) + "#%"])
            }
        }
    }

    static func likeEscaped(_ s: String) -> String { s.replacingAll("\\", "\\\\").replacingAll("%", "\\%").replacingAll("_", "\\_") }

    /// Removes entities no mention points to any more (after documents were replaced).
    public func pruneEntities() throws {
        try db.write { db in
            try db.execute(sql: "DELETE FROM entity WHERE entity_id NOT IN (SELECT DISTINCT entity_id FROM mention WHERE entity_id IS NOT NULL)")
        }
    }
}

extension String {
    func replacingAll(_ a: String, _ b: String) -> String {
        split(separator: a, omittingEmptySubsequences: false).joined(separator: b)
    }
}
