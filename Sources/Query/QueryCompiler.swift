import GermanAnalysis

/// What a query becomes for the index: an FTS5 expression plus field filters.
public struct CompiledQuery: Sendable, Equatable {
    /// The FTS5 MATCH expression; every term is quoted, so user text is never read as FTS5 syntax.
    public var expression: String
    /// `section:` restriction, if given.
    public var section: String?
    /// `author:` restriction, if given.
    public var author: String?
    /// The positive words and phrases (a prefix word with its `*`), for the any-word fallback.
    public var positiveTerms: [String]
}

/// Turns a `QueryNode` into an FTS5 expression (https://sqlite.org/fts5.html#full_text_query_syntax).
///
/// Words are analysed by the table's tokenizer (FTS5 passes each quoted string to it), so a query is
/// folded and stemmed exactly like the articles. Terms that hold no word characters are dropped.
public struct QueryCompiler {
    private let analyzer = GermanAnalyzer()

    /// Creates a compiler.
    public init() {}

    /// The compiled form of `node`.
    public func compile(_ node: QueryNode) throws(QueryError) -> CompiledQuery {
        var section: String?
        var author: String?
        var parts: [QueryNode]
        if case .all(let children) = node { parts = children } else { parts = [node] }
        // author:/section: narrow the whole query; they are SQL filters, not FTS5 columns.
        var searched: [QueryNode] = []
        for part in parts {
            guard case .field(let name, let operand) = part, name != "title" else {
                searched.append(part)
                continue
            }
            let value = plainText(operand)
            if value.isEmpty { throw QueryError("\(name): needs a value, e.g. \(name):Sport") }
            if name == "section" { section = value } else { author = value }
        }
        parts = searched
        var positives: [String] = []
        collectPositives(node, into: &positives)
        if parts.isEmpty {
            return CompiledQuery(expression: "", section: section, author: author, positiveTerms: [])
        }
        guard let expression = try expression(for: parts.count == 1 ? parts[0] : .all(parts), top: true) else {
            throw QueryError("nothing to search for: the query has no words")
        }
        return CompiledQuery(expression: expression, section: section, author: author, positiveTerms: positives)
    }

    /// An FTS5 expression where any of `terms` may match (stopwords left out unless nothing else is
    /// left); a compound also brings its parts, so "Verteidigungsminister" finds "Minister der
    /// Verteidigung", and so does a hyphenated or slashed word ("UN-Sekretär" finds "UN-Generalsekretär",
    /// "Costa/ENEL" finds "Costa" and "Enel").
    public func anyOf(_ terms: [String]) -> String? {
        let meaningful = terms.filter { !Stopwords.contains($0) }
        var expanded: [String] = []
        // Made only when a word is long enough to be a compound.
        var splitter: CompoundSplitter?
        for term in meaningful.isEmpty ? terms : meaningful {
            expanded.append(term)
            let pieces = term.split(whereSeparator: { $0 == "-" || $0 == "/" }).map(String.init)
            if pieces.count > 1 { expanded.append(contentsOf: pieces.filter { !Stopwords.contains($0) }) }
            // A compound in a question also matches articles that name its parts.
            for piece in pieces where piece.count >= 8 && piece.allSatisfy(\.isLetter) {
                if splitter == nil { splitter = CompoundSplitter(forFewWords: true) }
                if let parts = splitter?.split(piece) { expanded.append(contentsOf: parts.filter { !Stopwords.contains($0) }) }
            }
        }
        // A prefix word ("Flücht*") stays a prefix.
        let chosen = expanded.compactMap { term in
            term.hasSuffix("*")
                ? quoted(String(term.dropLast()), prefix: true) : quoted(term, prefix: false, withWeakVariants: true)
        }
        let unique = chosen.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return unique.isEmpty ? nil : unique.joined(separator: " OR ")
    }

    private func expression(for node: QueryNode, top: Bool) throws(QueryError) -> String? {
        switch node {
        case .word(let text, let prefix):
            return quoted(text, prefix: prefix)
        case .phrase(let text):
            return quoted(text, prefix: false)
        case .field(let name, let operand):
            guard name == "title" else {
                throw QueryError("\(name): can only narrow the whole query, not a part of an OR or NOT")
            }
            return try expression(for: operand, top: false).map { "title : (\($0))" }
        case .not:
            throw QueryError("a query needs at least one word to look for, not only words to exclude")
        case .any(let alternatives):
            var compiled: [String] = []
            for alternative in alternatives {
                if case .not = alternative {
                    throw QueryError("OR cannot combine with an excluded word on its own; exclude after the words")
                }
                if let e = try expression(for: alternative, top: false) { compiled.append(e) }
            }
            if compiled.isEmpty { return nil }
            return compiled.count == 1 ? compiled[0] : "(" + compiled.joined(separator: " OR ") + ")"
        case .all(let parts):
            var positives: [String] = []
            var negatives: [String] = []
            for part in parts {
                if case .not(let excluded) = part {
                    if case .not(let doubled) = excluded {
                        if let e = try expression(for: doubled, top: false) { positives.append(e) }
                    } else if let e = try expression(for: excluded, top: false) {
                        negatives.append(e)
                    }
                } else if let e = try expression(for: part, top: false) {
                    positives.append(e)
                }
            }
            if positives.isEmpty {
                if negatives.isEmpty { return nil }
                throw QueryError("a query needs at least one word to look for, not only words to exclude")
            }
            var result = positives.count == 1 ? positives[0] : "(" + positives.joined(separator: " AND ") + ")"
            for negative in negatives { result = "(\(result) NOT \(negative))" }
            return result
        }
    }

