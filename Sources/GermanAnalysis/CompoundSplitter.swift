/// Splits German compounds into their parts: "Kampfdrohnen" → kampf + drohnen,
/// "Bundespräsidentenwahl" → bundes… → bund + präsident + wahl.
///
/// Every part must be a word of the `CompoundLexicon` (compared by Snowball stem, so inflected and
/// umlauted forms count), the last part a noun; a modifier may carry a linking element (-s-, -es-,
/// -n-, -en-, -er-, -e-, -ens-, -nen-) or have lost an -e (Schul-bus) or be a verb stem (Schreib-tisch).
/// Splits are scored by the parts' mean frequency (Koehn & Knight's geometric mean), plus a bonus
/// for a longer head, which takes the right reading of ambiguous words (Stau+becken, not Staub+ecken;
/// Druck+erzeugnis, not Drucker+zeugnis). A word more frequent than its parts is left whole.
public final class CompoundSplitter {
    /// A part of a compound: the letters as written, without a linking element.
    public typealias Part = [UInt8]

    /// The loaded lexicon, or nil to look stems up in the sorted data (no loading; for a few words).
    private let loaded: CompoundLexicon?
    private let stemmer = GermanStemmer()
    private var cache: [WordKey: [Part]] = [:]

    /// Words shorter than this are never split.
    static let minimumWordLength = 6
    /// Parts shorter than this must be listed short words (Ur, Öl, Ei).
    static let minimumPartLength = 3
    /// Bonus per letter of the head (frequency units × 10).
    static let headLengthBonus = 15
    /// Endings after which a linking -s- is expected.
    private static let sSuffixes: [[UInt8]] = ["ung", "heit", "keit", "schaft", "ion", "tät", "ling", "tum", "arbeit", "sicht"].map {
        $0.unicodeScalars.map { UInt8($0.value) }
    }
    /// Preference for an expected linking -s-.
    static let expectedLinkBonus = 4
    /// Preference for a modifier read as its base form.
    static let baseFormBonus = 10
    /// Penalty per part beyond two.
    static let extraPartPenalty = 20
    /// How much less frequent than the whole word the parts may be and still split it.
    static let wholeWordMargin = 5
    /// An unknown head must have at least this many letters,
    static let unknownHeadMinimumLength = 5
    /// and its modifier at least this frequency.
    static let unknownHeadModifierFrequency = 35
    /// Linking elements, and what each costs.
    private static let links: [(letters: [UInt8], penalty: Int)] = [
        (Array("s".utf8), 2), (Array("es".utf8), 4), (Array("n".utf8), 3), (Array("en".utf8), 3),
        (Array("er".utf8), 6), (Array("e".utf8), 5), (Array("ens".utf8), 6), (Array("nen".utf8), 8),
    ]

    /// Creates a splitter over this version's lexicon. `forFewWords` skips loading the lexicon (about
    /// 40 ms) and looks each stem up in the sorted data: right for a query, slow for an archive.
    public init(forFewWords: Bool = false) { loaded = forFewWords ? nil : CompoundLexicon.shared }

    private func entry(_ stem: [UInt8]) -> CompoundLexicon.Entry? {
        if let loaded { return loaded.entry(stem) }
        return CompoundLexicon.sortedEntry(stem)
    }

    /// The parts of `word` (lower-case, one Latin-1 byte per character), or nil when it is no compound.
    public func split(_ word: [UInt8]) -> [Part]? {
        guard word.count >= Self.minimumWordLength, word.count <= 60 else { return nil }
        let key = WordKey(word)
        if let cached = cache[key] { return cached.isEmpty ? nil : cached }
        let parts = analyse(word)
        if cache.count > 100_000 { cache.removeAll(keepingCapacity: true) }
        cache[key] = parts ?? []
        return parts
    }

    /// The parts of a `String` word, lower-cased (a convenience for `analyze --split` and tests).
    public func split(_ word: String) -> [String]? {
        guard let bytes = Latin1.bytes(word.lowercased()) else { return nil }
        return split(bytes)?.map(Latin1.string)
    }

