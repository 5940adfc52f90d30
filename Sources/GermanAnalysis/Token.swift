/// One index term produced by the analyzer, with the byte range of the word it came from.
public struct Token: Sendable, Equatable, CustomStringConvertible {
    /// The folded (and, unless it is a prefix, stemmed) form that goes into the index.
    public var term: String
    /// Byte offset of the original word's first byte in the analysed UTF-8 text.
    public var start: Int
    /// Byte offset just past the original word.
    public var end: Int
    /// True when the token shares the position of the token before it (a colocated variant).
    public var isColocated: Bool

    /// Creates a token.
    public init(term: String, start: Int, end: Int, isColocated: Bool = false) {
        self.term = term
        self.start = start
        self.end = end
        self.isColocated = isColocated
    }

    /// `term@start-end`, with a `+` for colocated tokens.
    public var description: String { "\(isColocated ? "+" : "")\(term)@\(start)-\(end)" }
}

/// What the text being analysed is, which decides how its words are turned into terms.
public enum AnalysisMode: Sendable {
    /// Article text at indexing time: each word, then the parts of compounds as colocated tokens.
    case document
    /// Article text re-tokenized for snippets and highlights: the words only (no compound parts,
    /// which share their word's position anyway), so no lexicon is loaded for a search.
    case auxiliary
    /// A query term.
    case query
    /// A query term that ends in `*`: folded, never stemmed, so it matches as a prefix.
    case queryPrefix
    /// The bare Snowball stem of each lower-cased word, without folding other diacritics
    /// (`analyze --stem`, checked against the Snowball vectors).
    case stemOnly
    /// Folded but not stemmed (`analyze --fold`).
    case foldOnly

    /// The number of modes.
    static let count = 6

    /// A number per mode, below `count`.
    var index: Int {
        switch self {
        case .document: 0
        case .auxiliary: 1
        case .query: 2
        case .queryPrefix: 3
        case .stemOnly: 4
        case .foldOnly: 5
        }
    }
}

/// The analyzer's identity: FTS5 tokenizer name and version stored in the database.
///
/// Anything that changes the terms produced for a text (folding table, stemmer, word splitting)
/// must bump `version`; FTS5 re-tokenizes old text on delete, so an index written by another
/// version must be rebuilt (https://sqlite.org/fts5.html#the_delete_command).
public enum AnalyzerVersion {
    /// Bumped on every change of the produced terms (2: compound parts as colocated tokens;
    /// 3: part terms marked with `+`, so they rank below the word itself; 4: exact forms as `=` terms;
    /// 5: known words split only when their parts' own frequencies say so: jedoch, während, Urteil
    /// no longer index jed|och, währ|end, ur|teil; 6: no cut words as parts (italie|nische), rare
    /// compounds' heads open as words do (Lawinen|verbauung); 7: a compound of three parts and more
    /// also indexes the compounds of its first and of its last parts: +klimaschutz in Klimaschutzabkommen).
    public static let version = 7
    /// The FTS5 tokenizer name, which carries the version so an old index never opens with new code.
    public static let tokenizerName = "german_v\(version)"
    /// Hash of the compound lexicon the analyzer splits with.
    public static let lexiconHash = compoundLexiconHash
    /// What the database records: tokenizer name and lexicon hash (`german_v5+cddac6df738b4761`).
    public static let identity = "\(tokenizerName)+\(lexiconHash)"
}
