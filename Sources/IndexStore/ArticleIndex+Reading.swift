import ArticleModel

/// Looking up what the index holds.
extension ArticleIndex {
    /// The indexed files' bookkeeping in path order, read one row at a time, so a run over a large
    /// index holds none of it in memory. The order is that of the UTF-8 bytes (SQLite's BINARY
    /// collation, https://sqlite.org/datatype3.html#collation), which `ArchiveWalker` walks in too.
    public func indexedFilesInPathOrder() throws(IndexError) -> IndexedFileCursor {
        try mapErrors { () throws(SQLiteError) in
            IndexedFileCursor(
                statement: try connection.prepare("SELECT id, path, size, mtime, hash FROM article ORDER BY path"),
                databasePath: path)
        }
    }

    /// The article stored for `path` (relative to the archive root), or nil.
    public func article(atPath path: String) throws(IndexError) -> StoredArticle? {
        try mapErrors { () throws(SQLiteError) in
            let statement = try connection.prepare(
                """
                SELECT id, path, size, mtime, hash, title, date, author, section, url, language, lead, body
                FROM article WHERE path = ?
                """)
            try statement.bind(.text(path))
            guard try statement.step() else { return nil }
            let file = IndexedFile(
                id: Int64(statement.int(0)), path: statement.text(1), size: Int64(statement.int(2)),
                mtime: Int64(statement.int(3)), hash: statement.text(4))
            let article = Article(
                title: statement.text(5), date: statement.text(6), author: statement.text(7),
                section: statement.text(8), url: statement.text(9), language: statement.text(10),
                lead: statement.text(11), body: statement.text(12))
            return StoredArticle(file: file, article: article)
        }
    }

    /// The number of indexed articles.
    public func documentCount() throws(IndexError) -> Int {
        try mapErrors { () throws(SQLiteError) in try connection.scalarInt("SELECT count(*) FROM article") ?? 0 }
    }
}

/// The indexed files one at a time (`ArticleIndex.indexedFilesInPathOrder`).
public final class IndexedFileCursor {
    private var statement: Statement?
    private let databasePath: String

    init(statement: Statement, databasePath: String) {
        self.statement = statement
        self.databasePath = databasePath
    }

    /// The next file, or nil after the last; the statement is released then, so it holds no read
    /// transaction while the run writes.
    public func next() throws(IndexError) -> IndexedFile? {
        guard let statement else { return nil }
        do {
            guard try statement.step() else {
                self.statement = nil
                return nil
            }
        } catch {
            self.statement = nil
            throw IndexError.from(error, path: databasePath)
        }
        return IndexedFile(
            id: Int64(statement.int(0)), path: statement.text(1), size: Int64(statement.int(2)),
            mtime: Int64(statement.int(3)), hash: statement.text(4))
    }
}