    private struct Analysis {
        var parts: [Part]
        /// Sum of the parts' frequencies minus link penalties.
        var frequency: Int
    }

    /// A substring's stem and its lexicon entry.
    private typealias Lookup = (key: [UInt8], entry: CompoundLexicon.Entry)

    private func analyse(_ word: [UInt8]) -> [Part]? {
        var memo: [Int: Analysis?] = [:]
        // Stems of the word's substrings, looked up once each: a split tries many of them.
        var lookups: [Int: Lookup?] = [:]
        func lookup(_ start: Int, _ end: Int) -> Lookup? {
            let slot = start &* 256 &+ end
            if let known = lookups[slot] { return known }
            let key = stem(Array(word[start..<end]))
            let found = entry(key).map { (key, $0) }
            lookups[slot] = found
            return found
        }
        // best(i): the best analysis of word[i...] as modifiers followed by a noun head.
        func best(_ start: Int) -> Analysis? {
            if let known = memo[start] { return known }
            var result: Analysis?
            var resultScore = Int.min
            func consider(_ candidate: Analysis) {
                let score = self.score(candidate)
                if score > resultScore {
                    result = candidate
                    resultScore = score
                }
            }
            let rest = Array(word[start...])
            if let head = lookup(start, word.count)?.entry, head.isNoun,
                rest.count >= Self.minimumPartLength || isShortWord(rest)
            {
                // A known noun is the head as it stands ("Latex|spielzeug", not "Latex|spiel|zeug"):
                // the split is into immediate constituents.
                if start > 0 {
                    memo[start] = Analysis(parts: [rest], frequency: head.frequency)
                    return memo[start]!
                }
                consider(Analysis(parts: [rest], frequency: head.frequency))
            }
            var end = start + 2
            while end <= word.count - Self.minimumPartLength {
                // The tail first: most suffixes of a word are no head, and then the modifier needs no look-up.
                if let tail = best(end), let modifier = modifier(word, start, end, lookup) {
                    consider(Analysis(parts: [modifier.part] + tail.parts, frequency: modifier.frequency + tail.frequency))
                }
                end += 1
            }
            memo[start] = result
            return result
        }
        let whole = lookup(0, word.count)?.entry
        guard let analysis = best(0), analysis.parts.count >= 2 else {
            return whole == nil ? unknownHeadSplit(word, lookup) : nil
        }
        // Koehn & Knight: keep a word whole when it is more frequent than its parts.
        if let whole {
            let mean = analysis.frequency / analysis.parts.count
            if mean + Self.wholeWordMargin < whole.frequency { return nil }
        }
        return analysis.parts
    }

    /// A rare compound whose head the lexicon lacks ("Abschluss|kommuniqué"): a frequent noun as modifier
    /// and a long unknown rest. Only for words the lexicon does not know as a whole, so a known word is
    /// never cut this way.
    private func unknownHeadSplit(_ word: [UInt8], _ lookup: (Int, Int) -> Lookup?) -> [Part]? {
        var best: (modifier: Part, head: Part, rank: Int)?
        var end = 4
        while end <= word.count - Self.unknownHeadMinimumLength {
            let letters = Array(word[..<end])
            let rest = Array(word[end...])
            // A modifier is always a prefix of the word (its linking element cut off), so its stem
            // is one of the looked-up substrings too.
            if lookup(end, word.count) == nil, let modifier = modifier(word, 0, end, lookup),
                modifier.frequency >= Self.unknownHeadModifierFrequency,
                lookup(0, modifier.part.count)?.entry.isNoun == true
            {
                // The longest modifier wins, one written without a linking element first.
                let rank = (modifier.part == letters ? 1000 : 0) + modifier.part.count
                if best == nil || rank > best!.rank { best = (modifier.part, rest, rank) }
            }
            end += 1
        }
        return best.map { [$0.modifier, $0.head] }
    }

