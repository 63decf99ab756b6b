import GRDB

extension KnowledgeBase {
    /// Secondary indexes that a large ingest builds once, at its end, instead of row by row.
    ///
    /// Each mention of a body or programme adds a key to `mention_entity` in entity order, a
    /// random place in a large b-tree: about 40% of what writing a mention row costs. Sorting
    /// them all at once costs a fraction of that. The statements are those of the latest
    /// migration that made each index.
    static let deferrableIndexes: [(name: String, create: String)] = [
        ("mention_entity", "CREATE INDEX IF NOT EXISTS mention_entity ON mention(entity_id) WHERE entity_id IS NOT NULL"),
        ("relation_subject", "CREATE INDEX IF NOT EXISTS relation_subject ON relation(subject)"),
        ("relation_object_entity", "CREATE INDEX IF NOT EXISTS relation_object_entity ON relation(object_entity) WHERE object_entity IS NOT NULL"),
        ("fact_recipient", "CREATE INDEX IF NOT EXISTS fact_recipient ON fact(recipient)"),
        ("fact_funder", "CREATE INDEX IF NOT EXISTS fact_funder ON fact(funder) WHERE funder IS NOT NULL"),
    ]

    /// Drops the deferrable indexes for a bulk ingest; ``restoreIndexes()`` makes them again.
    /// Queries stay right meanwhile, only slower; a run killed in between leaves them to
    /// the next writer that opens the knowledge base, which makes any that are missing.
    public func deferIndexes() throws {
        try db.writeWithoutTransaction { db in
            for i in Self.deferrableIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(i.name)") }
        }
    }

    /// Makes every deferrable index that is missing.
    public func restoreIndexes() throws {
        try db.writeWithoutTransaction { db in try Self.restoreIndexes(in: db) }
    }

    static func restoreIndexes(in db: Database) throws {
        for i in deferrableIndexes { try db.execute(sql: i.create) }
    }

    /// How many documents the knowledge base holds.
    public func documentCount() throws -> Int {
        try db.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document") ?? 0 }
    }
}
