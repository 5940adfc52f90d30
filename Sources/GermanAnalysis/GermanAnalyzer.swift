/// Turns German text into index terms: words are found in UTF-8 bytes, case-folded,
/// diacritics other than ä ö ü ß removed (Erdoğan → erdogan), then Snowball-stemmed
/// (which folds ä → a, ß → ss and reads ae/oe/ue as umlauts).
///
/// In `.document` mode the parts of compounds follow each compound as colocated tokens
/// ("Kampfdrohnen" → kampfdrohn, +kampf, +drohn), so "Drohne" finds "Kampfdrohnen".
///
/// It works on bytes and reuses its buffers, so it makes no `String` per token. An instance keeps a
/// cache of compound splits: use one per thread.
public final class GermanAnalyzer {
    private let stemmer = GermanStemmer()
    /// Made on the first compound, so analysers that never split (queries, snippets) never load the lexicon.
    private lazy var splitter = CompoundSplitter()
    /// The terms of each distinct word seen, one cache per analysis mode, so each word is stemmed
    /// and split once.
    private var termCaches: [ByteStringCache] = Array(repeating: .placeholder, count: AnalysisMode.count)

    /// Distinct words whose terms are kept per mode; a cache starts again when it holds more.
    static let termCacheLimit = 100_000

    /// Words longer than this many characters are indexed unstemmed and cut to this length.
    public static let maximumWordLength = 80

    /// Creates an analyzer.
    public init() {}

    /// Marks part terms: "Kampfdrohnen" indexes kampfdrohn and, colocated, +kampf and +drohn, so a
    /// query can weigh a match of a compound's part below a match of the word itself.
    public static let partMarker = UInt8(ascii: "+")

    /// Opens a query string whose words are to be looked up as compound parts (`+drohn`); FTS5
    /// passes the quoted string to the tokenizer, so the marker travels inside it.
    public static let partQueryMarker: Character = "\u{1}"

    /// Marks exact-form terms: "Drohnen" indexes drohn and, colocated, =drohnen, so a query can
    /// weigh the word as written above its other inflected forms (Rat above Rate, Spielern above
    /// Spiel). Only capitalised words get one: nouns and names, what people search for.
    public static let exactMarker = UInt8(ascii: "=")

    /// Opens a query string whose words are to be looked up in their exact form (`=drohnen`).
    public static let exactQueryMarker: Character = "\u{2}"

    /// Opens a query string that holds another spelling of the query word before it (`FinalSVariant`),
    /// analysed as a query word and weighed as that word.
    public static let variantQueryMarker: Character = "\u{3}"

    /// Opens a query string that holds a form the query word may stand for but that may be another
    /// word (`VerbForms`): analysed as a query word, weighed below it.
    public static let weakVariantQueryMarker: Character = "\u{4}"

