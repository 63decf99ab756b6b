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

    /// An integer, or NULL.
    mutating func int(_ value: Int?) {
        if let value { int(value) } else { text(nil) }
    }

    /// A flag as 0 or 1, or NULL.
    mutating func bool(_ value: Bool?) {
        int(value.map { $0 ? 1 : 0 })
    }

    private mutating func check(_ code: Int32) {
        if code != SQLITE_OK && bindCode == SQLITE_OK { bindCode = code }
    }

    /// Runs the statement with the values bound since the last row, then resets it. Every
    /// parameter is bound again for the next row, so the bindings are not cleared.
    mutating func insert() throws {
        defer {
            sqlite3_reset(handle)
            column = 0
            bindCode = SQLITE_OK
        }
        // A row that left a parameter unbound would reuse the last row's value: refused.
        if bindCode == SQLITE_OK && column != sqlite3_bind_parameter_count(handle) { bindCode = SQLITE_RANGE }
        let code = bindCode == SQLITE_OK ? sqlite3_step(handle) : bindCode
        guard code == SQLITE_DONE else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) }
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
    }
}
