import IndexStore

/// How a search should run, beyond the query text.
public struct SearchOptions: Sendable {
    /// Any word may match (ranked by BM25, stopwords ignored) instead of all.
    public var anyWord = false
    /// Only articles dated on or after this ISO date.
    public var since: String?
    /// Only articles dated on or before this ISO date.
    public var until: String?
    /// Only this section.
    public var section: String?
    /// Only authors containing this.
    public var author: String?
    /// Relevance or newest first.
    public var order: SearchRequest.Order = .relevance
    /// At most this many hits.
    public var limit = 10
    /// Skip this many hits.
    public var offset = 0
    /// Only count the matching articles (no hits are read).
    public var countOnly = false
    /// Markers around matched words in snippets.
    public var highlight: (open: String, close: String) = ("[", "]")

    /// Default options: all words, by relevance, ten hits.
    public init() {}
}

/// What a search found.
public struct SearchResult: Sendable {
    /// The hits of the requested page.
    public var hits: [Hit]
    /// How many articles match in all.
    public var total: Int
    /// True when no article had all words and the search fell back to any of them.
    public var fellBackToAnyWord: Bool
    /// The FTS5 expression that ran (for `--verbose` and tests).
    public var expression: String
}

/// Runs user queries against an index: parse, compile, search, and fall back to any word when all
/// words together find nothing.
public struct Searcher {
    private let index: ArticleIndex
    private let compiler = QueryCompiler()

    /// Creates a searcher over `index`.
    public init(index: ArticleIndex) { self.index = index }

    /// Searches for `text`.
    public func search(_ text: String, options: SearchOptions = SearchOptions()) throws -> SearchResult {
        guard let node = QueryParser().parse(text) else {
            throw QueryError("nothing to search for: the query has no words")
        }
        let compiled = try compiler.compile(node)
        var expression = compiled.expression
        if options.anyWord, let any = compiler.anyOf(compiled.positiveTerms) { expression = any }
        guard !expression.isEmpty else {
            throw QueryError("give at least one word to search for besides section: or author:")
        }
        var request = SearchRequest(expression: expression)
        request.since = options.since
        request.until = options.until
        request.section = options.section ?? compiled.section
        request.author = options.author ?? compiled.author
        request.order = options.order
        request.limit = options.limit
        request.offset = options.offset
        request.highlight = options.highlight
        let countOnly = options.countOnly
        func page() throws -> ([Hit], Int) {
            if countOnly { return ([], try run { () throws(IndexError) in try index.count(request) }) }
            let hits = try run { () throws(IndexError) in try index.search(request) }
            // A page that is not full tells the total without counting.
            let total =
                hits.count < request.limit && (request.offset == 0 || !hits.isEmpty)
                ? request.offset + hits.count
                : try run { () throws(IndexError) in try index.count(request) }
            return (hits, total)
        }
        var (hits, total) = try page()
        var fellBack = false
        if total == 0 && options.offset == 0 && !options.anyWord && compiled.positiveTerms.count > 1,
            let any = compiler.anyOf(compiled.positiveTerms), any != expression, isPlainConjunction(node)
        {
            request.expression = any
            (hits, total) = try page()
            fellBack = total > 0
            if !fellBack { request.expression = expression }
        }
        return SearchResult(hits: hits, total: total, fellBackToAnyWord: fellBack, expression: request.expression)
    }

    /// The FTS5 expression for `text`, to highlight its matches in one article (`show --highlight`).
    public func expression(for text: String) throws(QueryError) -> String {
        guard let node = QueryParser().parse(text) else {
            throw QueryError("nothing to highlight: the query has no words")
        }
        let compiled = try compiler.compile(node)
        guard !compiled.expression.isEmpty else { throw QueryError("nothing to highlight: the query has no words") }
        return compiled.expression
    }

    /// Only plain word lists fall back to any word; explicit operators say what the user meant.
    private func isPlainConjunction(_ node: QueryNode) -> Bool {
        guard case .all(let parts) = node else { return false }
        return parts.allSatisfy { if case .word = $0 { true } else if case .phrase = $0 { true } else { false } }
    }

    /// Runs an index call; an FTS5 syntax error (which quoting should make impossible) becomes a
    /// `QueryError` rather than a raw SQLite message.
    private func run<T>(_ body: () throws(IndexError) -> T) throws -> T {
        let result: Result<T, IndexError> = Result(catching: body)
        switch result {
        case .success(let value):
            return value
        case .failure(let error):
            if case .sqlite(let sqliteError) = error,
                sqliteError.message.contains("fts5") || sqliteError.message.contains("syntax")
            {
                throw QueryError("the query could not be understood; try fewer special characters")
            }
            throw error
        }
    }
}
