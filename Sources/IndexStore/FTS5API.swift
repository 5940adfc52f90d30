internal import CSQLite

/// The connection's FTS5 API object (https://sqlite.org/fts5.html#extending_fts5), through which
/// tokenizers and auxiliary functions are registered.
enum FTS5API {
    /// The `SELECT fts5(?1)` pointer tag; SQLite keeps and compares it, so it must be a static C string.
    private static let pointerTag: StaticString = "fts5_api_ptr"

    static func of(_ connection: Connection) throws(SQLiteError) -> UnsafeMutablePointer<fts5_api> {
        let out = UnsafeMutablePointer<UnsafeMutablePointer<fts5_api>?>.allocate(capacity: 1)
        defer { out.deallocate() }
        out.initialize(to: nil)
        let statement = try connection.prepare("SELECT fts5(?1)")
        let tag = UnsafeRawPointer(pointerTag.utf8Start).assumingMemoryBound(to: CChar.self)
        sqlite3_bind_pointer(statement.handle, 1, out, tag, nil)
        try statement.step()
        guard let api = out.pointee, api.pointee.iVersion >= 2 else {
            throw SQLiteError(code: SQLITE_ERROR, message: "this SQLite has no FTS5 (version 2 or later)")
        }
        return api
    }
}
