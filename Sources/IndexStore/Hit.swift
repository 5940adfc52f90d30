/// One search result: an article's metadata, its score and a snippet around the matches.
public struct Hit: Sendable, Equatable {
    /// Path relative to the archive root.
    public var path: String
    /// The headline.
    public var title: String
    /// Publication date (ISO 8601) or "".
    public var date: String
    /// Section or "".
    public var section: String
    /// Author or "".
    public var author: String
    /// Canonical URL or "".
    public var url: String
    /// BM25 relevance, higher is better (FTS5's `bm25()` negated).
    public var score: Double
    /// Text around the best match; matched words are wrapped in the request's markers.
    public var snippet: String

    /// Creates a hit.
    public init(
        path: String, title: String, date: String, section: String, author: String, url: String,
        score: Double, snippet: String
    ) {
        self.path = path
        self.title = title
        self.date = date
        self.section = section
        self.author = author
        self.url = url
        self.score = score
        self.snippet = snippet
    }
}

/// A search the index runs: an FTS5 expression plus filters, order and paging.
public struct SearchRequest: Sendable {
    /// How hits are ordered.
    public enum Order: String, Sendable, CaseIterable {
        /// Best BM25 score first.
        case relevance
        /// Newest first.
        case date
    }

    /// FTS5 MATCH expression (https://sqlite.org/fts5.html#full_text_query_syntax); built by the Query stage.
    public var expression: String
    /// Only articles dated on or after this ISO date.
    public var since: String?
    /// Only articles dated on or before this ISO date (the whole day counts).
    public var until: String?
    /// Only articles of this section (case-insensitive).
    public var section: String?
    /// Only articles whose author contains this (case-insensitive).
    public var author: String?
    /// The order of hits.
    public var order: Order = .relevance
    /// At most this many hits.
    public var limit: Int = 10
    /// Skip this many hits first.
    public var offset: Int = 0
    /// Put before and after each matched word in snippets.
    public var highlight: (open: String, close: String) = ("[", "]")
    /// Snippet length in tokens (FTS5 allows at most 64).
    public var snippetTokens: Int = 24
    /// How much a match of a word as a compound's part counts, against 1 for the word itself.
    public var partWeight: Double = 0.25
    /// How much more a match of a word in its exact form counts (on top of the match of its stem).
    public var exactWeight: Double = 2
    /// How much a match of the word's other spelling (`FinalSVariant`: Warschau for Warschaus) counts.
    public var variantWeight: Double = 1
    /// How much a match of a form the word may stand for (`VerbForms`: gründen for gegründet) counts.
    public var weakVariantWeight: Double = 0.75

    /// Creates a request for an FTS5 expression.
    public init(expression: String) { self.expression = expression }
}
