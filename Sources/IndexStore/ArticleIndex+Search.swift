/// Running searches: FTS5 MATCH ranked by BM25 (https://sqlite.org/fts5.html#sorting_by_auxiliary_function_results),
/// snippets from `snippet()` (https://sqlite.org/fts5.html#the_snippet_function).
///
/// A search runs in two steps: the ids of one page of hits come from the FTS5 table alone (filters
/// as an `IN` list over `article`), then metadata and snippets are read for those few rows only.
/// Joining `article` for every match would read every matching article's row, text included.
extension ArticleIndex {
    /// The hits for `request`.
    public func search(_ request: SearchRequest) throws(IndexError) -> [Hit] {
        // ?4 is the phrase weights, which only the relevance order uses.
        let byDate = request.order == .date
        let (filterSQL, filterValues) = filters(request, idColumn: byDate ? "id" : "rowid", firstParameter: byDate ? 4 : 5)
        let sql =
            byDate
            ? """
            SELECT id, 0 FROM article INDEXED BY article_date
            WHERE id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?1)\(filterSQL)
            ORDER BY date DESC, id DESC LIMIT ?2 OFFSET ?3
            """
            : """
            SELECT rowid, \(RankFunction.name)(article_fts, \(Schema.rankWeights), ?4, ?2 + ?3) AS score FROM article_fts
            WHERE article_fts MATCH ?1\(filterSQL)
            ORDER BY score LIMIT ?2 OFFSET ?3
            """
        return try mapErrors { () throws(SQLiteError) in
            let page = try connection.prepare(sql)
            try page.bind(
                [.text(request.expression), .int(Int64(request.limit)), .int(Int64(request.offset))]
                    + (byDate ? [] : [.text(request.phraseWeightsText)]) + filterValues)
            var ranked: [(id: Int64, rank: Double)] = []
            while try page.step() { ranked.append((Int64(page.int(0)), page.double(1))) }
            return try hits(ranked, request: request)
        }
    }

    /// The number of articles `request` matches (limit and offset are ignored).
    public func count(_ request: SearchRequest) throws(IndexError) -> Int {
        let (filterSQL, filterValues) = filters(request, idColumn: "rowid", firstParameter: 2)
        let sql = "SELECT count(*) FROM article_fts WHERE article_fts MATCH ?1\(filterSQL)"
        return try mapErrors { () throws(SQLiteError) in
            let statement = try connection.prepare(sql)
            try statement.bind([.text(request.expression)] + filterValues)
            return try statement.step() ? statement.int(0) : 0
        }
    }

    /// Metadata and snippets of one page of hits, in the order of `ranked`.
    ///
    /// One statement for the whole page: each MATCH statement sets its query up again (for a prefix
    /// query that merges the doclists of every term with the prefix), so a statement per hit cost
    /// ten set-ups. The rowid range lets FTS5 skip to the page's rows; the `IN` list keeps only them.
    /// Its unary + keeps it a filter: offered to FTS5 as a rowid constraint, SQLite ran the MATCH
    /// once per listed id (`Flücht*` at 205,600 articles: 60 ms for the page, now 7 ms).
    private func hits(_ ranked: [(id: Int64, rank: Double)], request: SearchRequest) throws(SQLiteError) -> [Hit] {
        guard let lowest = ranked.map(\.id).min(), let highest = ranked.map(\.id).max() else { return [] }
        let tokens = max(1, min(64, request.snippetTokens))
        // A date-ordered page has no scores yet; a relevance page has them from its ranking.
        let score = request.order == .date ? "\(RankFunction.name)(article_fts, \(Schema.rankWeights), ?6)" : "0"
        let statement = try connection.prepare(
            """
            SELECT article_fts.rowid, a.path, a.title, a.date, a.section, a.author, a.url, \(score),
                   snippet(article_fts, 1, ?2, ?3, '…', \(tokens)),
                   snippet(article_fts, 2, ?2, ?3, '…', \(tokens)),
                   snippet(article_fts, 0, ?2, ?3, '…', \(tokens))
            FROM article_fts JOIN article a ON a.id = article_fts.rowid
            WHERE article_fts MATCH ?1 AND article_fts.rowid BETWEEN ?4 AND ?5
              AND +article_fts.rowid IN (\(ranked.map { String($0.id) }.joined(separator: ",")))
            """)
        try statement.bind(
            [.text(request.expression), .text(request.highlight.open), .text(request.highlight.close),
             .int(lowest), .int(highest)] + (request.order == .date ? [.text(request.phraseWeightsText)] : []))
        let open = request.highlight.open
        var byID: [Int64: Hit] = [:]
        while try statement.step() {
            let leadSnippet = statement.text(8)
            let bodySnippet = statement.text(9)
            // The lead or body passage with a match reads better than the title, which is shown anyway.
            let snippet =
                leadSnippet.contains(open) ? leadSnippet
                : bodySnippet.contains(open) ? bodySnippet
                : !leadSnippet.isEmpty ? leadSnippet : (bodySnippet.isEmpty ? statement.text(10) : bodySnippet)
            byID[Int64(statement.int(0))] = Hit(
                path: statement.text(1), title: statement.text(2), date: statement.text(3),
                section: statement.text(4), author: statement.text(5), url: statement.text(6),
                score: -statement.double(7), snippet: collapseWhitespace(snippet))
        }
        return ranked.compactMap { id, rank in
            guard var hit = byID[id] else { return nil }
            if request.order == .relevance { hit.score = -rank }
            return hit
        }
    }

