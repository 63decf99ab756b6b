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
}
