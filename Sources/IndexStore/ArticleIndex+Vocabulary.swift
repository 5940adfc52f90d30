/// The index's vocabulary, for spelling suggestions
/// (https://sqlite.org/fts5.html#the_fts5vocab_virtual_table_module).
extension ArticleIndex {
    /// In how many articles the index term occurs (0 when it does not).
    public func documentFrequency(ofTerm term: String) throws(IndexError) -> Int {
        try mapErrors { () throws(SQLiteError) in
            try attachVocabulary()
            return try connection.scalarInt("SELECT doc FROM temp.article_vocabulary WHERE term = ?1", .text(term)) ?? 0
        }
    }

    /// Index terms that start with `prefix` and have between `minimumLength` and `maximumLength`
    /// bytes, with the number of articles that contain each.
    public func vocabulary(prefix: String, minimumLength: Int, maximumLength: Int) throws(IndexError) -> [(term: String, documents: Int)] {
        try mapErrors { () throws(SQLiteError) in
            try attachVocabulary()
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

    /// How a term is written in the articles: the words FTS5 highlights for it in up to `limit`
    /// articles, with how often each form occurs there.
    public func surfaceForms(ofTerm term: String, limit: Int = 20) throws(IndexError) -> [String: Int] {
        try mapErrors { () throws(SQLiteError) in
            let statement = try connection.prepare(
                """
                SELECT highlight(article_fts, 0, char(1), char(2)) || ' ' || highlight(article_fts, 1, char(1), char(2))
                       || ' ' || highlight(article_fts, 2, char(1), char(2))
                FROM article_fts WHERE article_fts MATCH ?1 LIMIT ?2
                """)
            // A prefix query: its term is folded but not stemmed again (a stem of a stem is another term).
            try statement.bind(.text("\"" + term.replacingQuotes() + "\" *"), .int(Int64(limit)))
            var forms: [String: Int] = [:]
            while try statement.step() {
                // Marked words sit between \u{1} and \u{2}.
                for piece in statement.text(0).split(separator: "\u{1}").dropFirst() {
                    guard let close = piece.firstIndex(of: "\u{2}") else { continue }
                    forms[String(piece[..<close]), default: 0] += 1
                }
            }
            return forms
        }
    }
}

extension ArticleIndex {
    /// Declares `temp.article_vocabulary`, one row per index term with its article count
    /// (https://sqlite.org/fts5.html#the_fts5vocab_virtual_table_module); nothing is copied.
    func attachVocabulary() throws(SQLiteError) {
        try connection.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.article_vocabulary USING fts5vocab(main, article_fts, row)")
    }
}

extension String {
    fileprivate func replacingQuotes() -> String {
        var result = ""
        for character in self { result += character == "\"" ? "\"\"" : String(character) }
        return result
    }
}
