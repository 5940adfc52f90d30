/// Why a file yields no article.
public enum ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is empty.
    case empty
    /// The file holds binary data (NUL bytes or control characters), not text.
    case binary
    /// The file is larger than the limit.
    case tooLarge(bytes: Int, limit: Int)
    /// libxml2 could not build a document from it.
    case unparsable
    /// The page has neither a title nor any text.
    case noText

    /// One short phrase for the user.
    public var description: String {
        switch self {
        case .empty: "empty file"
        case .binary: "not a text file (binary data)"
        case .tooLarge(let bytes, let limit): "too large (\(bytes) bytes, limit \(limit))"
        case .unparsable: "not parsable as HTML"
        case .noText: "no article text found"
        }
    }
}
