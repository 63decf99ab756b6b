import GRDB
import NewsKBCore

/// The SQLite knowledge base (GRDB, WAL): documents, mentions, entities and aliases,
/// relations, and the ingest ledger. One writer process at a time.
public final class KnowledgeBase {
    public let db: DatabaseQueue
    public let path: String

    /// SQLite's `application_id` of a NewsKB knowledge base ("NKB1").
    public static let applicationID: Int32 = 0x4E4B_4231

    /// Why a file cannot be used as this binary's knowledge base.
    public enum OpenError: Error, CustomStringConvertible {
        /// A SQLite file of something else (tables of its own, no NewsKB migrations).
        case foreign(String)
        /// Made by a newer NewsKB: migrations this binary does not know.
        case newer(String, [String])
        /// `PRAGMA quick_check` found damage.
        case corrupt(String, String)

        public var description: String {
            switch self {
            case .foreign(let p): return "\(p) is a SQLite file but not a NewsKB knowledge base; refusing to write to it"
            case .newer(let p, let m): return "\(p) was made by a newer NewsKB (migrations \(m.joined(separator: ", ")) unknown to this binary); upgrade newskb"
            case .corrupt(let p, let r): return "\(p) is damaged (quick_check: \(r)); restore it from a backup or rebuild it with ingest"
            }
        }
    }

    /// Opens (creating when missing) the knowledge base at `path` and migrates it. A file
    /// that is not a NewsKB knowledge base, or one a newer NewsKB made, is refused; with
    /// `checkIntegrity` (every writing command) a damaged one is refused before anything is written.
    public init(path: String, checkIntegrity: Bool = false) throws {
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // The search index's folding (SearchFolding.tokens), for the migration that fills
            // the index of an existing knowledge base and for queries written in SQL.
            db.add(function: DatabaseFunction("newskb_search_tokens", argumentCount: 1, pure: true) { values in
                (String.fromDatabaseValue(values[0]) ?? "").isEmpty ? "" : SearchFolding.tokens(String.fromDatabaseValue(values[0])!)
            })
            // Ingest writes mention rows by the hundred thousand; a 16 MB page cache keeps
            // the indexes being updated in memory.
            try db.execute(sql: "PRAGMA cache_size = -16000")
        }
        self.path = path
        db = try DatabaseQueue(path: path, configuration: config)
        try db.writeWithoutTransaction { db in
            let isNew = try Self.checkIdentity(db, path: path, integrity: checkIntegrity)
            // Larger pages for a new knowledge base (no effect on an existing one): shallower
            // b-trees for rows of a few hundred bytes. Must precede the first write.
            try db.execute(sql: "PRAGMA page_size = 16384")
            // A new file is marked as ours before anything else is written, so a run killed
            // while migrating leaves a knowledge base the next run recognises and finishes.
            if isNew { try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)") }
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        try Self.migrator.migrate(db)
        try db.writeWithoutTransaction { db in
            if try Int32.fetchOne(db, sql: "PRAGMA application_id") != Self.applicationID {
                try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
            }
        }
    }

    /// Refuses a foreign, newer or (with `integrity`) damaged database before it is changed.
    /// Returns whether the database is new: no tables, or (a run of an earlier binary killed
    /// while migrating) only GRDB's empty migrations table.
    @discardableResult
    static func checkIdentity(_ db: Database, path: String, integrity: Bool) throws -> Bool {
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if tables.isEmpty { return true }
        let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let ours = appID == applicationID
        guard tables.contains("grdb_migrations") else { throw OpenError.foreign(path) }
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        if tables == ["grdb_migrations"] && applied.isEmpty && (appID == 0 || ours) { return true }
        let known = Set(migrator.migrations)
        if !ours && (appID != 0 || !applied.contains("v1-documents-mentions-entities-relations-ledger")) { throw OpenError.foreign(path) }
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty { throw OpenError.newer(path, unknown) }
        if integrity {
            let result = try String.fetchAll(db, sql: "PRAGMA quick_check")
            if result != ["ok"] { throw OpenError.corrupt(path, result.prefix(3).joined(separator: "; ")) }
        }
        return false
    }

