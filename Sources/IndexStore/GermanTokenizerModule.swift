internal import CSQLite
import GermanAnalysis

/// Registers `GermanAnalyzer` as an FTS5 tokenizer on a connection
/// (https://sqlite.org/fts5.html#custom_tokenizers).
///
/// FTS5 hands each word's byte offsets back to `snippet()`/`highlight()`, so highlights mark the
/// words as written. Registration is per connection, so every `Connection` does it when it opens.
enum GermanTokenizerModule {
    static func register(on connection: Connection, api: UnsafeMutablePointer<fts5_api>) throws(SQLiteError) {
        var module = fts5_tokenizer(xCreate: createTokenizer, xDelete: deleteTokenizer, xTokenize: tokenize)
        // The connection owns the slot and outlives its tokenizers (they go when its handle closes).
        let slot = Unmanaged.passUnretained(connection.preparedTokens).toOpaque()
        var code = api.pointee.xCreateTokenizer(api, AnalyzerVersion.tokenizerName, slot, &module, nil)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: connection.handle) }
        // Older versions stay known so that their tables can be dropped by `rebuild`; they refuse to tokenize.
        var retired = fts5_tokenizer(xCreate: createTokenizer, xDelete: deleteTokenizer, xTokenize: refuseToTokenize)
        for version in 1..<AnalyzerVersion.version {
            code = api.pointee.xCreateTokenizer(api, "german_v\(version)", nil, &retired, nil)
            guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: connection.handle) }
        }
    }
}

/// The per-table tokenizer object FTS5 holds: an analyzer with its own buffers.
private final class TokenizerInstance {
    let analyzer = GermanAnalyzer()
    /// Tokens analysed ahead of an insert, replayed instead of analysing again.
    let prepared: PreparedTokenSlot?

    init(prepared: PreparedTokenSlot?) { self.prepared = prepared }
}

private func createTokenizer(
    _ context: UnsafeMutableRawPointer?, _ arguments: UnsafeMutablePointer<UnsafePointer<CChar>?>?,
    _ argumentCount: Int32, _ out: UnsafeMutablePointer<OpaquePointer?>?
) -> Int32 {
    let slot = context.map { Unmanaged<PreparedTokenSlot>.fromOpaque($0).takeUnretainedValue() }
    let instance = Unmanaged.passRetained(TokenizerInstance(prepared: slot))
    out?.pointee = OpaquePointer(instance.toOpaque())
    return SQLITE_OK
}

private func deleteTokenizer(_ tokenizer: OpaquePointer?) {
    guard let tokenizer else { return }
    Unmanaged<TokenizerInstance>.fromOpaque(UnsafeRawPointer(tokenizer)).release()
}

private typealias TokenCallback = @convention(c) (
    UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, Int32, Int32, Int32
) -> Int32

private func tokenize(
    _ tokenizer: OpaquePointer?, _ context: UnsafeMutableRawPointer?, _ flags: Int32,
    _ text: UnsafePointer<CChar>?, _ length: Int32, _ emitToken: TokenCallback?
) -> Int32 {
    guard let tokenizer, let emitToken else { return SQLITE_ERROR }
    guard let text, length > 0 else { return SQLITE_OK }
    let instance = Unmanaged<TokenizerInstance>.fromOpaque(UnsafeRawPointer(tokenizer)).takeUnretainedValue()
    let mode: AnalysisMode =
        if flags & FTS5_TOKENIZE_QUERY != 0 {
            flags & FTS5_TOKENIZE_PREFIX != 0 ? .queryPrefix : .query
        } else if flags & FTS5_TOKENIZE_AUX != 0 {
            .auxiliary
        } else {
            .document
        }
    let bytes = UnsafeBufferPointer(
        start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: Int(length))
    var result = SQLITE_OK
    // The callback writes its code through a pointer: a captured `var` would cost an exclusivity
    // check per token.
    withUnsafeMutablePointer(to: &result) { result in
        let emit = { (term: UnsafeBufferPointer<UInt8>, start: Int, end: Int, colocated: Bool) -> Bool in
            guard !term.isEmpty else { return true }
            let termPointer = UnsafeRawPointer(term.baseAddress!).assumingMemoryBound(to: CChar.self)
            result.pointee = emitToken(
                context, colocated ? FTS5_TOKEN_COLOCATED : 0, termPointer, Int32(term.count),
                Int32(start), Int32(end))
            return result.pointee == SQLITE_OK
        }
        if mode == .document, let prepared = instance.prepared?.analysis(of: bytes) {
            prepared.replay(emit)
        } else {
            instance.analyzer.analyze(bytes, mode: mode, emit)
        }
    }
    return result
}

private func refuseToTokenize(
    _ tokenizer: OpaquePointer?, _ context: UnsafeMutableRawPointer?, _ flags: Int32,
    _ text: UnsafePointer<CChar>?, _ length: Int32, _ emitToken: TokenCallback?
) -> Int32 {
    SQLITE_ERROR
}
