internal import CSQLite

/// A value bound to a statement parameter.
public enum SQLValue: Sendable, Equatable {
    case int(Int64)
    case double(Double)
    case text(String)
    case null
}

/// `SQLITE_TRANSIENT`: SQLite copies bound text at once. The C macro cannot be imported.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement (https://sqlite.org/c3ref/stmt.html).
public final class Statement {
    let handle: OpaquePointer
    private let connection: Connection
    private let sql: String

    init(connection: Connection, sql: String) throws(SQLiteError) {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection.handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw SQLiteError(code: code, connection: connection.handle, sql: sql)
        }
        handle = statement
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement and binds `values` to parameters 1…n (https://sqlite.org/c3ref/bind_blob.html).
    public func bind(_ values: [SQLValue]) throws(SQLiteError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32 =
                switch value {
                case .int(let v): sqlite3_bind_int64(handle, index, v)
                case .double(let v): sqlite3_bind_double(handle, index, v)
                case .text(let v): bindText(v, at: index)
                case .null: sqlite3_bind_null(handle, index)
                }
            guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: connection.handle, sql: sql) }
        }
    }

    /// Binds `text` with its length, so SQLite need not measure it (the article's text is bound twice
    /// per insert). An empty string is bound as empty text, not NULL.
    private func bindText(_ text: String, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, transient)
            }
            return sqlite3_bind_text(
                handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), transient)
        }
    }

    /// Binds `values` (see `bind(_:)`).
    public func bind(_ values: SQLValue...) throws(SQLiteError) { try bind(values) }

    /// Advances to the next row; false when done (https://sqlite.org/c3ref/step.html).
    @discardableResult
    public func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(code: code, connection: connection.handle, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Ends the current run so the statement holds no read lock (https://sqlite.org/c3ref/reset.html).
    public func reset() { sqlite3_reset(handle) }

    /// Binds `values` and runs the statement to its end.
    public func run(_ values: SQLValue...) throws(SQLiteError) {
        try bind(values)
        while try step() {}
    }

    /// Column `index` of the current row as an integer.
    public func int(_ index: Int32) -> Int { Int(sqlite3_column_int64(handle, index)) }

    /// Column `index` of the current row as a double.
    public func double(_ index: Int32) -> Double { sqlite3_column_double(handle, index) }

    /// Column `index` of the current row as text ("" for NULL).
    public func text(_ index: Int32) -> String { optionalText(index) ?? "" }

    /// Column `index` of the current row as text, nil for NULL.
    public func optionalText(_ index: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, index) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, index))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// True when column `index` of the current row is NULL.
    public func isNull(_ index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }
}
