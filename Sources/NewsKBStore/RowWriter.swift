import GRDB
import GRDBSQLite

/// Writes rows through one of GRDB's cached statements with the SQLite C API.
///
/// Ingest writes hundreds of thousands of mention rows; building GRDB argument values
/// (an array of existentials per row) costs more than SQLite's own work. Values are bound
/// in column order with ``text(_:)`` and ``int(_:)``, then ``insert()`` steps the statement.
/// GRDB stays the owner of the statement and the connection.
struct RowWriter {
    private let statement: Statement
    private let handle: OpaquePointer
    private let connection: OpaquePointer?
    private var column: Int32 = 0
    /// The first binding error since the last row (reported by ``insert()``).
    private var bindCode = SQLITE_OK

    /// SQLite copies text it is given with this destructor.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    mutating func text(_ value: String?) {
        column += 1
        guard var value else { check(sqlite3_bind_null(handle, column)); return }
        let code = value.withUTF8 { bytes in
            if let base = bytes.baseAddress {
                return sqlite3_bind_text(handle, column, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), Self.transient)
            }
            return sqlite3_bind_text(handle, column, "", 0, Self.transient)
        }
        check(code)
    }

    mutating func int(_ value: Int) {
        column += 1
        check(sqlite3_bind_int64(handle, column, Int64(value)))
    }

    private mutating func check(_ code: Int32) {
        if code != SQLITE_OK && bindCode == SQLITE_OK { bindCode = code }
    }

    /// Runs the statement with the values bound since the last row, then clears them.
    mutating func insert() throws {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            column = 0
            bindCode = SQLITE_OK
        }
        let code = bindCode == SQLITE_OK ? sqlite3_step(handle) : bindCode
        guard code == SQLITE_DONE else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}

/// The rows of one document, one cached statement per table: `ingest` (from processed
/// documents) and `load` (from `extract`'s JSONL) write them the same way.
struct DocumentRows {
    private var documents: RowWriter
    private var mentions: RowWriter
    private var relations: RowWriter
    private var facts: RowWriter
    private var search: RowWriter
    private let connection: OpaquePointer?

    init(_ db: Database) throws {
        connection = db.sqliteConnection
        search = try RowWriter(db, sql: "INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)")
        documents = try RowWriter(db, sql: """
            INSERT INTO document (doc_id, source, origin, sha256, pipeline, published, language, region, title, record)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        mentions = try RowWriter(db, sql: """
            INSERT INTO mention (doc_id, ord, type, text, start, "end", entity_id, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        relations = try RowWriter(db, sql: "INSERT INTO relation (doc_id, ord, type, subject, record) VALUES (?, ?, ?, ?, ?)")
        facts = try RowWriter(db, sql: """
            INSERT INTO fact (fact_id, doc_id, ord, type, recipient, recipient_text, funder, funder_text, currency, amount_min, amount_max,
                              approximate, date_start, date_end, date_granularity, date_source, purpose,
                              evidence_start, evidence_end, sentence_start, sentence_end, record)
            VALUES (?, ?, ?, 'funding', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// Clears the way for a document: an earlier version (its mentions and relations go with
    /// it) when `replacing`, and, with `clearErrors` (`load`, whose parts carry no files),
    /// any error record it had. Ingest clears errors by file when the file is done instead.
    static func clear(docID: String, replacing: Bool, clearErrors: Bool, in db: Database) throws {
        if replacing { try db.cachedStatement(sql: "DELETE FROM document WHERE doc_id = ?").execute(arguments: [docID]) }
        if clearErrors { try db.cachedStatement(sql: "DELETE FROM input_error WHERE doc_id = ?").execute(arguments: [docID]) }
    }

    /// A document's row and its search-index row (`search`: the title's and the text's
    /// ``SearchFolding/tokens(_:)``, made before the write transaction where they can be).
    mutating func document(id: String, source: String, origin: String?, sha256: String, pipeline: String, published: String?,
                           language: String, region: String?, title: String?, search: (title: String, body: String), record: String) throws {
        for value in [id, source, origin, sha256, pipeline, published, language, region, title, record] { documents.text(value) }
        try documents.insert()
        self.search.int(Int(sqlite3_last_insert_rowid(connection)))
        self.search.text(search.title)
        self.search.text(search.body)
        try self.search.insert()
    }

    mutating func mention(docID: String, ord: Int, type: String, text: String, start: Int, end: Int, entityID: String?, record: String) throws {
        mentions.text(docID); mentions.int(ord); mentions.text(type); mentions.text(text)
        mentions.int(start); mentions.int(end); mentions.text(entityID); mentions.text(record)
        try mentions.insert()
    }

    mutating func relation(docID: String, ord: Int, type: String, subject: String, record: String) throws {
        relations.text(docID); relations.int(ord); relations.text(type); relations.text(subject); relations.text(record)
        try relations.insert()
    }

    mutating func fact(_ f: FactRow) throws {
        for v in [f.factID, f.docID] { facts.text(v) }
        facts.int(f.ord)
        for v in [f.recipient, f.recipientText, f.funder, f.funderText, f.currency, f.amountMin, f.amountMax] { facts.text(v) }
        facts.int(f.approximate ? 1 : 0)
        for v in [f.dateStart, f.dateEnd, f.dateGranularity, f.dateSource, f.purpose] { facts.text(v) }
        for v in [f.evidence.start, f.evidence.end, f.sentence.start, f.sentence.end] { facts.int(v) }
        facts.text(f.record)
        try facts.insert()
    }
}
