internal import CSQLite

/// One SQLite connection (https://sqlite.org/c3ref/sqlite3.html) with the German FTS5 tokenizer registered.
///
/// Not thread-safe: use a connection from one thread at a time.
public final class Connection {
    let handle: OpaquePointer
    /// The file the connection was opened on.
    public let path: String
    /// Tokens analysed ahead for the statement being run (read by this connection's FTS5 tokenizer).
    let preparedTokens = PreparedTokenSlot()

    /// How a connection opens its file.
    public enum Mode: Sendable {
        /// Read only; the file must exist.
        case readOnly
        /// Read and write; the file must exist.
        case readWrite
        /// Read and write; the file is created when missing.
        case create
    }

    /// Opens `path` (https://sqlite.org/c3ref/open.html) and registers the tokenizers.
    public init(path: String, mode: Mode) throws(SQLiteError) {
        _ = Self.configureLibrary
        var db: OpaquePointer?
        let flags: Int32 =
            switch mode {
            case .readOnly: SQLITE_OPEN_READONLY
            case .readWrite: SQLITE_OPEN_READWRITE
            case .create: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
            }
        let code = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            let error = SQLiteError(code: code, connection: db)
            sqlite3_close_v2(db)
            throw error
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, 10_000)
        // One look-up of the FTS5 API (a statement of its own) serves both registrations.
        let fts5 = try FTS5API.of(self)
        try GermanTokenizerModule.register(on: self, api: fts5)
        try RankFunction.register(on: self, api: fts5)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Library-wide settings, made once before the first connection opens: no memory statistics
    /// (they lock a mutex around every allocation; the writer thread allocates for every article).
    private static let configureLibrary: Void = {
        _ = stichwort_sqlite3_disable_memory_statistics()
    }()

    /// Runs one or more statements without results (https://sqlite.org/c3ref/exec.html).
    public func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: handle, sql: sql) }
    }

    /// Compiles a statement (https://sqlite.org/c3ref/prepare.html).
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(connection: self, sql: sql)
    }

    /// The first column of the first row of `sql`, as an integer (nil when there is no row).
    public func scalarInt(_ sql: String, _ arguments: SQLValue...) throws(SQLiteError) -> Int? {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        return try statement.step() ? statement.int(0) : nil
    }

    /// The first column of the first row of `sql`, as text (nil when there is no row or it is NULL).
    public func scalarText(_ sql: String, _ arguments: SQLValue...) throws(SQLiteError) -> String? {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        return try statement.step() ? statement.optionalText(0) : nil
    }

    /// Runs `body` in a transaction (https://sqlite.org/lang_transaction.html): committed when
    /// it returns, rolled back when it throws.
    public func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if sqlite3_get_autocommit(handle) == 0 { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// The rowid of the last inserted row (https://sqlite.org/c3ref/last_insert_rowid.html).
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement (https://sqlite.org/c3ref/changes.html).
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Rows changed since the connection opened (https://sqlite.org/c3ref/total_changes.html).
    public var totalChanges: Int { Int(sqlite3_total_changes(handle)) }

    /// Version of the SQLite library in use.
    public static var libraryVersion: String { String(cString: sqlite3_libversion()) }
}
