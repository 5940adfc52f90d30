import GermanAnalysis

/// Figures about an index, for `stichwort stats`.
public struct IndexStatistics: Sendable, Equatable {
    /// Indexed articles.
    public var documents: Int
    /// Distinct index terms (https://sqlite.org/fts5.html#the_fts5vocab_virtual_table_module).
    public var terms: Int
    /// Bytes of stored article text (title, lead, body).
    public var textBytes: Int
    /// Bytes of the database file plus its WAL.
    public var databaseBytes: Int64
    /// Articles per section, largest first.
    public var sections: [(name: String, documents: Int)]
    /// Earliest and latest article date, when any article has one.
    public var dateRange: (first: String, last: String)?
    /// The analyzer (FTS5 tokenizer) the index was built with.
    public var analyzer: String
    /// The archive root the index mirrors.
    public var archiveRoot: String
    /// The summary of the last indexing run.
    public var lastRun: String
    /// Version of the SQLite library.
    public var sqliteVersion: String

    public static func == (a: IndexStatistics, b: IndexStatistics) -> Bool {
        a.documents == b.documents && a.terms == b.terms && a.textBytes == b.textBytes
            && a.databaseBytes == b.databaseBytes && a.analyzer == b.analyzer
            && a.sections.map(\.name) == b.sections.map(\.name)
            && a.sections.map(\.documents) == b.sections.map(\.documents)
    }
}

/// Health checks, statistics and rebuilding.
extension ArticleIndex {
    /// Counts and sizes.
    public func statistics() throws(IndexError) -> IndexStatistics {
        try mapErrors { () throws(SQLiteError) in
            let documents = try connection.scalarInt("SELECT count(*) FROM article") ?? 0
            let textBytes =
                try connection.scalarInt(
                    "SELECT coalesce(sum(length(CAST(title || lead || body AS BLOB))), 0) FROM article") ?? 0
            try attachVocabulary()
            let terms = try connection.scalarInt("SELECT count(*) FROM temp.article_vocabulary") ?? 0
            var sections: [(String, Int)] = []
            let statement = try connection.prepare(
                "SELECT section, count(*) FROM article WHERE section <> '' GROUP BY section ORDER BY 2 DESC, 1")
            while try statement.step() { sections.append((statement.text(0), statement.int(1))) }
            let range = try connection.prepare("SELECT min(date), max(date) FROM article WHERE date <> ''")
            var dateRange: (String, String)?
            if try range.step(), !range.isNull(0) { dateRange = (range.text(0), range.text(1)) }
            return IndexStatistics(
                documents: documents, terms: terms, textBytes: textBytes,
                databaseBytes: fileSize(path) + fileSize(path + "-wal"), sections: sections,
                dateRange: dateRange, analyzer: try meta(MetaKey.analyzer) ?? "",
                archiveRoot: try meta(MetaKey.archiveRoot) ?? "", lastRun: try meta(MetaKey.lastRun) ?? "",
                sqliteVersion: Connection.libraryVersion)
        }
    }

    /// Verifies the index; returns the problems found (empty when sound).
    ///
    /// Runs SQLite's `quick_check`, FTS5's `integrity-check` against the content table
    /// (https://sqlite.org/fts5.html#the_integrity_check_command), which `PRAGMA integrity_check` does
    /// not cover, and compares the article and FTS5 row counts and the bookkeeping.
    public func check() throws(IndexError) -> [String] {
        var problems: [String] = []
        do {
            let quick = try connection.prepare("PRAGMA quick_check")
            while try quick.step() {
                if quick.text(0) != "ok" { problems.append("SQLite: \(quick.text(0))") }
            }
        } catch {
            problems.append("SQLite quick_check failed: \(error.message)")
        }
        if analyzerName != AnalyzerVersion.identity {
            problems.append("built by analyzer \(analyzerName), expected \(AnalyzerVersion.identity): run `stichwort rebuild`")
            return problems
        }
        do {
            try connection.execute("INSERT INTO article_fts(article_fts, rank) VALUES ('integrity-check', 1)")
        } catch {
            problems.append("full-text index does not match the articles: \(error.message)")
        }
        do {
            let articles = try connection.scalarInt("SELECT count(*) FROM article") ?? 0
            let indexed = try connection.scalarInt("SELECT count(*) FROM article_fts_docsize") ?? 0
            if articles != indexed {
                problems.append("\(articles) articles but \(indexed) documents in the full-text index")
            }
            let incomplete =
                try connection.scalarInt(
                    "SELECT count(*) FROM article WHERE path = '' OR length(hash) <> 16 OR size < 0") ?? 0
            if incomplete > 0 { problems.append("\(incomplete) articles with incomplete bookkeeping") }
        } catch {
            problems.append("cannot count articles: \(error.message)")
        }
        return problems
    }

    /// Re-analyses every article's text with this version's analyzer and rewrites the full-text index.
    ///
    /// An index built by another analyzer gets a new FTS5 table first: deleting from the old one would
    /// re-tokenize old text with the new analyzer and corrupt it (https://sqlite.org/fts5.html#the_delete_command).
    public func rebuild() throws(IndexError) {
        let analyzerChanged = analyzerName != AnalyzerVersion.identity
        try write {
            if analyzerChanged {
                try connection.execute(Schema.dropFullText)
                try connection.execute(Schema.createFullText)
                try setMeta(MetaKey.analyzer, AnalyzerVersion.identity)
            }
            try connection.execute("INSERT INTO article_fts(article_fts) VALUES ('rebuild')")
            try connection.execute("INSERT INTO article_fts(article_fts) VALUES ('optimize')")
        }
        try checkpoint()
    }
}
