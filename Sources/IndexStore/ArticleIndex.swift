#if canImport(Glibc)
import Glibc
#endif
import ArticleModel
import GermanAnalysis

/// The Stichwort index: one SQLite file (WAL) with the articles and their FTS5 index.
///
/// Open it for reading (`search`, `show`, `stats`, `check`) or for writing (`index`, `rebuild`).
/// Every failure is an `IndexError` with a message for the user.
public final class ArticleIndex {
    /// The open connection; exposed for the query and ingestion stages of this package.
    public let connection: Connection
    /// The database file.
    public let path: String
    private var statements: [String: Statement] = [:]

    /// How to open an index.
    public enum Access: Sendable {
        /// Read only: the index must exist and match this version.
        case read
        /// Read and write: the index is created when missing.
        case write
        /// Read and write for maintenance (`rebuild`): another analyzer version is accepted.
        case maintain
    }

    /// Opens (or with `.write`, creates) the index at `path`.
    public init(path: String, access: Access) throws(IndexError) {
        self.path = path
        let exists = fileExists(path)
        if !exists && access != .write { throw .missingDatabase(path: path) }
        do {
            connection = try Connection(path: path, mode: access == .read ? .readOnly : .create)
            let isEmpty = try !exists || isEmptyDatabase()
            if isEmpty {
                guard access == .write else { throw IndexError.missingDatabase(path: path) }
                try createSchema()
            }
            if access != .read {
                try connection.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;")
                try migrateSchema()
            }
        } catch {
            throw IndexError.from(any: error, path: path)
        }
        try validate(allowOtherAnalyzer: access == .maintain)
        if access != .read { try mapErrors(ensureSegmentMerging) }
    }

    /// Gives an index made before `Schema.segmentsMergedTogether` that setting (it changes no result).
    private func ensureSegmentMerging() throws(SQLiteError) {
        guard try connection.scalarInt(Schema.readSegmentsMergedTogether) != Schema.segmentsMergedTogether else { return }
        try connection.execute(Schema.setSegmentsMergedTogether)
    }

    private func isEmptyDatabase() throws(SQLiteError) -> Bool {
        try connection.scalarInt("SELECT count(*) FROM sqlite_schema") == 0
    }

    /// Creates the tables in one transaction (its errors reach `init`, which maps them for the user).
    private func createSchema() throws {
        // 16 KiB pages (set before the first table): an article row of a few KiB leaves a quarter of a
        // 4 KiB page empty; measured at 205,600 pages, 5 % smaller and 6 % faster to index, searches
        // no slower (https://sqlite.org/pragma.html#pragma_page_size).
        try connection.execute("PRAGMA page_size=16384; PRAGMA journal_mode=WAL")
        try connection.transaction {
            try connection.execute(Schema.createTables)
            try connection.execute(Schema.createFullText)
            try setMeta(MetaKey.format, Schema.formatName)
            try setMeta(MetaKey.schema, Schema.version)
            try setMeta(MetaKey.analyzer, AnalyzerVersion.identity)
        }
    }

    /// Brings an index of an older schema version up to date (for writing; reading needs no change).
    private func migrateSchema() throws {
        guard let schema = try? meta(MetaKey.schema), let migration = Schema.migrations[schema] else { return }
        try connection.transaction {
            try connection.execute(migration)
            try setMeta(MetaKey.schema, Schema.version)
        }
    }

    private func validate(allowOtherAnalyzer: Bool) throws(IndexError) {
        let format: String?
        do {
            format = try meta(MetaKey.format)
        } catch {
            if error.isNotADatabase { throw .notAnIndex(path: path, reason: "not an SQLite database") }
            if error.message.contains("no such table") {
                throw .notAnIndex(path: path, reason: "an SQLite database without Stichwort's tables")
            }
            throw IndexError.from(error, path: path)
        }
        guard format == Schema.formatName else {
            throw .notAnIndex(path: path, reason: "its meta table does not name the Stichwort format")
        }
        let schema = (try? meta(MetaKey.schema)) ?? nil
        // Reading works on every version that writing migrates from.
        guard let schema, schema == Schema.version || Schema.migrations[schema] != nil else {
            throw .schemaMismatch(path: path, found: schema ?? "none", expected: Schema.version)
        }
        let analyzer = (try? meta(MetaKey.analyzer)) ?? nil
        if analyzer != AnalyzerVersion.identity && !allowOtherAnalyzer {
            throw .analyzerMismatch(
                path: path, found: analyzer ?? "none", expected: AnalyzerVersion.identity)
        }
    }

    /// FTS5's `hashsize` of the full-text table (`Schema.pendingTermsSize`), for benchmarks that compare with it.
    public static var pendingTermsSize: Int { Schema.pendingTermsSize }

    /// The analyzer (FTS5 tokenizer name) the index was built with.
    public var analyzerName: String { ((try? meta(MetaKey.analyzer)) ?? nil) ?? "unknown" }

    // MARK: - meta

    func meta(_ key: String) throws(SQLiteError) -> String? {
        try connection.scalarText("SELECT value FROM meta WHERE key = ?", .text(key))
    }

    func setMeta(_ key: String, _ value: String) throws(SQLiteError) {
        try connection.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
            .run(.text(key), .text(value))
    }

    /// The archive root the index was built from, if any.
    public func archiveRoot() throws(IndexError) -> String? {
        try mapErrors { () throws(SQLiteError) in try meta(MetaKey.archiveRoot) }
    }

    /// Records the archive root the index mirrors.
    public func setArchiveRoot(_ root: String) throws(IndexError) {
        try mapErrors { () throws(SQLiteError) in try setMeta(MetaKey.archiveRoot, root) }
    }

    /// Records a summary of the last indexing run.
    public func setLastRun(_ summary: String) throws(IndexError) {
        try mapErrors { () throws(SQLiteError) in try setMeta(MetaKey.lastRun, summary) }
    }

    /// A prepared statement for `sql`, compiled once per index object.
    func cached(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try connection.prepare(sql)
        statements[sql] = statement
        return statement
    }

    /// Runs `body`, turning SQLite failures into `IndexError`s.
    public func mapErrors<T>(_ body: () throws(SQLiteError) -> T) throws(IndexError) -> T {
        do {
            return try body()
        } catch {
            throw IndexError.from(error, path: path)
        }
    }
}

/// True when something exists at `path`.
func fileExists(_ path: String) -> Bool {
    access(path, F_OK) == 0
}

/// Size in bytes of the file at `path`, 0 when it does not exist.
func fileSize(_ path: String) -> Int64 {
    var info = stat()
    return stat(path, &info) == 0 ? Int64(info.st_size) : 0
}
