internal import CSQLite

/// An error reported by SQLite, keeping its result code (https://sqlite.org/rescode.html).
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The extended result code (`SQLITE_FULL`, `SQLITE_CORRUPT` …).
    public let code: Int32
    /// SQLite's own message.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    init(code: Int32, connection: OpaquePointer?, sql: String? = nil) {
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
        self.init(code: code, message: message ?? String(cString: sqlite3_errstr(code)), sql: sql)
    }

    /// The primary result code (the low byte of `code`).
    public var primaryCode: Int32 { code & 0xFF }

    /// True when the disk or the database reached its size limit (`SQLITE_FULL`).
    public var isDiskFull: Bool { primaryCode == SQLITE_FULL }
    /// True when the file is no SQLite database (`SQLITE_NOTADB`).
    public var isNotADatabase: Bool { primaryCode == SQLITE_NOTADB }
    /// True when the database file is damaged (`SQLITE_CORRUPT`).
    public var isCorrupt: Bool { primaryCode == SQLITE_CORRUPT }
    /// True when another connection holds a lock (`SQLITE_BUSY` / `SQLITE_LOCKED`).
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }
    /// True when the database or its folder cannot be written (`SQLITE_READONLY`, `SQLITE_CANTOPEN`, `SQLITE_PERM`).
    public var isNotWritable: Bool {
        primaryCode == SQLITE_READONLY || primaryCode == SQLITE_PERM || primaryCode == SQLITE_CANTOPEN
    }

    /// One line for developers: code, message and statement.
    public var description: String {
        "SQLite error \(code): \(message)" + (sql.map { " (in: \($0.prefix(120)))" } ?? "")
    }
}
