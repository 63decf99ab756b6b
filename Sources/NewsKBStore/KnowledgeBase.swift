import CSQLiteConfig
import GRDB
import NewsKBCore

/// The SQLite knowledge base (GRDB, WAL): documents, mentions, entities and aliases,
/// relations, and the ingest ledger. One writer process at a time.
public final class KnowledgeBase {
    public let db: DatabaseQueue
    public let path: String
    /// The entities this process has written, and the counts of the open transaction (ingest's writer).
    let entities = EntityCache()

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
        /// Made by an older NewsKB and in a place this process cannot write: it cannot be upgraded here.
        case older(String)

        public var description: String {
            switch self {
            case .foreign(let p): return "\(p) is a SQLite file but not a NewsKB knowledge base; refusing to write to it"
            case .newer(let p, let m): return "\(p) was made by a newer NewsKB (migrations \(m.joined(separator: ", ")) unknown to this binary); upgrade newskb"
            case .corrupt(let p, let r): return "\(p) is damaged (quick_check: \(r)); restore it from a backup or rebuild it with ingest"
            case .older(let p): return "\(p) was made by an older NewsKB and cannot be upgraded where it is (read-only); run any writing command (ingest) on a writable copy once"
            }
        }
    }

    /// Opens (creating when missing) the knowledge base at `path` and migrates it. A file
    /// that is not a NewsKB knowledge base, or one a newer NewsKB made, is refused; with
    /// `checkIntegrity` (every writing command) a damaged one is refused before anything is written.
    public init(path: String, checkIntegrity: Bool = false) throws {
        _ = Self.sqliteConfigured
        var config = Configuration()
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            Self.addFunctions(db)
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
            // Indexes a bulk ingest that was killed had dropped (``deferIndexes()``).
            try Self.restoreIndexes(in: db)
        }
    }

    /// SQLite's process-wide options, set once before the first connection opens
    /// (`newskb_sqlite_configure`): no per-connection mutex, no memory statistics. The
    /// writer binds hundreds of thousands of mention values, and each took two mutexes.
    private static let sqliteConfigured: Int32 = newskb_sqlite_configure()

    /// The search index's folding (``SearchFolding/tokens(_:)``) as the SQL function
    /// `newskb_search_tokens`, for the migration that fills the index of an existing knowledge
    /// base and for queries written in SQL.
    static func addFunctions(_ db: Database) {
        db.add(function: DatabaseFunction("newskb_search_tokens", argumentCount: 1, pure: true) { values in
            (String.fromDatabaseValue(values[0]) ?? "").isEmpty ? "" : SearchFolding.tokens(String.fromDatabaseValue(values[0])!)
        })
    }

    /// Opens an existing knowledge base for reading only: nothing is created, migrated or
    /// locked, so it works beside a running ingest and on a published snapshot in a read-only
    /// directory (where SQLite cannot make the WAL's shared-memory file, the file is opened
    /// as immutable). A knowledge base an older binary made is upgraded first when its
    /// directory can be written, and refused with ``OpenError/older(_:)`` when it cannot.
    public init(readingAt path: String) throws {
        _ = Self.sqliteConfigured
        self.path = path
        func open(_ location: String) throws -> DatabaseQueue {
            var config = Configuration()
            config.readonly = true
            config.busyMode = .timeout(30)
            config.prepareDatabase { db in Self.addFunctions(db) }
            let queue = try DatabaseQueue(path: location, configuration: config)
            try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
            return queue
        }
        var queue: DatabaseQueue
        do {
            queue = try open(path)
        } catch let e as DatabaseError where [ResultCode.SQLITE_CANTOPEN, ResultCode.SQLITE_READONLY].contains(e.resultCode.primaryResultCode) {
            queue = try open(Self.immutableURI(path))
        }
        let current = try queue.read { db -> Bool in
            if try Self.checkIdentity(db, path: path, integrity: false) { throw OpenError.foreign(path) }
            return try Self.migrator.hasCompletedMigrations(db)
        }
        if !current {
            guard FileIO.isWritable(path), FileIO.isWritable(FileIO.directory(of: path)) else { throw OpenError.older(path) }
            _ = try KnowledgeBase(path: path)
            queue = try open(path)
        }
        db = queue
    }

    /// A SQLite URI that opens `path` as immutable: no locks, no WAL, no shared memory.
    static func immutableURI(_ path: String) -> String {
        var encoded = ""
        for c in path.unicodeScalars {
            switch c {
            case "%", "?", "#": encoded += "%" + String(c.value, radix: 16, uppercase: true)
            default: encoded.unicodeScalars.append(c)
            }
        }
        return "file:" + encoded + "?immutable=1"
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