    /// Calls `emit(term, start, end, colocated)` for each token of `text`; `emit` returns false to stop.
    ///
    /// `start`/`end` are byte offsets of the original word in `text`. Invalid UTF-8 separates words.
    public func analyze(
        _ text: UnsafeBufferPointer<UInt8>, mode: AnalysisMode,
        _ emit: (UnsafeBufferPointer<UInt8>, Int, Int, Bool) -> Bool
    ) {
        let isQuery = mode == .query || mode == .queryPrefix
        if isQuery, let first = text.first, first == 0x01 {
            analyze(UnsafeBufferPointer(rebasing: text.dropFirst()), mode: mode) { term, start, end, colocated in
                var marked = [Self.partMarker]
                marked.append(contentsOf: term)
                return marked.withUnsafeBufferPointer { emit($0, start + 1, end + 1, colocated) }
            }
            return
        }
        if isQuery, let first = text.first, first == 0x03 || first == 0x04 {
            analyze(UnsafeBufferPointer(rebasing: text.dropFirst()), mode: mode) { term, start, end, colocated in
                emit(term, start + 1, end + 1, colocated)
            }
            return
        }
        if isQuery, let first = text.first, first == 0x02 {
            emitExactForms(of: UnsafeBufferPointer(rebasing: text.dropFirst()), offset: 1, emit)
            return
        }
        // Local buffers, reused for every word: no allocation and no exclusivity checks per token.
        // The mode's cache is taken out of `self` while the text is analysed, for the same reason.
        var cache = ByteStringCache.placeholder
        swap(&cache, &termCaches[mode.index])
        if cache.maximumEntries == 0 { cache = ByteStringCache(maximumEntries: Self.termCacheLimit) }
        defer { swap(&cache, &termCaches[mode.index]) }
        var latin: [UInt8] = []
        latin.reserveCapacity(Self.maximumWordLength * 2)
        var wide: [UInt8] = []
        var output: [UInt8] = []
        output.reserveCapacity(Self.maximumWordLength * 4)
        var stemStorage = [UInt8](repeating: 0, count: Self.maximumWordLength * 2 + 2)
        var scanner = WordScanner(text: text)
        // The letters of a hyphenated word so far ("e", then "email"), for its joined form.
        var chain: [UInt8] = []
        while let word = scanner.nextWord(latin: &latin, wide: &wide, keepLatin1: mode == .stemOnly) {
            var joined: [UInt8]?
            if mode == .document {
                if word.continuesHyphenChain && !chain.isEmpty && !word.hasWideLetters {
                    chain.append(contentsOf: latin)
                    joined = chain
                } else {
                    if !chain.isEmpty { chain.removeAll(keepingCapacity: true) }
                    // Only a word a hyphen follows can open a chain. Copied, not assigned: sharing
                    // `latin`'s storage would make clearing it allocate.
                    if !word.hasWideLetters && word.end < text.count
                        && (text[word.end] == UInt8(ascii: "-") || text[word.end] == 0xE2)
                    {
                        chain.append(contentsOf: latin)
                    }
                }
            }
            // E-Mail, Baden-Württemberg, Bayraktar-Drohnen: the joined form at the last part's position.
            func emitJoined(whole: UnsafeBufferPointer<UInt8>) -> Bool {
                guard let joined, joined.count <= Self.maximumWordLength else { return true }
                var joinedTerm: [UInt8] = []
                appendTerm(of: joined, stemmed: !word.hasDigits, storage: &stemStorage, to: &joinedTerm)
                return joinedTerm.elementsEqual(whole) || joinedTerm.withUnsafeBufferPointer { emit($0, word.start, word.end, true) }
            }
            // Exact forms are indexed for capitalised words (nouns and names, what queries ask for):
            // a third of the words, where all of them would make the index half as large again.
            let indexesExactForm = mode == .document && isCapitalised(text, at: word.start)
            // A word seen before: its terms from the cache (the word's term first, then its exact
            // form and its parts; an empty value where it has no exact form of its own).
            let hash = word.hasWideLetters ? 0 : latin.withUnsafeBufferPointer(ByteStringCache.hash)
            var stopped = false
            let cached = !word.hasWideLetters && latin.withUnsafeBufferPointer { key in
                cache.withValues(of: key, hash: hash) { terms in
                    var position = 0
                    stopped = !terms.forEach { term in
                        defer { position += 1 }
                        switch position {
                        case 0: return emit(term, word.start, word.end, false) && emitJoined(whole: term)
                        case 1: return term.isEmpty || !indexesExactForm || emit(term, word.start, word.end, true)
                        default: return emit(term, word.start, word.end, true)
                        }
                    }
                }
            }
            if stopped { return }
            if !cached {
                let key = latin
                makeTerm(word: word, mode: mode, latin: &latin, wide: wide, stemStorage: &stemStorage, output: &output)
                var terms = [output]
                if !output.withUnsafeBufferPointer({ emit($0, word.start, word.end, false) && emitJoined(whole: $0) }) {
                    return
                }
                if mode == .document {
                    let exact = Self.exactTerm(of: word, letters: key)
                    terms.append(exact)
                    if indexesExactForm && !exact.isEmpty && !exact.withUnsafeBufferPointer({ emit($0, word.start, word.end, true) }) {
                        return
                    }
                }
                if mode == .document && !word.hasDigits && !word.hasWideLetters
                    && latin.count >= CompoundSplitter.minimumWordLength
                {
                    for term in partTerms(of: latin, whole: output) {
                        terms.append(term)
                        if !term.withUnsafeBufferPointer({ emit($0, word.start, word.end, true) }) { return }
                    }
                }
                if !word.hasWideLetters { key.withUnsafeBufferPointer { cache.insert($0, hash: hash, values: terms) } }
            }
            latin.removeAll(keepingCapacity: true)
            if !wide.isEmpty { wide.removeAll(keepingCapacity: true) }
        }
    }

