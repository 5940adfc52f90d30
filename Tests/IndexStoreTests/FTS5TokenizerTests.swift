import GermanAnalysis
import IndexStore
import Testing

@Suite struct FTS5TokenizerTests {
    let connection: Connection

    init() throws { connection = try Connection(path: ":memory:", mode: .create) }

    func count(_ tokenizer: FTS5Tokenizer, _ text: String) throws -> Int {
        try Array(text.utf8).withUnsafeBufferPointer { try tokenizer.countTokens(in: $0) }
    }

    @Test func builtInTokenizerRunsWithItsArguments() throws {
        let unicode61 = try FTS5Tokenizer("unicode61", arguments: ["remove_diacritics", "2"], on: connection)
        #expect(try count(unicode61, "Die Kampfdrohnen über München") == 4)
        #expect(try count(unicode61, "") == 0)
    }

    @Test func germanTokenizerEmitsWhatTheAnalyzerDoes() throws {
        let german = try FTS5Tokenizer(AnalyzerVersion.tokenizerName, on: connection)
        let text = "Die Kampfdrohnen über München, Bürger*innen und E-Mails."
        var expected = 0
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            GermanAnalyzer().analyze(bytes, mode: .document) { _, _, _, _ in
                expected += 1
                return true
            }
        }
        // Stems, exact forms and compound parts: more tokens than words.
        #expect(expected > 8)
        #expect(try count(german, text) == expected)
    }

    @Test func unknownTokenizerIsAnError() {
        #expect(throws: SQLiteError.self) { try FTS5Tokenizer("no_such_tokenizer", on: connection) }
    }
}
