#if canImport(Glibc)
    import Glibc
#endif

/// The document-mode tokens of one text, computed ahead of time (on any thread) so that the FTS5
/// tokenizer, which runs on the single writer thread, only replays them.
///
/// Replaying is only correct for exactly the same bytes, so the text is kept and compared.
public struct AnalyzedText: Sendable {
    /// The UTF-8 bytes that were analysed.
    public let text: [UInt8]
    /// Every token's term, back to back.
    private var terms: [UInt8] = []
    private var tokens: [Packed] = []

    private struct Packed {
        var termEnd: UInt32
        var start: UInt32
        var end: UInt32
        var colocated: Bool
    }

    /// Analyses `text` as a document with `analyzer`.
    public init(_ text: String, analyzer: GermanAnalyzer) {
        self.text = Array(text.utf8)
        var terms: [UInt8] = []
        var tokens: [Packed] = []
        terms.reserveCapacity(self.text.count)
        tokens.reserveCapacity(self.text.count / 4)
        self.text.withUnsafeBufferPointer { buffer in
            analyzer.analyze(buffer, mode: .document) { term, start, end, colocated in
                terms.append(contentsOf: term)
                tokens.append(Packed(termEnd: UInt32(terms.count), start: UInt32(start), end: UInt32(end), colocated: colocated))
                return true
            }
        }
        self.terms = terms
        self.tokens = tokens
    }

    /// The number of tokens.
    public var tokenCount: Int { tokens.count }

    /// True when `bytes` are the analysed text.
    public func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == text.count else { return false }
        guard let other = bytes.baseAddress, !bytes.isEmpty else { return true }
        return text.withUnsafeBufferPointer { memcmp($0.baseAddress!, other, bytes.count) == 0 }
    }

    /// Calls `emit(term, start, end, colocated)` for each token, as `GermanAnalyzer.analyze` would;
    /// `emit` returns false to stop.
    public func replay(_ emit: (UnsafeBufferPointer<UInt8>, Int, Int, Bool) -> Bool) {
        terms.withUnsafeBufferPointer { all in
            var termStart = 0
            for token in tokens {
                let termEnd = Int(token.termEnd)
                let term = UnsafeBufferPointer(rebasing: all[termStart..<termEnd])
                termStart = termEnd
                if !emit(term, Int(token.start), Int(token.end), token.colocated) { return }
            }
        }
    }
}