    /// SQL conditions for the request's filters, as a restriction of the FTS5 rowid (or the `article`
    /// id) to matching articles, with parameters numbered from `firstParameter`.
    private func filters(_ request: SearchRequest, idColumn: String, firstParameter: Int) -> (String, [SQLValue]) {
        var conditions: [String] = []
        var values: [SQLValue] = []
        func add(_ condition: String, _ value: String) {
            values.append(.text(value))
            conditions.append(condition.replacingParameter(with: "?\(firstParameter - 1 + values.count)"))
        }
        if let since = request.since { add("date >= ?", since) }
        if let until = request.until { add("substr(date, 1, \(until.utf8.count)) <= ?", until) }
        if let section = request.section { add("section = ? COLLATE NOCASE", section) }
        if let author = request.author { add("instr(lower(author), lower(?)) > 0", author) }
        guard !conditions.isEmpty else { return ("", []) }
        // The unary + keeps the id list a filter: offered to FTS5 as a rowid constraint, it made SQLite
        // run the whole MATCH once per filtered id (a minute for a date filter at 200,000 articles).
        return (" AND +\(idColumn) IN (SELECT id FROM article WHERE \(conditions.joined(separator: " AND ")))", values)
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

extension SearchRequest {
    /// The weight of each phrase of `expression`, as `stichwort_rank` reads them.
    var phraseWeightsText: String {
        PhraseWeights.of(
            expression, partWeight: partWeight, exactWeight: exactWeight, variantWeight: variantWeight,
            weakVariantWeight: weakVariantWeight
        ).text
    }
}

extension String {
    fileprivate func replacingParameter(with name: String) -> String {
        var result = ""
        for character in self { result += character == "?" ? name : String(character) }
        return result
    }
}

extension ArticleIndex {
    /// The stored article at `path` with the words `expression` matches wrapped in `open`/`close`
    /// (https://sqlite.org/fts5.html#the_highlight_function); nil when the path is not indexed, the
    /// article unchanged when the expression does not match it.
    public func highlightedArticle(
        atPath path: String, expression: String, open: String, close: String
    ) throws(IndexError) -> StoredArticle? {
        guard var stored = try article(atPath: path) else { return nil }
        try mapErrors { () throws(SQLiteError) in
            let statement = try connection.prepare(
                """
                SELECT highlight(article_fts, 0, ?2, ?3), highlight(article_fts, 1, ?2, ?3), highlight(article_fts, 2, ?2, ?3)
                FROM article_fts WHERE article_fts MATCH ?1 AND rowid = ?4
                """)
            try statement.bind(.text(expression), .text(open), .text(close), .int(stored.file.id))
            if try statement.step() {
                stored.article.title = statement.text(0)
                stored.article.lead = statement.text(1)
                stored.article.body = statement.text(2)
            }
        }
        return stored
    }
}
