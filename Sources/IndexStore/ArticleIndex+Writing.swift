import ArticleModel

/// Changes to the index. Callers group them with `write(_:)` so that an article row, its FTS5 rows and
/// the bookkeeping always commit together.
extension ArticleIndex {
    /// Runs `body` in one immediate transaction: all of it lands, or none (https://sqlite.org/lang_transaction.html).
    @discardableResult
    public func write<T>(_ body: () throws -> T) throws(IndexError) -> T {
        do {
            return try connection.transaction(body)
        } catch {
            throw IndexError.from(any: error, path: path)
        }
    }

    /// Adds an article for a file not in the index yet, with its full-text row; returns its row id.
    /// `tokens`, when given, are its text analysed ahead of time. Run it inside `write(_:)`: the
    /// two rows must land together.
    @discardableResult
    public func insert(_ article: Article, file: IndexedFile, tokens: PreparedTokens? = nil) throws(SQLiteError) -> Int64 {
        let statement = try cached(
            """
            INSERT INTO article(path, size, mtime, hash, title, date, author, section, url, language, lead, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.bind(fileValues(file) + articleValues(article))
        try statement.step()
        let id = connection.lastInsertRowID
        try insertFullText(id: id, article, tokens: tokens)
        return id
    }

    /// Replaces the content of the article with row id `file.id` (its text was re-extracted). Its FTS5
    /// row is rewritten only when the indexed text changed: a page whose boilerplate alone changed
    /// costs no re-analysis.
    public func replace(_ article: Article, file: IndexedFile, tokens: PreparedTokens? = nil) throws(SQLiteError) {
        let old = try indexedText(id: file.id)
        let statement = try cached(
            """
            UPDATE article SET path = ?, size = ?, mtime = ?, hash = ?, title = ?, date = ?, author = ?,
            section = ?, url = ?, language = ?, lead = ?, body = ? WHERE id = ?
            """)
        try statement.bind(fileValues(file) + articleValues(article) + [.int(file.id)])
        try statement.step()
        guard let old, old != [article.title, article.lead, article.body] else { return }
        try deleteFullText(id: file.id, text: old)
        try insertFullText(id: file.id, article, tokens: tokens)
    }

    /// Updates only the bookkeeping of row `file.id` (a touched or moved file): no re-analysis.
    public func updateFile(_ file: IndexedFile) throws(SQLiteError) {
        try cached("UPDATE article SET path = ?, size = ?, mtime = ?, hash = ? WHERE id = ?")
            .run(.text(file.path), .int(file.size), .int(file.mtime), .text(file.hash), .int(file.id))
    }

    /// Removes the article with this row id and its FTS5 row.
    public func delete(id: Int64) throws(SQLiteError) {
        if let old = try indexedText(id: id) { try deleteFullText(id: id, text: old) }
        try cached("DELETE FROM article WHERE id = ?").run(.int(id))
    }

    /// The title, lead and body row `id` is indexed with, or nil when there is no such row.
    private func indexedText(id: Int64) throws(SQLiteError) -> [String]? {
        let statement = try cached(Schema.selectText)
        try statement.bind(.int(id))
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return [statement.text(0), statement.text(1), statement.text(2)]
    }

    /// Adds row `id` to the FTS5 index with `article`'s text; the tokenizer replays `tokens`, when
    /// given, instead of analysing the text again.
    private func insertFullText(id: Int64, _ article: Article, tokens: PreparedTokens?) throws(SQLiteError) {
        connection.preparedTokens.current = tokens?.texts ?? []
        defer { connection.preparedTokens.current = [] }
        try cached(Schema.insertFullText).run(.int(id), .text(article.title), .text(article.lead), .text(article.body))
    }

    /// Removes row `id` from the FTS5 index, re-tokenizing the `text` it was indexed with.
    private func deleteFullText(id: Int64, text: [String]) throws(SQLiteError) {
        try cached(Schema.deleteFullText).run(.int(id), .text(text[0]), .text(text[1]), .text(text[2]))
    }

    /// Lets FTS5 merge index segments after a large run (https://sqlite.org/fts5.html#the_merge_command).
    public func mergeSegments() throws(IndexError) {
        try mapErrors { () throws(SQLiteError) in
            try connection.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('merge', 500)")
        }
    }

    /// Moves the WAL's content into the database file and truncates it (https://sqlite.org/pragma.html#pragma_wal_checkpoint).
    public func checkpoint() throws(IndexError) {
        try mapErrors { () throws(SQLiteError) in try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    private func fileValues(_ file: IndexedFile) -> [SQLValue] {
        [.text(file.path), .int(file.size), .int(file.mtime), .text(file.hash)]
    }

    private func articleValues(_ a: Article) -> [SQLValue] {
        [a.title, a.date, a.author, a.section, a.url, a.language, a.lead, a.body].map { .text($0) }
    }
}
