import ArticleModel

/// What the index keeps about one archive file to notice changes: where it is, how big, when written, what hash.
public struct IndexedFile: Sendable, Equatable {
    /// Row id in the `article` table.
    public var id: Int64
    /// Path relative to the archive root, with `/` separators.
    public var path: String
    /// Size in bytes.
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var mtime: Int64
    /// Content hash (`ContentHash`) as hex.
    public var hash: String

    /// Creates a record.
    public init(id: Int64 = 0, path: String, size: Int64, mtime: Int64, hash: String) {
        self.id = id
        self.path = path
        self.size = size
        self.mtime = mtime
        self.hash = hash
    }
}

/// An article as the index holds it: the file it came from and its extracted content.
public struct StoredArticle: Sendable, Equatable {
    /// The file's bookkeeping.
    public var file: IndexedFile
    /// The extracted article.
    public var article: Article

    /// Creates a stored article.
    public init(file: IndexedFile, article: Article) {
        self.file = file
        self.article = article
    }
}