    private func score(_ analysis: Analysis) -> Int {
        let count = analysis.parts.count
        let head = analysis.parts.last?.count ?? 0
        return analysis.frequency / count + Self.headLengthBonus * head / 10 - Self.extraPartPenalty * max(0, count - 2)
    }

    /// A modifier `word[start..<end]`: the part as written (linking element removed) and its frequency
    /// minus the link's cost.
    private func modifier(
        _ word: [UInt8], _ start: Int, _ end: Int,
        _ lookup: (Int, Int) -> Lookup?
    ) -> (part: Part, frequency: Int)? {
        let letters = Array(word[start..<end])
        var best: (Part, Int)?
        func offer(_ part: Part, _ found: Lookup?, penalty: Int) {
            guard part.count >= Self.minimumPartLength || isShortWord(part), let found else { return }
            // The base form (Drohne in Drohnen|hersteller, Bund in Bundes|tag) is what a reader calls the part.
            let isBaseForm = folded(part) == found.key + found.entry.ending
            let value = found.entry.frequency - penalty + (isBaseForm ? Self.baseFormBonus : 0)
            if best == nil || value > best!.1 { best = (part, value) }
        }
        offer(letters, lookup(start, end), penalty: 0)
        for link in Self.links where letters.count > link.letters.count && letters.suffix(link.letters.count).elementsEqual(link.letters) {
            let base = Array(letters.dropLast(link.letters.count))
            // After -ung, -heit, -keit, -schaft, -ion, -tät, -ling, -tum, -arbeit the -s- is the rule.
            let expected = link.letters == [UInt8(ascii: "s")] && Self.sSuffixes.contains { base.count >= $0.count && base.suffix($0.count).elementsEqual($0) }
            offer(base, lookup(start, end - link.letters.count), penalty: expected ? -Self.expectedLinkBonus : link.penalty)
        }
        func external(_ suffix: [UInt8]) -> Lookup? {
            let key = stem(letters + suffix)
            return entry(key).map { (key, $0) }
        }
        offer(letters, external([UInt8(ascii: "e")]), penalty: 6)  // Schul-bus ← Schule
        offer(letters, external(Array("en".utf8)), penalty: 8)  // Schreib-tisch ← schreiben
        return best
    }

    /// ä ö ü → a o u, ß → ss: how stems and base-form endings are written.
    private func folded(_ letters: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(letters.count + 1)
        for byte in letters {
            switch byte {
            case 0xE4: result.append(UInt8(ascii: "a"))
            case 0xF6: result.append(UInt8(ascii: "o"))
            case 0xFC: result.append(UInt8(ascii: "u"))
            case 0xDF: result.append(contentsOf: [UInt8(ascii: "s"), UInt8(ascii: "s")])
            default: result.append(byte)
            }
        }
        return result
    }

    private func isShortWord(_ letters: [UInt8]) -> Bool {
        letters.count >= 2 && entry(letters)?.isNoun == true && letters.count < Self.minimumPartLength
    }

    private var stemBuffer = [UInt8](repeating: 0, count: 2 * 64 + 2)

    private func stem(_ letters: [UInt8]) -> [UInt8] {
        guard letters.count <= 64 else { return letters }
        return stemBuffer.withUnsafeMutableBufferPointer { storage in
            var w = Word(storage.baseAddress!, count: 0)
            for byte in letters { w.append(byte) }
            stemmer.stem(&w)
            return Array(UnsafeBufferPointer(start: w.bytes, count: w.count))
        }
    }
}

/// A word as a dictionary key: hashed once with FNV-1a, compared byte by byte (exact, so a cached
/// split never depends on which other words were seen).
struct WordKey: Hashable {
    let bytes: [UInt8]
    let hash: UInt64

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        hash = CompoundLexicon.key(bytes)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }
    static func == (a: WordKey, b: WordKey) -> Bool { a.hash == b.hash && a.bytes == b.bytes }
}
