import Foundation
import GRDB
import GRDBSQLite

/// A prepared INSERT fed through SQLite's C API: the demo writes tens of millions of rows, and building an argument
/// array of boxed values for each one cost more than SQLite's own work.
struct BulkInsert {
    private let statement: Statement
    private var column: Int32 = 0

    init(_ db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds the next parameter to an integer, or NULL.
    mutating func int(_ value: Int?) {
        column += 1
        if let value { sqlite3_bind_int64(statement.sqliteStatement, column, Int64(value)) } else { sqlite3_bind_null(statement.sqliteStatement, column) }
    }

    /// Binds the next parameter to a text, or NULL.
    mutating func text(_ value: String?) {
        column += 1
        guard let value else { sqlite3_bind_null(statement.sqliteStatement, column); return }
        let s = statement.sqliteStatement, c = column
        var copy = value
        copy.withUTF8 { bytes in
            // An empty buffer may have no address, and a null pointer would bind NULL: bind "" itself.
            guard bytes.count > 0 else { _ = sqlite3_bind_text(s, c, "", 0, transientDestructor); return }
            _ = bytes.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(s, c, $0.baseAddress, Int32($0.count), transientDestructor) }
        }
    }

    /// Inserts the row bound so far.
    mutating func step(_ db: Database) throws {
        column = 0
        let code = sqlite3_step(statement.sqliteStatement)
        sqlite3_reset(statement.sqliteStatement)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
    }
}

/// SQLite's SQLITE_TRANSIENT: it copies the bytes before the bind returns.
private let transientDestructor = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
