/// Why an index could not be opened or changed, in terms a user can act on.
public enum IndexError: Error, Sendable, CustomStringConvertible {
    /// There is no index at this path.
    case missingDatabase(path: String)
    /// The file exists but is not a Stichwort index.
    case notAnIndex(path: String, reason: String)
    /// The index was written by another analyzer version; it must be rebuilt.
    case analyzerMismatch(path: String, found: String, expected: String)
    /// The index was written by a newer or older schema.
    case schemaMismatch(path: String, found: String, expected: String)
    /// The index belongs to another archive root.
    case otherArchive(path: String, indexedRoot: String, requestedRoot: String)
    /// The disk (or the database) is full; the open batch was rolled back.
    case diskFull(path: String)
    /// The database or its folder cannot be written.
    case notWritable(path: String, reason: String)
    /// The database is damaged.
    case corrupt(path: String, reason: String)
    /// Any other SQLite failure.
    case sqlite(SQLiteError)
    /// A change was rolled back because the code making it failed.
    case aborted(reason: String)

    /// One line for the user.
    public var description: String {
        switch self {
        case .missingDatabase(let path):
            "no index at \(path) (create one with `stichwort index DIR --db \(path)`)"
        case .notAnIndex(let path, let reason):
            "\(path) is not a Stichwort index (\(reason))"
        case .analyzerMismatch(let path, let found, let expected):
            "\(path) was built by analyzer \(found), this stichwort uses \(expected): run `stichwort rebuild --db \(path)`"
        case .schemaMismatch(let path, let found, let expected):
            "\(path) has index format \(found), this stichwort reads format \(expected): index the archive into a new --db"
        case .otherArchive(let path, let indexedRoot, let requestedRoot):
            "\(path) indexes the archive \(indexedRoot), not \(requestedRoot): use another --db for another archive"
        case .diskFull(let path):
            "the disk is full while writing \(path); the last batch was rolled back and the index is as before it"
        case .notWritable(let path, let reason):
            "cannot write \(path): \(reason)"
        case .corrupt(let path, let reason):
            "\(path) is damaged (\(reason)): run `stichwort check`, then `stichwort rebuild` or index anew"
        case .sqlite(let error):
            "database error: \(error.message) (SQLite code \(error.code))"
        case .aborted(let reason):
            "the change was rolled back: \(reason)"
        }
    }

    /// Maps any error thrown while working on `path` to an `IndexError`.
    public static func from(any error: any Error, path: String) -> IndexError {
        switch error {
        case let error as IndexError: error
        case let error as SQLiteError: from(error, path: path)
        default: .aborted(reason: "\(error)")
        }
    }

    /// Maps an SQLite failure on `path` to the error a user can act on.
    public static func from(_ error: SQLiteError, path: String) -> IndexError {
        if error.isDiskFull { return .diskFull(path: path) }
        if error.isNotADatabase { return .notAnIndex(path: path, reason: "not an SQLite database") }
        if error.isCorrupt { return .corrupt(path: path, reason: error.message) }
        if error.isNotWritable { return .notWritable(path: path, reason: error.message) }
        return .sqlite(error)
    }
}
