/// Running searches: FTS5 MATCH ranked by BM25 (https://sqlite.org/fts5.html#sorting_by_auxiliary_function_results),
/// snippets from `snippet()` (https://sqlite.org/fts5.html#the_snippet_function).
extension ArticleIndex {
    /// The hits for `request`.
    public func search(_ request: SearchRequest) throws(IndexError) -> [Hit] {
        let (filterSQL, filterValues) = filters(request, firstParameter: 6)
        let order = request.order == .date ? "a.date DESC, rank" : "rank"
        let tokens = max(1, min(64, request.snippetTokens))
        let sql = """
            SELECT a.path, a.title, a.date, a.section, a.author, a.url, rank,
                   snippet(article_fts, 1, ?2, ?3, '…', \(tokens)),
                   snippet(article_fts, 2, ?2, ?3, '…', \(tokens)),
                   snippet(article_fts, 0, ?2, ?3, '…', \(tokens))
            FROM article_fts JOIN article a ON a.id = article_fts.rowid
            WHERE article_fts MATCH ?1\(filterSQL)
            ORDER BY \(order) LIMIT ?4 OFFSET ?5
            """
        return try mapErrors { () throws(SQLiteError) in
            let statement = try connection.prepare(sql)
            try statement.bind(
                [
                    .text(request.expression), .text(request.highlight.open), .text(request.highlight.close),
                    .int(Int64(request.limit)), .int(Int64(request.offset)),
                ] + filterValues)
            var hits: [Hit] = []
            while try statement.step() {
                let leadSnippet = statement.text(7)
                let bodySnippet = statement.text(8)
                let titleSnippet = statement.text(9)
                let open = request.highlight.open
                // The lead or body passage with a match reads better than the title, which is shown anyway.
                let snippet =
                    leadSnippet.contains(open) ? leadSnippet
                    : bodySnippet.contains(open) ? bodySnippet
                    : !leadSnippet.isEmpty ? leadSnippet : (bodySnippet.isEmpty ? titleSnippet : bodySnippet)
                hits.append(
                    Hit(
                        path: statement.text(0), title: statement.text(1), date: statement.text(2),
                        section: statement.text(3), author: statement.text(4), url: statement.text(5),
                        score: -statement.double(6), snippet: collapseWhitespace(snippet)))
            }
            return hits
        }
    }

    /// The number of articles `request` matches (limit and offset are ignored).
    public func count(_ request: SearchRequest) throws(IndexError) -> Int {
        let (filterSQL, filterValues) = filters(request, firstParameter: 2)
        let sql = """
            SELECT count(*) FROM article_fts JOIN article a ON a.id = article_fts.rowid
            WHERE article_fts MATCH ?1\(filterSQL)
            """
        return try mapErrors { () throws(SQLiteError) in
            let statement = try connection.prepare(sql)
            try statement.bind([.text(request.expression)] + filterValues)
            return try statement.step() ? statement.int(0) : 0
        }
    }

    /// SQL conditions for the request's filters, with parameters numbered from `firstParameter`.
    private func filters(_ request: SearchRequest, firstParameter: Int) -> (String, [SQLValue]) {
        var sql = ""
        var values: [SQLValue] = []
        func add(_ condition: String, _ value: String) {
            values.append(.text(value))
            sql += " AND " + condition.replacingParameter(with: "?\(firstParameter - 1 + values.count)")
        }
        if let since = request.since { add("a.date >= ?", since) }
        if let until = request.until { add("substr(a.date, 1, \(until.utf8.count)) <= ?", until) }
        if let section = request.section { add("a.section = ? COLLATE NOCASE", section) }
        if let author = request.author { add("instr(lower(a.author), lower(?)) > 0", author) }
        return (sql, values)
    }
}

/// Paragraph breaks and runs of white space in a snippet become single spaces.
private func collapseWhitespace(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for scalar in text.unicodeScalars {
        if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
            pendingSpace = true
            continue
        }
        if pendingSpace && !result.isEmpty { result.unicodeScalars.append(" ") }
        pendingSpace = false
        result.unicodeScalars.append(scalar)
    }
    return result
}

extension String {
    fileprivate func replacingParameter(with name: String) -> String {
        var result = ""
        for character in self { result += character == "?" ? name : String(character) }
        return result
    }
}
