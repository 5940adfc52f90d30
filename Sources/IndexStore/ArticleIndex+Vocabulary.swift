/// The index's vocabulary, for spelling suggestions
/// (https://sqlite.org/fts5.html#the_fts5vocab_virtual_table_module).
extension ArticleIndex {
    /// Index terms that start with `prefix` and have between `minimumLength` and `maximumLength`
    /// bytes, with the number of articles that contain each.
    public func vocabulary(prefix: String, minimumLength: Int, maximumLength: Int) throws(IndexError) -> [(term: String, documents: Int)] {
        try mapErrors { () throws(SQLiteError) in
            try connection.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_vocabulary USING fts5vocab(main, article_fts, row)")
            let statement = try connection.prepare(
                """
                SELECT term, doc FROM temp.article_vocabulary
                WHERE term >= ?1 AND term < ?1 || x'FF' AND length(CAST(term AS BLOB)) BETWEEN ?2 AND ?3
                """)
            try statement.bind(.text(prefix), .int(Int64(minimumLength)), .int(Int64(maximumLength)))
            var result: [(String, Int)] = []
            while try statement.step() { result.append((statement.text(0), statement.int(1))) }
            return result
        }
    }

    /// How a term is written in the articles: the first word that an FTS5 query for it highlights.
    public func surfaceForm(ofTerm term: String) throws(IndexError) -> String? {
        try mapErrors { () throws(SQLiteError) in
            let statement = try connection.prepare(
                """
                SELECT highlight(article_fts, 0, char(1), char(2)) || ' ' || highlight(article_fts, 1, char(1), char(2))
                       || ' ' || highlight(article_fts, 2, char(1), char(2))
                FROM article_fts WHERE article_fts MATCH ?1 LIMIT 1
                """)
            try statement.bind(.text("\"" + term.replacingQuotes() + "\""))
            guard try statement.step() else { return nil }
            let text = statement.text(0)
            guard let open = text.firstIndex(of: "\u{1}") else { return nil }
            let start = text.index(after: open)
            guard let close = text[start...].firstIndex(of: "\u{2}") else { return nil }
            return String(text[start..<close])
        }
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var result = ""
        for character in self { result += character == "\"" ? "\"\"" : String(character) }
        return result
    }
}
