import GermanAnalysis

/// The index's tables: `article` holds every file's bookkeeping, metadata and text; `article_fts` is an
/// external-content FTS5 table over its title, lead and body (https://sqlite.org/fts5.html#external_content_tables),
/// kept in step by `ArticleIndex.insert`, `replace` and `delete`; `meta` holds the format and analyzer versions.
enum Schema {
    /// Bumped when tables, columns, indexes or triggers change (2: no insert trigger, see
    /// `createFullText`; 3: indexes for the section and author filters; 4: no index on the content
    /// hash, which no statement reads: moves are found among the files a run reads in path order;
    /// 5: no delete and update triggers either).
    static let version = "5"
    /// Older versions an index is brought up to date from when opened for writing.
    static let migrations: [String: String] = [
        "1": "DROP TRIGGER IF EXISTS article_fts_insert;" + filterIndexes + dropHashIndex + dropTextTriggers,
        "2": filterIndexes + dropHashIndex + dropTextTriggers,
        "3": dropHashIndex + dropTextTriggers,
        "4": dropTextTriggers,
    ]
    /// Schema 3 and before kept an index on `hash`; dropping it frees its pages for reuse.
    static let dropHashIndex = "DROP INDEX IF EXISTS article_hash;"
    /// Schema 4 and before kept the full-text rows in step with deletes and text updates by triggers.
    static let dropTextTriggers = "DROP TRIGGER IF EXISTS article_fts_delete; DROP TRIGGER IF EXISTS article_fts_update;"
    /// The value of meta `format`, which marks a file as a Stichwort index.
    static let formatName = "stichwort-index"
    /// BM25 column weights: title, lead, body (https://sqlite.org/fts5.html#the_bm25_function).
    static let rankWeights = "2.0, 1.5, 1.0"
    /// The FTS5 `rank` function: BM25 with those weights.
    static let rankFunction = "bm25(\(rankWeights))"

    static let createTables = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE article(
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            mtime INTEGER NOT NULL,
            hash TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            section TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT '',
            lead TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX article_date ON article(date);
        """ + filterIndexes

    /// Indexes for `--section` and `--author`: without them a filter reads every article's row, text
    /// included (the date filter has `article_date`). The author filter matches a part of the name,
    /// so it scans this index, which is much smaller than the table.
    static let filterIndexes = """
        CREATE INDEX IF NOT EXISTS article_section ON article(section COLLATE NOCASE);
        CREATE INDEX IF NOT EXISTS article_author ON article(author);
        """

    /// The FTS5 table, kept in step with `article` by `ArticleIndex` itself, without triggers.
    ///
    /// A trigger runs inside a statement savepoint, and FTS5 writes its pending terms out as a new
    /// segment at every savepoint: an insert trigger made one tiny segment per article and halved the
    /// speed of indexing (schema 2 dropped it), and the delete and update triggers made one per changed
    /// or removed article, whose merges cascaded (schema 5 dropped them). The first update after a full
    /// index of 20,560 pages, 200 changed files, made some 200 segments and so merged the index's
    /// whole upper level, 50 MB. `ArticleIndex.insert`, `replace` and `delete` write the FTS5 rows
    /// with plain statements (`insertFullText`, `deleteFullText`), so a run's changes pend together.
    static let createFullText = """
        CREATE VIRTUAL TABLE article_fts USING fts5(
            title, lead, body, content='article', content_rowid='id',
            tokenize='\(AnalyzerVersion.tokenizerName)');
        INSERT INTO article_fts(article_fts, rank) VALUES ('rank', '\(rankFunction)');
        INSERT INTO article_fts(article_fts, rank) VALUES ('hashsize', \(pendingTermsSize));
        """ + setSegmentsMergedTogether

    /// FTS5's `automerge` (https://sqlite.org/fts5.html#the_automerge_configuration_option): how many
    /// segments of one level FTS5 lets pile up before it merges them into one of the next level (4
    /// by default). Merging more at a time rewrites each posting fewer times: measured in alternating
    /// runs, 20,560 pages index in 4.30 s against 4.64 s and 205,600 pages in 50.6 s against 56.9 s;
    /// searches read more segments (205,600 pages: median 14.5 against 13.1 ms, p95 40 against 37 ms;
    /// 20,560 pages: no difference above the noise). The first update after a full index finishes a
    /// merge left in progress (20,560 pages: 0.80–0.92 against 0.44–0.48 s, about what the full index
    /// saved; later updates alike). A tuning setting, not a format change: indexes made before it get
    /// it when next opened for writing.
    static let segmentsMergedTogether = 8
    /// Sets `segmentsMergedTogether` in the table's `_config`.
    static let setSegmentsMergedTogether = """
        INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', \(segmentsMergedTogether));
        """
    /// The table's `automerge` setting (no row when it was never set: FTS5's default).
    static let readSegmentsMergedTogether = "SELECT v FROM article_fts_config WHERE k = 'automerge'"

    /// FTS5's `hashsize` (a setting kept in the table's `_config`, like `rank`): how many bytes of
    /// pending terms it keeps in memory before writing them out as a segment (1 MiB by default). With
    /// transactions of thousands of articles, fewer and larger segments are written and merged:
    /// measured at 20,560 pages, 4 MiB indexes about 5 % faster for 7-11 MB more peak memory.
    static let pendingTermsSize = 4 << 20

    /// Adds the FTS5 row of a new article (its text, in the order of the table's columns).
    static let insertFullText = "INSERT INTO article_fts(rowid, title, lead, body) VALUES (?, ?, ?, ?)"

    /// Removes an article's FTS5 row, given the text it was indexed with
    /// (https://sqlite.org/fts5.html#the_delete_command).
    static let deleteFullText = "INSERT INTO article_fts(article_fts, rowid, title, lead, body) VALUES ('delete', ?, ?, ?, ?)"

    /// The indexed text of an article, in the order of the FTS5 table's columns.
    static let selectText = "SELECT title, lead, body FROM article WHERE id = ?"

    static let dropFullText = """
        DROP TRIGGER IF EXISTS article_fts_insert;
        DROP TRIGGER IF EXISTS article_fts_delete;
        DROP TRIGGER IF EXISTS article_fts_update;
        DROP TABLE IF EXISTS article_fts;
        """
}

/// Keys of the `meta` table.
enum MetaKey {
    static let format = "format"
    static let schema = "schema"
    static let analyzer = "analyzer"
    static let archiveRoot = "archive_root"
    static let lastRun = "last_run"
}
