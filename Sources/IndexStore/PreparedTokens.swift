import ArticleModel
import GermanAnalysis

/// An article's title, lead and body analysed ahead of writing (see `AnalyzedText`): ingestion
/// analyses on all cores, and the FTS5 tokenizer on the writer thread only replays the tokens.
public struct PreparedTokens: Sendable {
    let texts: [AnalyzedText]

    /// Analyses the indexed columns of `article` with `analyzer` (one analyzer per thread).
    public init(_ article: Article, analyzer: GermanAnalyzer) {
        texts = [article.title, article.lead, article.body].map { AnalyzedText($0, analyzer: analyzer) }
    }
}

/// The prepared tokens of the statement being run on a connection, where its FTS5 tokenizer finds them.
final class PreparedTokenSlot {
    var current: [AnalyzedText] = []

    /// The prepared analysis of exactly these bytes, if any.
    func analysis(of bytes: UnsafeBufferPointer<UInt8>) -> AnalyzedText? {
        current.first { $0.matches(bytes) }
    }
}