    /// Append-only named migrations.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-documents-mentions-entities-relations-ledger") { db in
            try db.execute(sql: """
                CREATE TABLE document (
                    doc_id TEXT PRIMARY KEY NOT NULL,
                    source TEXT NOT NULL,
                    sha256 TEXT NOT NULL,
                    pipeline TEXT NOT NULL,
                    published TEXT,
                    language TEXT NOT NULL,
                    region TEXT,
                    title TEXT,
                    record TEXT NOT NULL
                );
                CREATE TABLE mention (
                    doc_id TEXT NOT NULL REFERENCES document(doc_id) ON DELETE CASCADE,
                    ord INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    text TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL CHECK ("end" > start),
                    entity_id TEXT,
                    record TEXT NOT NULL,
                    PRIMARY KEY (doc_id, ord)
                );
                CREATE INDEX mention_entity ON mention(entity_id);
                CREATE INDEX mention_type ON mention(type);
                CREATE TABLE entity (
                    entity_id TEXT PRIMARY KEY NOT NULL,
                    type TEXT NOT NULL,
                    name TEXT NOT NULL,
                    name_hans TEXT,
                    name_en TEXT
                );
                CREATE TABLE entity_alias (
                    entity_id TEXT NOT NULL REFERENCES entity(entity_id) ON DELETE CASCADE,
                    alias TEXT NOT NULL,
                    PRIMARY KEY (entity_id, alias)
                );
                CREATE TABLE relation (
                    doc_id TEXT NOT NULL REFERENCES document(doc_id) ON DELETE CASCADE,
                    ord INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    record TEXT NOT NULL,
                    PRIMARY KEY (doc_id, ord)
                );
                CREATE INDEX relation_subject ON relation(subject);
                CREATE TABLE ledger (
                    source TEXT PRIMARY KEY NOT NULL,
                    size INTEGER NOT NULL,
                    mtime INTEGER NOT NULL,
                    sha256 TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('ok', 'partial', 'error')),
                    documents INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE input_error (
                    source TEXT PRIMARY KEY NOT NULL,
                    doc_id TEXT,
                    error TEXT NOT NULL
                );
                """)
        }
        // Mention rows are most of what ingest writes: keep them in their primary-key b-tree
        // (no separate rowid table), index entity ids only where there is one (amounts and
        // dates have none), and drop the index on type, which has four values and serves
        // only whole-table counts. Errors are looked up by document on every store.
        m.registerMigration("v2-mentions-without-rowid") { db in
            try db.execute(sql: """
                CREATE TABLE mention_v2 (
                    doc_id TEXT NOT NULL REFERENCES document(doc_id) ON DELETE CASCADE,
                    ord INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    text TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL CHECK ("end" > start),
                    entity_id TEXT,
                    record TEXT NOT NULL,
                    PRIMARY KEY (doc_id, ord)
                ) WITHOUT ROWID;
                INSERT INTO mention_v2 SELECT doc_id, ord, type, text, start, "end", entity_id, record FROM mention;
                DROP TABLE mention;
                ALTER TABLE mention_v2 RENAME TO mention;
                CREATE INDEX mention_entity ON mention(entity_id) WHERE entity_id IS NOT NULL;
                CREATE INDEX input_error_doc ON input_error(doc_id);
                """)
        }
        // Archives: a document knows the canonical file it came from (collisions, pruning);
        // the ledger records the digests a file was processed under (changes applied) and
        // the run; error rows are typed (file, line, record, stage, code) and belong to the
        // file and run that produced them, so one file's errors never replace another's.
        m.registerMigration("v3-origins-digests-typed-errors-runs") { db in
            try db.execute(sql: """
                ALTER TABLE document ADD COLUMN origin TEXT;
                CREATE INDEX document_origin ON document(origin) WHERE origin IS NOT NULL;
                ALTER TABLE ledger ADD COLUMN pipeline_digest TEXT NOT NULL DEFAULT '';
                ALTER TABLE ledger ADD COLUMN options_digest TEXT NOT NULL DEFAULT '';
                ALTER TABLE ledger ADD COLUMN run_id TEXT;
                CREATE TABLE input_error_v3 (
                    source TEXT PRIMARY KEY NOT NULL,
                    file TEXT NOT NULL,
                    line INTEGER,
                    record INTEGER,
                    doc_id TEXT,
                    stage TEXT NOT NULL,
                    code TEXT NOT NULL,
                    message TEXT NOT NULL,
                    error TEXT NOT NULL,
                    origin TEXT,
                    run_id TEXT
                );
                INSERT INTO input_error_v3 (source, file, doc_id, stage, code, message, error)
                    SELECT source, source, doc_id, 'read',
                           CASE WHEN instr(error, ': ') > 0 THEN substr(error, 1, instr(error, ': ') - 1) ELSE 'E-INPUT' END,
                           CASE WHEN instr(error, ': ') > 0 THEN substr(error, instr(error, ': ') + 2) ELSE error END, error
                    FROM input_error;
                DROP TABLE input_error;
                ALTER TABLE input_error_v3 RENAME TO input_error;
                CREATE INDEX input_error_doc ON input_error(doc_id);
                CREATE INDEX input_error_origin ON input_error(origin);
                CREATE INDEX input_error_file ON input_error(file);
                CREATE TABLE run (
                    run_id TEXT PRIMARY KEY NOT NULL,
                    command TEXT NOT NULL,
                    started TEXT NOT NULL,
                    finished TEXT,
                    summary TEXT
                );
                """)
        }
        // Funding facts, typed: who got how much from whom, when, by which sentence. The
        // entity keys are checked at commit (a part's entity records follow its documents).
        // `funding` links the same fact reported by several documents (same recipient and
        // amount): first reported, every source, so a total counts it once.
        m.registerMigration("v4-funding-facts") { db in
            try db.execute(sql: """
                CREATE TABLE fact (
                    fact_id TEXT PRIMARY KEY NOT NULL,
                    doc_id TEXT NOT NULL REFERENCES document(doc_id) ON DELETE CASCADE,
                    ord INTEGER NOT NULL,
                    type TEXT NOT NULL CHECK (type = 'funding'),
                    recipient TEXT NOT NULL REFERENCES entity(entity_id) DEFERRABLE INITIALLY DEFERRED,
                    recipient_text TEXT NOT NULL,
                    funder TEXT REFERENCES entity(entity_id) DEFERRABLE INITIALLY DEFERRED,
                    funder_text TEXT,
                    currency TEXT NOT NULL,
                    amount_min NUMERIC,
                    amount_max NUMERIC,
                    approximate INTEGER NOT NULL CHECK (approximate IN (0, 1)),
                    date_start TEXT,
                    date_end TEXT,
                    date_granularity TEXT,
                    date_source TEXT CHECK (date_source IN ('text', 'published')),
                    purpose TEXT,
                    evidence_start INTEGER NOT NULL,
                    evidence_end INTEGER NOT NULL,
                    sentence_start INTEGER NOT NULL,
                    sentence_end INTEGER NOT NULL,
                    record TEXT NOT NULL,
                    UNIQUE (doc_id, ord)
                );
                CREATE INDEX fact_recipient ON fact(recipient);
                CREATE INDEX fact_funder ON fact(funder) WHERE funder IS NOT NULL;
                CREATE VIEW fact_sentence AS
                    SELECT f.fact_id, f.doc_id, d.published, d.source,
                           substr(json_extract(d.record, '$.text'), f.sentence_start + 1, f.sentence_end - f.sentence_start) AS sentence
                    FROM fact f JOIN document d USING (doc_id);
                CREATE VIEW funding AS
                    SELECT f.recipient, e.name AS recipient_name, e.type AS recipient_type, f.currency, f.amount_min, f.amount_max,
                           MIN(f.funder) AS funder, MIN(CASE WHEN f.date_source = 'text' THEN f.date_start END) AS date_start,
                           MIN(d.published) AS first_reported,
                           (SELECT f2.doc_id FROM fact f2 JOIN document d2 USING (doc_id)
                              WHERE f2.recipient = f.recipient AND f2.currency = f.currency
                                AND f2.amount_min IS f.amount_min AND f2.amount_max IS f.amount_max
                              ORDER BY d2.published IS NULL, d2.published, f2.doc_id LIMIT 1) AS first_doc,
                           COUNT(*) AS documents, group_concat(f.doc_id, ' ') AS doc_ids
                    FROM fact f JOIN document d USING (doc_id) JOIN entity e ON e.entity_id = f.recipient
                    GROUP BY f.recipient, f.currency, f.amount_min, f.amount_max;
                """)
        }
        // Full-text search in either script: each document's title and text as SearchFolding
        // tokens (one Han character a token, Simplified), rowid = the document's rowid; a
        // deleted or replaced document leaves the index with it. Existing documents are indexed here.
        m.registerMigration("v5-search") { db in
            try db.execute(sql: """
                CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 0');
                CREATE TRIGGER document_search_delete AFTER DELETE ON document BEGIN
                    DELETE FROM search WHERE rowid = old.rowid;
                END;
                INSERT INTO search (rowid, title, body)
                    SELECT rowid, newskb_search_tokens(coalesce(title, '')), newskb_search_tokens(json_extract(record, '$.text')) FROM document;
                """)
        }
        return m
    }
}
