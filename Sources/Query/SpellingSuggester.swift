import GermanAnalysis
import IndexStore

/// Suggests spellings from the index's own vocabulary: for each query word no article contains, the
/// indexed term within edit distance 2 (transpositions count once) found in the most articles,
/// shown as the articles write it ("Erdgoan" → "Erdoğan").
public struct SpellingSuggester {
    private let index: ArticleIndex
    private let analyzer = GermanAnalyzer()

    /// Creates a suggester over `index`.
    public init(index: ArticleIndex) { self.index = index }

    /// The query with misspelt words replaced, or nil when no word needs (or has) a suggestion.
    public func suggestion(for words: [String]) -> String? {
        var changed = false
        var result: [String] = []
        for word in words {
            guard let replacement = try? suggestion(forWord: word) else {
                result.append(word)
                continue
            }
            result.append(replacement)
            changed = true
        }
        return changed ? result.joined(separator: " ") : nil
    }

    private func suggestion(forWord word: String) throws -> String? {
        let terms = analyzer.tokens(word, mode: .query).map(\.term)
        guard terms.count == 1, let term = terms.first, term.count >= 4, !Stopwords.contains(word) else { return nil }
        // A word the articles contain needs no suggestion; this look-up is cheap, the scan below is not.
        if try index.documentFrequency(ofTerm: term) > 0 { return nil }
        let target = Array(term.unicodeScalars)
        // fts5vocab counts the articles of every term it passes, so the scan starts narrow: terms
        // with the word's first two letters (most typos come later in a word), then its first letter.
        var scored: [(term: String, distance: Int, documents: Int)] = []
        for prefixLength in [2, 1] where scored.isEmpty {
            scored = try candidates(near: target, prefix: String(term.unicodeScalars.prefix(prefixLength)))
        }
        guard let best = scored.first else { return nil }
        // Stems hide the word's ending, so compare what was typed with how the articles write the
        // best few terms, and take the closest written form.
        let typed = Array(word.lowercased().unicodeScalars)
        var forms: [String: Int] = [:]
        for candidate in scored.prefix(4) where candidate.distance == best.distance {
            forms.merge(try index.surfaceForms(ofTerm: candidate.term, limit: 4)) { $0 + $1 }
        }
        let closest = forms.min { a, b in
            let da = editDistance(typed, Array(a.key.lowercased().unicodeScalars), limit: 8)
            let db = editDistance(typed, Array(b.key.lowercased().unicodeScalars), limit: 8)
            return da != db ? da < db : (a.value != b.value ? a.value > b.value : a.key < b.key)
        }
        return closest?.key ?? best.term
    }
}

extension SpellingSuggester {
    /// Index terms starting with `prefix` within edit distance 2 of `target`, closest and most
    /// frequent first.
    private func candidates(
        near target: [Unicode.Scalar], prefix: String
    ) throws -> [(term: String, distance: Int, documents: Int)] {
        let length = String(String.UnicodeScalarView(target)).utf8.count
        var scored: [(term: String, distance: Int, documents: Int)] = []
        for candidate in try index.vocabulary(prefix: prefix, minimumLength: length - 2, maximumLength: length + 2)
        where candidate.documents > 0 {
            let distance = editDistance(target, Array(candidate.term.unicodeScalars), limit: 2)
            if distance <= 2 { scored.append((candidate.term, distance, candidate.documents)) }
        }
        return scored.sorted { $0.distance != $1.distance ? $0.distance < $1.distance : $0.documents > $1.documents }
    }
}

/// Optimal-string-alignment distance between `a` and `b`, or `limit + 1` once it exceeds `limit`.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        var rowMinimum = current[0]
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                value = min(value, previousPrevious[j - 2] + 1)
            }
            current[j] = value
            rowMinimum = min(rowMinimum, value)
        }
        if rowMinimum > limit { return limit + 1 }
        (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
}
