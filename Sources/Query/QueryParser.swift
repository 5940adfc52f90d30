/// Parses what a user types into a `QueryNode`. It accepts any input: unbalanced quotes and
/// parentheses are closed, stray operators are read as words or dropped, and characters FTS5 would
/// read as syntax never reach it (the compiler quotes every term).
///
/// Syntax: words (all must match), `"a phrase"`, `OR`, `-word` or `NOT word`, `prefix*`,
/// `title:word`, `author:name`, `section:name`, parentheses.
public struct QueryParser: Sendable {
    /// Fields a term can be restricted to.
    public static let fields: Set<String> = ["title", "author", "section"]

    /// Creates a parser.
    public init() {}

    /// The query tree for `text`, or nil when it holds nothing to search for.
    public func parse(_ text: String) -> QueryNode? {
        var tokens = Lexer.tokens(of: text)
        tokens.reverse()
        var stream = TokenStream(tokens: tokens)
        return stream.parseOr(depth: 0)
    }
}

/// Lexical units of the query language.
enum QueryToken: Equatable {
    case word(String)
    case phrase(String)
    case open
    case close
    case or
    case and
    case not
    case minus
    case field(String)
}

enum Lexer {
    static func tokens(of text: String) -> [QueryToken] {
        var tokens: [QueryToken] = []
        let scalars = Array(text.unicodeScalars.map { $0.value < 0x20 || $0 == "\u{7F}" ? " " : $0 })
        var i = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c.properties.isWhitespace }
        while i < scalars.count {
            let c = scalars[i]
            if isSpace(c) {
                i += 1
                continue
            }
            if c == "\"" || c == "„" || c == "“" || c == "”" || c == "«" || c == "»" {
                var j = i + 1
                var phrase = String.UnicodeScalarView()
                while j < scalars.count, !["\"", "“", "”", "«", "»"].contains(scalars[j]) {
                    phrase.append(scalars[j])
                    j += 1
                }
                tokens.append(.phrase(String(phrase)))
                i = j + 1
                continue
            }
            if c == "(" {
                tokens.append(.open)
                i += 1
                continue
            }
            if c == ")" {
                tokens.append(.close)
                i += 1
                continue
            }
            if c == "-" && i + 1 < scalars.count && !isSpace(scalars[i + 1]) && (i == 0 || isSpace(scalars[i - 1]) || scalars[i - 1] == "(") {
                tokens.append(.minus)
                i += 1
                continue
            }
            var j = i
            var word = String.UnicodeScalarView()
            while j < scalars.count, !isSpace(scalars[j]), !["(", ")", "\"", "„", "“", "”"].contains(scalars[j]) {
                word.append(scalars[j])
                j += 1
            }
            i = j
            let text = String(word)
            switch text {
            case "OR", "|", "||", "ODER": tokens.append(.or)
            case "AND", "&&", "UND": tokens.append(.and)
            case "NOT", "NICHT": tokens.append(.not)
            default:
                if let colon = text.firstIndex(of: ":"), colon != text.startIndex {
                    let name = text[..<colon].lowercased()
                    if QueryParser.fields.contains(name) {
                        tokens.append(.field(name))
                        let rest = String(text[text.index(after: colon)...])
                        if !rest.isEmpty { tokens.append(.word(rest)) }
                        continue
                    }
                }
                tokens.append(.word(text))
            }
        }
        return tokens
    }
}

/// Recursive descent over the tokens (kept reversed, so the next token is `last`).
struct TokenStream {
    var tokens: [QueryToken]
    static let maximumDepth = 32

    mutating func parseOr(depth: Int) -> QueryNode? {
        var alternatives: [QueryNode] = []
        while true {
            if let group = parseAnd(depth: depth) { alternatives.append(group) }
            guard tokens.last == .or else { break }
            tokens.removeLast()
        }
        if alternatives.isEmpty { return nil }
        return alternatives.count == 1 ? alternatives[0] : .any(alternatives)
    }

    mutating func parseAnd(depth: Int) -> QueryNode? {
        var parts: [QueryNode] = []
        while let token = tokens.last, token != .or {
            if token == .close {
                if depth > 0 { break }
                tokens.removeLast()  // a stray ')' at the top level
                continue
            }
            if token == .and {
                tokens.removeLast()
                continue
            }
            if let unary = parseUnary(depth: depth) { parts.append(unary) }
        }
        if parts.isEmpty { return nil }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    mutating func parseUnary(depth: Int) -> QueryNode? {
        guard let token = tokens.last else { return nil }
        if token == .not || token == .minus {
            tokens.removeLast()
            guard let operand = parsePrimary(depth: depth) else { return nil }
            return .not(operand)
        }
        return parsePrimary(depth: depth)
    }

    mutating func parsePrimary(depth: Int) -> QueryNode? {
        guard let token = tokens.popLast() else { return nil }
        switch token {
        case .word(let text):
            if text.hasSuffix("*") {
                let stem = String(text.drop(while: { $0 == "*" }).reversed().drop(while: { $0 == "*" }).reversed())
                return stem.isEmpty ? nil : .word(stem, prefix: true)
            }
            return .word(text, prefix: false)
        case .phrase(let text):
            return .phrase(text)
        case .open:
            let inner = depth < Self.maximumDepth ? parseOr(depth: depth + 1) : nil
            if tokens.last == .close { tokens.removeLast() }
            return inner
        case .field(let name):
            guard let operand = parsePrimary(depth: depth) else { return nil }
            return .field(name, operand)
        case .close, .or, .and:
            return nil
        case .not, .minus:
            return parseUnary(depth: depth).map { .not($0) }
        }
    }
}
