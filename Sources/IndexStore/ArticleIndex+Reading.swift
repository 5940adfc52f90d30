import ArticleModel

/// Looking up what the index holds.
extension ArticleIndex {
    /// Every indexed file's bookkeeping, by path.
    public func indexedFiles() throws(IndexError) -> [String: IndexedFile] {
        try mapErrors { () throws(SQLiteError) in
            let statement = try connection.prepare("SELECT id, path, size, mtime, hash FROM article")
            var files: [String: IndexedFile] = [:]
            while try statement.step() {
                let file = IndexedFile(
                    id: Int64(statement.int(0)), path: statement.text(1), size: Int64(statement.int(2)),
                    mtime: Int64(statement.int(3)), hash: statement.text(4))
                files[file.path] = file
            }
            return files
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