    /// The exact-form term of a scanned word with these letters: `=` and the letters with ä ö ü ß
    /// written ae oe ue ss (as a query may spell them), or empty for a number, a word beyond Latin
    /// letters, a stopword (never looked up alone) or a word too long. Also where it equals the stem:
    /// "Rat" needs =rat to rank above "Rate", whose stem is rat too.
    static func exactTerm(of word: ScannedWord, letters: [UInt8]) -> [UInt8] {
        guard !word.hasDigits, !word.hasWideLetters, letters.count <= maximumWordLength,
            !Stopwords.containsLatin1(letters)
        else { return [] }
        var form: [UInt8] = [exactMarker]
        for byte in letters {
            switch byte {
            case 0xE4: form.append(contentsOf: [UInt8(ascii: "a"), UInt8(ascii: "e")])
            case 0xF6: form.append(contentsOf: [UInt8(ascii: "o"), UInt8(ascii: "e")])
            case 0xFC: form.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "e")])
            case 0xDF: form.append(contentsOf: [UInt8(ascii: "s"), UInt8(ascii: "s")])
            case 0x80...: form.append(contentsOf: [0xC0 | (byte >> 6), 0x80 | (byte & 0x3F)])
            default: form.append(byte)
            }
        }
        return form
    }

    /// The exact-form terms of a query's words (for `exactQueryMarker`); a word without one of its
    /// own gives its ordinary term.
    private func emitExactForms(
        of text: UnsafeBufferPointer<UInt8>, offset: Int, _ emit: (UnsafeBufferPointer<UInt8>, Int, Int, Bool) -> Bool
    ) {
        var latin: [UInt8] = []
        var wide: [UInt8] = []
        var scanner = WordScanner(text: text)
        while let word = scanner.nextWord(latin: &latin, wide: &wide, keepLatin1: false) {
            var term = Self.exactTerm(of: word, letters: latin)
            if term.isEmpty {
                term = tokens(String(decoding: text[word.start..<word.end], as: UTF8.self), mode: .query).first
                    .map { Array($0.term.utf8) } ?? []
            }
            if !term.isEmpty && !term.withUnsafeBufferPointer({ emit($0, word.start + offset, word.end + offset, false) }) {
                return
            }
            latin.removeAll(keepingCapacity: true)
            wide.removeAll(keepingCapacity: true)
        }
    }

    /// The exact-form term of `word` (a query word), nil for a stopword, a number or a word beyond
    /// Latin letters: what `exactQueryMarker` looks up.
    public func exactTerm(of word: String) -> String? {
        var latin: [UInt8] = []
        var wide: [UInt8] = []
        var utf8 = Array(word.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer -> String? in
            var scanner = WordScanner(text: UnsafeBufferPointer(buffer))
            guard let scanned = scanner.nextWord(latin: &latin, wide: &wide, keepLatin1: false) else { return nil }
            let term = Self.exactTerm(of: scanned, letters: latin)
            return term.isEmpty ? nil : String(decoding: term, as: UTF8.self)
        }
    }

    /// The index terms of a compound's parts (and of their parts), without the compound's own term.
    private func partTerms(of word: [UInt8], whole: [UInt8]) -> [[UInt8]] {
        var terms: [[UInt8]] = []
        if let constituents = splitter.split(word) {
            // Parts that are compounds themselves are split too (Bund|präsidentenwahl → präsident, wahl).
            var parts: [[UInt8]] = []
            var leaves: [[UInt8]] = []
            collectParts(of: constituents, into: &parts, leaves: &leaves)
            // A word of three parts and more also holds the compounds its first and last parts make,
            // as written (Klimaschutz|abkommen, Klima|schutzabkommen; Bundespräsident|enwahl): "Klimaschutz"
            // finds "Klimaschutzabkommen" however the splitter grouped it.
            parts.append(contentsOf: innerCompounds(of: word, leaves: leaves))
            var storage = [UInt8](repeating: 0, count: Self.maximumWordLength * 2 + 2)
            for part in parts where part.count <= Self.maximumWordLength {
                var term: [UInt8] = []
                appendTerm(of: part, stemmed: true, storage: &storage, to: &term)
                guard !term.isEmpty && term != whole else { continue }
                term.insert(Self.partMarker, at: 0)
                if !terms.contains(term) { terms.append(term) }
            }
        }
        return terms
    }

    /// Every part at every depth (at most eight), and the parts split no further in the order of the word.
    private func collectParts(of constituents: [[UInt8]], into parts: inout [[UInt8]], leaves: inout [[UInt8]]) {
        for part in constituents where parts.count < 8 {
            parts.append(part)
            if let deeper = splitter.split(part) {
                collectParts(of: deeper, into: &parts, leaves: &leaves)
            } else {
                leaves.append(part)
            }
        }
    }

    /// The substrings of `word` from its start to the end of an inner leaf, and from the start of an
    /// inner leaf to its end, linking elements included; none for fewer than three leaves.
    private func innerCompounds(of word: [UInt8], leaves: [[UInt8]]) -> [[UInt8]] {
        guard leaves.count >= 3 else { return [] }
        // Each leaf is written in the word as it stands, after the previous one and its linking element.
        var ranges: [Range<Int>] = []
        var from = 0
        for leaf in leaves {
            guard let start = (from...max(from, word.count - leaf.count)).first(where: {
                $0 + leaf.count <= word.count && word[$0..<($0 + leaf.count)].elementsEqual(leaf)
            }) else { return [] }
            ranges.append(start..<(start + leaf.count))
            from = start + leaf.count
        }
        let inner = ranges.dropFirst().dropLast()
        return inner.map { Array(word[..<$0.upperBound]) } + inner.map { Array(word[$0.lowerBound...]) }
    }

    /// The tokens of `text` (a convenience for tests, `analyze` and query building).
    public func tokens(_ text: String, mode: AnalysisMode = .document) -> [Token] {
        var result: [Token] = []
        var utf8 = Array(text.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            analyze(UnsafeBufferPointer(buffer), mode: mode) { term, start, end, colocated in
                result.append(
                    Token(term: String(decoding: term, as: UTF8.self), start: start, end: end,
                        isColocated: colocated))
                return true
            }
        }
        return result
    }

    private func makeTerm(
        word: ScannedWord, mode: AnalysisMode, latin: inout [UInt8], wide: [UInt8], stemStorage: inout [UInt8],
        output: inout [UInt8]
    ) {
        output.removeAll(keepingCapacity: true)
        if word.hasWideLetters {
            output.append(contentsOf: wide.prefix(Self.maximumWordLength * 4))
            return
        }
        let stems = mode != .queryPrefix && mode != .foldOnly && !word.hasDigits
            && latin.count <= Self.maximumWordLength
        if stems {
            appendTerm(of: latin, stemmed: true, storage: &stemStorage, to: &output)
            return
        }
        if mode != .stemOnly { foldGermanLetters(&latin) }
        latin.withUnsafeBufferPointer { appendLatin1(UnsafeBufferPointer(rebasing: $0.prefix(Self.maximumWordLength)), to: &output) }
    }

    /// Appends the term for `letters` (Latin-1, at most `maximumWordLength`), stemmed or not, as UTF-8.
    /// `storage` holds twice the word for the stemmer, which can lengthen ß to ss.
    private func appendTerm(of letters: [UInt8], stemmed: Bool, storage: inout [UInt8], to output: inout [UInt8]) {
        storage.withUnsafeMutableBufferPointer { buffer in
            var w = Word(buffer.baseAddress!, count: 0)
            for byte in letters { w.append(byte) }
            if stemmed { stemmer.stem(&w) }
            appendLatin1(UnsafeBufferPointer(start: w.bytes, count: w.count), to: &output)
        }
    }

    /// What the stemmer would fold in an unstemmed word: ä ö ü → a o u, ß → ss, ae/oe/ue read as umlauts.
    private func foldGermanLetters(_ w: inout [UInt8]) {
        var folded: [UInt8] = []
        folded.reserveCapacity(w.count + 2)
        var i = 0
        while i < w.count {
            let c = w[i]
            switch c {
            case 0xE4: folded.append(UInt8(ascii: "a"))
            case 0xF6: folded.append(UInt8(ascii: "o"))
            case 0xFC: folded.append(UInt8(ascii: "u"))
            case 0xDF: folded.append(contentsOf: [UInt8(ascii: "s"), UInt8(ascii: "s")])
            case UInt8(ascii: "a"), UInt8(ascii: "o"), UInt8(ascii: "u"):
                folded.append(c)
                // Snowball keeps "qu" and a u after a vowel ("Mauer") as they are.
                let keepsU = c == UInt8(ascii: "u") && i > 0
                    && (w[i - 1] == UInt8(ascii: "q") || isPlainVowel(w[i - 1]))
                if i + 1 < w.count && w[i + 1] == UInt8(ascii: "e") && !keepsU {
                    i += 1  // the e of a transliterated umlaut
                }
            default: folded.append(c)
            }
            i += 1
        }
        w = folded
    }
}

/// True when the word at `start` begins with a capital: A–Z or a Latin-1 capital (Ä Ö Ü É …).
@inline(__always) private func isCapitalised(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
    let first = text[start]
    if first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z") { return true }
    guard first == 0xC3, start + 1 < text.count else { return false }
    let second = text[start + 1]
    return second >= 0x80 && second <= 0x9E && second != 0x97
}

@inline(__always) private func isPlainVowel(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"),
        UInt8(ascii: "u"), UInt8(ascii: "y"):
        return true
    default: return false
    }
}

/// Appends Latin-1 bytes as UTF-8.
@inline(__always) private func appendLatin1(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    for byte in bytes {
        if byte < 0x80 {
            output.append(byte)
        } else {
            output.append(0xC0 | (byte >> 6))
            output.append(0x80 | (byte & 0x3F))
        }
    }
}
