internal import CSQLite

#if canImport(Glibc)
    import Glibc
#endif

/// A tokenizer as FTS5 runs it (https://sqlite.org/fts5.html#custom_tokenizers): looked up by name
/// on a connection with `xFindTokenizer`, created with its arguments, and called through its C
/// `xTokenize` with a callback per token, as FTS5 does for every document it indexes.
///
/// For measuring and comparing tokenizers (built-in ones such as unicode61 and the German one) on
/// the same path, without FTS5's postings.
public final class FTS5Tokenizer {
    /// The connection that registered the tokenizer; it must outlive the instance.
    private let connection: Connection
    private var module = fts5_tokenizer()
    private let instance: OpaquePointer

    /// The tokenizer called `name` on `connection`, created with `arguments` (as in
    /// `tokenize='unicode61 remove_diacritics 2'`: name "unicode61", arguments ["remove_diacritics", "2"]).
    public init(_ name: String, arguments: [String] = [], on connection: Connection) throws(SQLiteError) {
        self.connection = connection
        let api = try FTS5API.of(connection)
        var userData: UnsafeMutableRawPointer?
        var code = api.pointee.xFindTokenizer(api, name, &userData, &module)
        guard code == SQLITE_OK, let create = module.xCreate else {
            throw SQLiteError(code: code == SQLITE_OK ? SQLITE_ERROR : code, message: "no such tokenizer: \(name)")
        }
        // The argument strings only need to live for the xCreate call.
        let cStrings = arguments.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        var argv = cStrings.map { UnsafePointer<CChar>($0) }
        var created: OpaquePointer?
        code = argv.withUnsafeMutableBufferPointer { buffer in
            create(userData, buffer.baseAddress, Int32(buffer.count), &created)
        }
        guard code == SQLITE_OK, let created else {
            throw SQLiteError(code: code == SQLITE_OK ? SQLITE_ERROR : code, message: "tokenizer \(name) could not be created")
        }
        instance = created
    }

    deinit { module.xDelete?(instance) }

    /// How many tokens (colocated ones included) the tokenizer emits for `text` as a document.
    public func countTokens(in text: UnsafeBufferPointer<UInt8>) throws(SQLiteError) -> Int {
        guard let base = text.baseAddress, !text.isEmpty else { return 0 }
        var count = 0
        let code = withUnsafeMutablePointer(to: &count) { counter in
            module.xTokenize!(
                instance, counter, FTS5_TOKENIZE_DOCUMENT,
                UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(text.count)
            ) { context, _, _, _, _, _ in
                context!.assumingMemoryBound(to: Int.self).pointee += 1
                return SQLITE_OK
            }
        }
        guard code == SQLITE_OK else { throw SQLiteError(code: code, message: "the tokenizer failed") }
        return count
    }
}
