import GRDB
import GRDBSQLite
import NewsKBCore

/// The rows of one document, one cached statement per table: `ingest` (from processed
/// documents) and `load` (from `extract`'s JSONL) write them the same way.
struct DocumentRows {
    private var documents: RowWriter
    private var mentions: RowWriter
    private var sentences: RowWriter
    private var relations: RowWriter
    private var facts: RowWriter
    private var search: RowWriter
    private let connection: OpaquePointer?

    init(_ db: Database) throws {
        connection = db.sqliteConnection
        search = try RowWriter(db, sql: "INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)")
        documents = try RowWriter(db, sql: DocumentRow.insertSQL)
        mentions = try RowWriter(db, sql: MentionRow.insertSQL)
        sentences = try RowWriter(db, sql: SentenceRow.insertSQL)
        relations = try RowWriter(db, sql: RelationRow.insertSQL)
        facts = try RowWriter(db, sql: FactRow.insertSQL)
    }

    /// Clears the way for a document: an earlier version (its mentions, sentences,
    /// relations and facts go with it, and its entities' counts are lowered) when `replacing`,
    /// and, with `clearErrors` (`load`, whose parts carry no files), any error record it had.
    /// Ingest clears errors by file when the file is done instead.
    static func clear(docID: String, replacing: Bool, clearErrors: Bool, in db: Database) throws {
        if replacing {
            try EntityCounts.subtract(docID: docID, in: db)
            try db.cachedStatement(sql: "DELETE FROM document WHERE doc_id = ?").execute(arguments: [docID])
        }
        if clearErrors { try db.cachedStatement(sql: "DELETE FROM input_error WHERE doc_id = ?").execute(arguments: [docID]) }
    }

    /// A document's row and its search-index row (`search`: the title's and the text's
    /// ``SearchFolding/tokens(_:)``, made before the write transaction where they can be).
    mutating func document(_ row: DocumentRow, search: (title: String, body: String)) throws {
        row.bind(to: &documents)
        try documents.insert()
        self.search.int(Int(sqlite3_last_insert_rowid(connection)))
        self.search.text(search.title)
        self.search.text(search.body)
        try self.search.insert()
    }

    mutating func sentence(_ row: SentenceRow) throws {
        row.bind(to: &sentences)
        try sentences.insert()
    }

    /// A mention with, for an amount or a date, its value.
    mutating func mention(_ row: MentionRow) throws {
        row.bind(to: &mentions)
        try mentions.insert()
    }

    mutating func relation(_ row: RelationRow) throws {
        row.bind(to: &relations)
        try relations.insert()
    }

    mutating func fact(_ row: FactRow) throws {
        row.bind(to: &facts)
        try facts.insert()
    }
}

/// The `mentions` and `documents` columns of `entity`: ingest adds each transaction's
/// documents (``KnowledgeBase/flushEntityCounts(in:)``) and takes away a replaced one's;
/// they are recounted whole where documents go in bulk (`load`, `prune`, the migration).
enum EntityCounts {
    /// Takes one stored document's mentions out of its entities' counts (before it is replaced).
    static func subtract(docID: String, in db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE entity SET mentions = mentions - c.n, documents = documents - 1
            FROM (SELECT entity_id, COUNT(*) AS n FROM mention WHERE doc_id = ? AND entity_id IS NOT NULL GROUP BY entity_id) AS c
            WHERE entity.entity_id = c.entity_id
            """).execute(arguments: [docID])
    }

    /// Counts every entity's mentions and documents again from the mention table.
    static func recount(in db: Database) throws {
        try db.execute(sql: """
            UPDATE entity SET mentions = coalesce(c.n, 0), documents = coalesce(c.d, 0)
            FROM (SELECT e.entity_id, m.n, m.d FROM entity e LEFT JOIN
                    (SELECT entity_id, COUNT(*) AS n, COUNT(DISTINCT doc_id) AS d FROM mention WHERE entity_id IS NOT NULL GROUP BY entity_id) m
                    USING (entity_id)) AS c
            WHERE entity.entity_id = c.entity_id
            """)
    }
}