    /// `text` as an FTS5 string (a phrase of its tokens), or nil when it has no word characters.
    ///
    /// `withWeakVariants` (for any-word queries, which are mostly questions) also looks forms up that
    /// the word may stand for, weighed below the word (see `variantPhrases`): "gegründet" finds
    /// "gründen", "finanziert" "Finanzierung", "Doctor" "Doktor".
    func quoted(_ text: String, prefix: Bool, withWeakVariants: Bool = false) -> String? {
        let tokens = analyzer.tokens(text, mode: prefix ? .queryPrefix : .query)
        guard !tokens.isEmpty else { return nil }
        // Only the words themselves go to FTS5, separated by spaces: no quotes, no syntax.
        let utf8 = Array(text.utf8)
        let words = tokens.map { String(decoding: utf8[$0.start..<$0.end], as: UTF8.self) }
        let phrase = "\"" + words.joined(separator: " ") + "\"" + (prefix ? " *" : "")
        // A hyphenated word also matches its joined spelling (E-Mail, Email), which articles index
        // at the hyphenated word's position.
        let hyphenated = tokens.count > 1 && zip(tokens, tokens.dropFirst()).allSatisfy { a, b in
            utf8[a.end..<b.start].elementsEqual([UInt8(ascii: "-")])
        }
        guard hyphenated else {
            // Stopwords are never compound parts.
            guard tokens.count == 1, !Stopwords.contains(words[0]) else { return phrase }
            // A single word also matches as a part of compounds ("Drohne" in "Kampfdrohnen"), in a
            // phrase of its own, which `stichwort_rank` weighs below the word itself.
            let part = "\"" + String(GermanAnalyzer.partQueryMarker) + words[0] + "\"" + (prefix ? " *" : "")
            guard !prefix else { return "(" + phrase + " OR " + part + ")" }
            let variant = variantPhrases(of: words[0], withWeakVariants: withWeakVariants)
            // And in its exact form, which weighs above its other inflected forms ("Rat", not "Rate").
            guard analyzer.exactTerm(of: words[0]) != nil else { return "(" + phrase + variant + " OR " + part + ")" }
            let exact = "\"" + String(GermanAnalyzer.exactQueryMarker) + words[0] + "\""
            return "(" + phrase + variant + " OR " + exact + " OR " + part + ")"
        }
        return "(" + phrase + " OR \"" + words.joined() + "\"" + (prefix ? " *" : "") + ")"
    }

    /// The phrases (each opened by " OR ") that look `word` up in the forms Snowball stems apart from
    /// it: its other spelling where Snowball keeps an -s after a vowel, a p or a w (`FinalSVariant`:
    /// Warschaus, Warschau; Apps, App), its other number where the plural is Latin or Greek
    /// (Ministerium, Ministerien), the stem ends in -s after a consonant (`ConsonantSNoun`: Kurs,
    /// Kurse; Zins, Zinsen) or the singular in -em or -ern (`InflectionLikeEnding`: Problem,
    /// Probleme; Konzern, Konzerne), and, weighed below the word, the other gender and number of a
    /// noun for a person (`PersonNounForms`: Ärztinnen, Ärzte), each also as a compound's part
    /// (Ministerien finds Finanzministerium); with `withWeakVariants`, weighed below the word, other
    /// verb forms (`VerbForms`), the place of an adjective in -anisch (`PlaceAdjective`) and the
    /// German spelling of a c (`GermanizedC`: Doctor, Doktor; also as a compound's part: Club finds
    /// Klubobmann), unless one stems to a stopword (gesicht → sichen → sich). The c-spelling is left
    /// to questions: in a search for words, Camp finding the river Kamp or Cola the peninsula Kola
    /// would be noise.
    private func variantPhrases(of word: String, withWeakVariants: Bool) -> String {
        let part = String(GermanAnalyzer.partQueryMarker)
        let otherSpellings = [
            FinalSVariant.of(word), LatinPlural.of(word), ConsonantSNoun.otherNumber(of: word),
            InflectionLikeEnding.otherNumber(of: word),
        ]
        var phrases = otherSpellings.compactMap { $0 }.map {
            " OR \"" + String(GermanAnalyzer.variantQueryMarker) + $0 + "\" OR \"" + part + $0 + "\""
        }.joined()
        // The other gender is another form than the one asked for: it weighs less (Ärztinnen first,
        // then Ärzte).
        phrases += PersonNounForms.of(word).map {
            " OR \"" + String(GermanAnalyzer.weakVariantQueryMarker) + $0 + "\" OR \"" + part + $0 + "\""
        }.joined()
        guard withWeakVariants else { return phrases }
        let spelling = GermanizedC.of(word)
        let forms = VerbForms.variants(of: word) + [PlaceAdjective.placeName(of: word), spelling].compactMap { $0 }
        for form in forms {
            guard let term = analyzer.tokens(form, mode: .query).first?.term, !Stopwords.contains(term) else { continue }
            phrases += " OR \"" + String(GermanAnalyzer.weakVariantQueryMarker) + form + "\""
            if form == spelling { phrases += " OR \"" + part + form + "\"" }
        }
        return phrases
    }

    private func plainText(_ node: QueryNode) -> String {
        switch node {
        case .word(let text, _), .phrase(let text): text
        case .field(_, let operand): plainText(operand)
        case .all(let parts), .any(let parts): parts.map(plainText).joined(separator: " ")
        case .not: ""
        }
    }

    private func collectPositives(_ node: QueryNode, into terms: inout [String]) {
        switch node {
        case .word(let text, let prefix): terms.append(prefix ? text + "*" : text)
        case .phrase(let text): terms.append(text)
        case .field(let name, let operand): if name == "title" { collectPositives(operand, into: &terms) }
        case .all(let parts), .any(let parts): parts.forEach { collectPositives($0, into: &terms) }
        case .not: break
        }
    }
}
