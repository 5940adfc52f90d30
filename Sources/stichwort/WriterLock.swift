import Ingestion

/// Takes the index's one-writer lock for `index` and `rebuild`; busy → exit 4, other failures → exit 3.
func acquireWriterLock(_ database: DatabaseOption, noWait: Bool) throws -> IndexLock {
    do {
        return try IndexLock(databasePath: database.path, wait: !noWait)
    } catch {
        if case .busy = error { throw fail(error.description, .busy) }
        throw fail(error.description)
    }
}
