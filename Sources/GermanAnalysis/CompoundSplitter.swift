import Synchronization

/// Splits German compounds into their parts: "Kampfdrohnen" → kampf + drohnen,
/// "Bundespräsidentenwahl" → bundes… → bund + präsident + wahl.
///
/// Every part must be a word of the `CompoundLexicon` (compared by Snowball stem, so inflected and
/// umlauted forms count), the last part a noun; a modifier may carry a linking element (-s-, -es-,
/// -n-, -en-, -er-, -e-, -ens-, -nen-) or have lost an -e (Schul-bus) or be a verb stem (Schreib-tisch).
/// Splits are scored by the parts' mean frequency (Koehn & Knight's geometric mean), plus a bonus
/// for a longer head, which takes the right reading of ambiguous words (Stau+becken, not Staub+ecken;
/// Druck+erzeugnis, not Drucker+zeugnis). A word more frequent than its parts is left whole.
///
/// A splitter reuses its working arrays from word to word: use one per thread.
public final class CompoundSplitter {
    /// A part of a compound: the letters as written, without a linking element.
    public typealias Part = [UInt8]

    /// The loaded lexicon, or nil to look stems up in the sorted data (no loading; for a few words).
    private let loaded: CompoundLexicon?
    private let stemmer = GermanStemmer()
    /// The arrays of the last word's analysis, reused for the next, so that a word's analysis
    /// allocates nothing (it made six arrays per word).
    private var buffers = WordAnalysis.Buffers()
    /// Each word's parts (none when it is no compound), shared by every splitter of the process: the
    /// analyzers of ingestion's threads meet mostly the same words, and each would split them again.
    /// A split depends on the word and this version's lexicon alone, so sharing changes no result.
    private static let cache = Mutex(ByteStringCache(maximumEntries: 200_000))

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
    /// How much less a part shorter than `transparentPartLength` letters counts in that comparison:
    /// as a word of its own a short part is frequent for other reasons (ur, an, ab), so a common
    /// word like Ursache or Urteil would come out as ur|sache, ur|teil.
    static let shortPartPenalty = 25
    /// An unknown head must have at least this many letters,
    static let unknownHeadMinimumLength = 5
    /// and its modifier at least this frequency.
    static let unknownHeadModifierFrequency = 35

    /// Consonant pairs that begin German words (and the loanwords of news text).
    static let wordOpenings: Set<UInt16> = Set(
        ["bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gn", "gr", "kl", "kn", "kr", "kw", "pf", "ph",
         "pl", "pr", "ps", "qu", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "st", "sw", "sz", "th", "tr", "ts", "tw",
         "vl", "wr", "zw"].map { pair in
            let bytes = Array(pair.utf8)
            return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
        })
    /// Linking elements, and what each costs.
    private static let links: [(letters: [UInt8], penalty: Int)] = [
        (Array("s".utf8), 2), (Array("es".utf8), 4), (Array("n".utf8), 3), (Array("en".utf8), 3),
        (Array("er".utf8), 6), (Array("e".utf8), 5), (Array("ens".utf8), 6), (Array("nen".utf8), 8),
    ]

    /// Creates a splitter over this version's lexicon. `forFewWords` skips loading the lexicon (about
    /// 40 ms) and looks each stem up in the sorted data: right for a query, slow for an archive.
    public init(forFewWords: Bool = false) { loaded = forFewWords ? nil : CompoundLexicon.shared }

    /// The parts of `word` (lower-case, one Latin-1 byte per character), or nil when it is no compound.
    public func split(_ word: [UInt8]) -> [Part]? {
        guard word.count >= Self.minimumWordLength, word.count <= Self.maximumWordLength else { return nil }
        let hash = word.withUnsafeBufferPointer(ByteStringCache.hash)
        var cached: [Part] = []
        let known = word.withUnsafeBufferPointer { key in
            Self.cache.withLock { cache in
                cache.withValues(of: key, hash: hash) { values in
                    _ = values.forEach { part in
                        cached.append(Array(part))
                        return true
                    }
                }
            }
        }
        if known { return cached.isEmpty ? nil : cached }
        var analysis = WordAnalysis(word: word, lexicon: loaded, stemmer: stemmer, buffers: &buffers)
        let parts = analysis.parts()
        analysis.giveBack(&buffers)
        word.withUnsafeBufferPointer { key in Self.cache.withLock { $0.insert(key, hash: hash, values: parts ?? []) } }
        return parts
    }

    /// Forgets every split the process has cached, so that the next words are split anew (for
    /// benchmarks of a cold start; results never depend on the cache).
    public static func forgetCachedSplits() {
        cache.withLock { $0.removeAll() }
    }

    /// The parts of a `String` word, lower-cased (a convenience for `analyze --split` and tests).
    public func split(_ word: String) -> [String]? {
        guard let bytes = Latin1.bytes(word.lowercased()) else { return nil }
        return split(bytes)?.map(Latin1.string)
    }

    /// Longer words are never split.
    static let maximumWordLength = 60
    /// Linking elements, and what each costs.
    fileprivate static let linkList = links
    fileprivate static let sSuffixList = sSuffixes
}

/// The splitting of one word: dynamic programming over its split points, with every substring's
/// stem and lexicon entry looked up at most once, in flat tables (no dictionary, no array per
/// substring: a word tries hundreds of substrings).
private struct WordAnalysis {
    let word: [UInt8]
    let n: Int
    let lexicon: CompoundLexicon?
    let stemmer: GermanStemmer

    /// What a substring is looked up as: itself, or with an -e or -en added (Schul-bus ← Schule,
    /// Schreib-tisch ← schreiben).
    enum Form: Int { case plain = 0, withE = 1, withEn = 2 }

    /// A looked-up stem: its bytes in `stems` and its entry.
    struct Found {
        var stemStart: Int
        var stemEnd: Int
        var entry: CompoundLexicon.Entry
    }

    /// Per substring and form: 0 not looked up yet, 1 not in the lexicon, k ≥ 2 found (`found[k - 2]`).
    private var lookupState: [UInt16] = []
    private var found: [Found] = []
    /// The stems of all looked-up substrings, back to back.
    private var stems: [UInt8] = []
    private var stemBuffer: [UInt8] = []

    /// The best analysis of `word[start...]`: state per start (0 open, 1 none, 2 `best`).
    private var bestState: [UInt8] = []
    private var best: [Analysis] = []
    /// The best analysis of the whole word into two or more parts (the word itself aside).
    private var bestSplit: Analysis?
    private var bestSplitScore = Int.min

    /// Modifiers and heads of a compound a reader sees through have at least this many letters
    static let transparentPartLength = 4
    /// and are common words (Zipf frequency × 10: once in a million words and more).
    static let transparentPartFrequency = 30

    /// An analysis of `word[start...]` as modifiers followed by a noun head, as a chain: its first
    /// part and where the rest's analysis starts.
    struct Analysis {
        /// Sum of the parts' frequencies minus link penalties.
        var frequency: Int
        var partCount: Int
        var headLength: Int
        /// The first part is `word[start..<partEnd]` (a linking element cut off).
        var start: Int
        var partEnd: Int
        /// Where the analysis of the other parts starts, or -1 when the first part is the head.
        var next: Int
    }

    /// The arrays an analysis works in, kept between words (`giveBack`).
    struct Buffers {
        var lookupState: [UInt16] = []
        var found: [Found] = []
        var stems: [UInt8] = []
        var stemBuffer: [UInt8] = []
        var bestState: [UInt8] = []
        var best: [Analysis] = []
    }

    init(word: [UInt8], lexicon: CompoundLexicon?, stemmer: GermanStemmer, buffers: inout Buffers) {
        self.word = word
        n = word.count
        self.lexicon = lexicon
        self.stemmer = stemmer
        exchange(&buffers)
        lookupState.reset(to: 0, count: (n + 1) * (n + 1) * 3)
        found.removeAll(keepingCapacity: true)
        stems.removeAll(keepingCapacity: true)
        stemBuffer.reset(to: 0, count: 2 * (CompoundSplitter.maximumWordLength + 2) + 2)
        bestState.reset(to: 0, count: n + 1)
        best.reset(to: Analysis(frequency: 0, partCount: 0, headLength: 0, start: 0, partEnd: 0, next: -1), count: n + 1)
    }

    /// Hands the arrays back for the next word.
    mutating func giveBack(_ buffers: inout Buffers) { exchange(&buffers) }

    /// Swaps the analysis's arrays with `buffers`'.
    private mutating func exchange(_ buffers: inout Buffers) {
        swap(&lookupState, &buffers.lookupState)
        swap(&found, &buffers.found)
        swap(&stems, &buffers.stems)
        swap(&stemBuffer, &buffers.stemBuffer)
        swap(&bestState, &buffers.bestState)
        swap(&best, &buffers.best)
    }

    /// The parts of the word, or nil when it is no compound.
    mutating func parts() -> [CompoundSplitter.Part]? {
        let whole = lookup(.plain, 0, n)?.entry
        guard var analysis = bestAnalysis(from: 0) else { return whole == nil ? unknownHeadSplit() : nil }
        // A known word usually outscores its split (Verantwortung is no ver|antwortung), but one made
        // of nouns of four letters or more is a compound a reader sees through (Haupt|stadt,
        // Bundes|regierung, Regierungs|chef): "Stadt" should find it.
        if analysis.partCount < 2, let split = bestSplit, isTransparent(split) { analysis = split }
        guard analysis.partCount >= 2, !isInflectionOfFirstPart(analysis) else {
            return whole == nil ? unknownHeadSplit() : nil
        }
        var result: [CompoundSplitter.Part] = []
        var frequencies = 0
        var current: Analysis? = analysis
        while let part = current {
            result.append(Array(word[part.start..<part.partEnd]))
            // Koehn & Knight compare the parts' own frequencies, without the scoring's bonuses; a
            // short part counts less (as a word of its own it is frequent for other reasons: ur, all).
            frequencies += partFrequency(part.start, part.partEnd, isHead: part.next < 0)
            if part.partEnd - part.start < Self.transparentPartLength { frequencies -= CompoundSplitter.shortPartPenalty }
            current = part.next >= 0 && bestState[part.next] == 2 ? best[part.next] : nil
        }
        // Keep a known word whole when it is more frequent than its parts (Ursache, Urteil, Tatsache).
        if let whole, frequencies / analysis.partCount + CompoundSplitter.wholeWordMargin < whole.frequency { return nil }
        return result
    }

    /// A word whose stem is its first part's is that part inflected (Bürgerinnen: bürg|erinnen).
    private mutating func isInflectionOfFirstPart(_ analysis: Analysis) -> Bool {
        guard let whole = lookup(.plain, 0, n), let first = lookup(.plain, analysis.start, analysis.partEnd) else {
            return false
        }
        return stems[whole.stemStart..<whole.stemEnd].elementsEqual(stems[first.stemStart..<first.stemEnd])
    }

    /// The lexicon frequency of the part `word[start..<end]`: the head as it stands, a modifier also
    /// read with -e or -en added (Schul- ← Schule), as `modifier` may have read it.
    private mutating func partFrequency(_ start: Int, _ end: Int, isHead: Bool) -> Int {
        let plain = lookup(.plain, start, end)?.entry.frequency ?? 0
        if isHead { return plain }
        return max(plain, lookup(.withE, start, end)?.entry.frequency ?? 0, lookup(.withEn, start, end)?.entry.frequency ?? 0)
    }

    // MARK: - Look-ups

    /// The stem of `word[start..<end]` (with the form's letters added) and its lexicon entry.
    private mutating func lookup(_ form: Form, _ start: Int, _ end: Int) -> Found? {
        let slot = ((start * (n + 1)) + end) * 3 + form.rawValue
        switch lookupState[slot] {
        case 0: break
        case 1: return nil
        case let index: return found[Int(index) - 2]
        }
        // Snowball keeps a word's first three letters (its R1 starts at the third letter at the
        // earliest), and its prelude and postlude leave plain letters as they are, so a substring
        // of three or more that opens with three of a–z, the second and third no "e" (ae, oe and ue
        // become ä, ö, ü), has a stem that opens with them: when no stem opens so, no look-up.
        if let lexicon, end - start >= 3 {
            let (a, b, c) = (word[start], word[start + 1], word[start + 2])
            if b != UInt8(ascii: "e") && c != UInt8(ascii: "e") && !lexicon.hasStem(opening: a, b, c) {
                lookupState[slot] = 1
                return nil
            }
        }
        // The substring (and the form's letters) into the stem buffer, stemmed in place.
        // Only a stem the lexicon knows is kept (in `stems`): most are not.
        let length = end - start + (form == .plain ? 0 : form == .withE ? 1 : 2)
        let stemLength = stemBuffer.withUnsafeMutableBufferPointer { storage in
            var w = Word(storage.baseAddress!, count: 0)
            for position in start..<end { w.append(word[position]) }
            if form != .plain { w.append(UInt8(ascii: "e")) }
            if form == .withEn { w.append(UInt8(ascii: "n")) }
            if length <= 64 { stemmer.stem(&w) }
            return w.count
        }
        guard let lexiconEntry = stemBuffer.withUnsafeBufferPointer({ entry(UnsafeBufferPointer(rebasing: $0[..<stemLength])) })
        else {
            lookupState[slot] = 1
            return nil
        }
        let stemStart = stems.count
        stems.append(contentsOf: stemBuffer[..<stemLength])
        let result = Found(stemStart: stemStart, stemEnd: stems.count, entry: lexiconEntry)
        found.append(result)
        lookupState[slot] = UInt16(found.count + 1)
        return result
    }

    private func entry(_ stem: UnsafeBufferPointer<UInt8>) -> CompoundLexicon.Entry? {
        if let lexicon { return lexicon.entry(hash: CompoundLexicon.key(stem)) }
        return CompoundLexicon.sortedEntry(Array(stem))
    }

    /// A part shorter than the minimum that the lexicon lists as a noun as written (Ur, Öl, Ei).
    private func isShortWord(_ start: Int, _ end: Int) -> Bool {
        end - start >= 2 && end - start < CompoundSplitter.minimumPartLength
            && word.withUnsafeBufferPointer { entry(UnsafeBufferPointer(rebasing: $0[start..<end])) }?.isNoun == true
    }

    // MARK: - Splitting

    private func score(_ analysis: Analysis) -> Int {
        analysis.frequency / analysis.partCount + CompoundSplitter.headLengthBonus * analysis.headLength / 10
            - CompoundSplitter.extraPartPenalty * max(0, analysis.partCount - 2)
    }

    /// The best analysis of `word[start...]` as modifiers followed by a noun head.
    private mutating func bestAnalysis(from start: Int) -> Analysis? {
        switch bestState[start] {
        case 1: return nil
        case 2: return best[start]
        default: break
        }
        var result: Analysis?
        var resultScore = Int.min
        func consider(_ candidate: Analysis) {
            let score = self.score(candidate)
            if score > resultScore {
                result = candidate
                resultScore = score
            }
            if start == 0 && candidate.partCount >= 2 && score > bestSplitScore {
                bestSplit = candidate
                bestSplitScore = score
            }
        }
        if let head = lookup(.plain, start, n)?.entry, head.isNoun,
            n - start >= CompoundSplitter.minimumPartLength || isShortWord(start, n)
        {
            let analysis = Analysis(frequency: head.frequency, partCount: 1, headLength: n - start, start: start, partEnd: n, next: -1)
            // A known noun is the head as it stands ("Latex|spielzeug", not "Latex|spiel|zeug"):
            // the split is into immediate constituents.
            if start > 0 { return remember(analysis, from: start) }
            consider(analysis)
        }
        var end = start + 2
        while end <= n - CompoundSplitter.minimumPartLength {
            // The tail first: most suffixes of a word are no head, and then the modifier needs no look-up.
            if let tail = bestAnalysis(from: end), let modifier = modifier(start, end) {
                consider(
                    Analysis(
                        frequency: modifier.frequency + tail.frequency, partCount: tail.partCount + 1,
                        headLength: tail.headLength, start: start, partEnd: modifier.partEnd, next: end))
            }
            end += 1
        }
        return remember(result, from: start)
    }

    /// True when every part of `analysis` is a common noun of at least `transparentPartLength` letters
    /// (Haupt|stadt, Bund(es)|regierung; not Bürg|erinnen).
    private mutating func isTransparent(_ analysis: Analysis) -> Bool {
        var current: Analysis? = analysis
        while let part = current {
            guard part.partEnd - part.start >= Self.transparentPartLength,
                let found = lookup(.plain, part.start, part.partEnd), found.entry.isNoun,
                found.entry.frequency >= Self.transparentPartFrequency
            else { return false }
            current = part.next >= 0 && bestState[part.next] == 2 ? best[part.next] : nil
        }
        return true
    }

    private mutating func remember(_ analysis: Analysis?, from start: Int) -> Analysis? {
        if let analysis {
            bestState[start] = 2
            best[start] = analysis
        } else {
            bestState[start] = 1
        }
        return analysis
    }

    /// A modifier `word[start..<end]`: where the part as written ends (a linking element cut off) and
    /// its frequency minus the link's cost.
    private mutating func modifier(_ start: Int, _ end: Int) -> (partEnd: Int, frequency: Int)? {
        var best: (partEnd: Int, value: Int)?
        func offer(_ partEnd: Int, _ found: Found?, penalty: Int) {
            guard let found else { return }
            // A modifier whose own base form runs on past it into the next part is a cut word
            // (italie|nische: the base form is Italien).
            if (1...3).contains(where: { partEnd + $0 > end && partEnd + $0 <= n && isBaseForm(start, partEnd + $0, found) }) {
                return
            }
            // The base form (Drohne in Drohnen|hersteller, Bund in Bundes|tag) is what a reader calls the part.
            let value = found.entry.frequency - penalty
                + (isBaseForm(start, partEnd, found) ? CompoundSplitter.baseFormBonus : 0)
            if best == nil || value > best!.value { best = (partEnd, value) }
        }
        func allowed(_ partEnd: Int) -> Bool {
            partEnd - start >= CompoundSplitter.minimumPartLength || isShortWord(start, partEnd)
        }
        if allowed(end) { offer(end, lookup(.plain, start, end), penalty: 0) }
        for link in CompoundSplitter.linkList where end - start > link.letters.count && hasSuffix(link.letters, endingAt: end) {
            let baseEnd = end - link.letters.count
            guard allowed(baseEnd) else { continue }
            // After -ung, -heit, -keit, -schaft, -ion, -tät, -ling, -tum, -arbeit the -s- is the rule.
            let expected = link.letters == [UInt8(ascii: "s")]
                && CompoundSplitter.sSuffixList.contains { baseEnd - start >= $0.count && hasSuffix($0, endingAt: baseEnd) }
            offer(baseEnd, lookup(.plain, start, baseEnd), penalty: expected ? -CompoundSplitter.expectedLinkBonus : link.penalty)
        }
        if allowed(end) {
            offer(end, lookup(.withE, start, end), penalty: 6)  // Schul-bus ← Schule
            offer(end, lookup(.withEn, start, end), penalty: 8)  // Schreib-tisch ← schreiben
        }
        return best.map { ($0.partEnd, $0.value) }
    }

    private func hasSuffix(_ suffix: [UInt8], endingAt end: Int) -> Bool {
        guard end >= suffix.count else { return false }
        for k in 0..<suffix.count where word[end - suffix.count + k] != suffix[k] { return false }
        return true
    }

    /// True when `word[start..<end]`, with ä ö ü → a o u and ß → ss, is the stem followed by the
    /// entry's ending: the part stands in its base form.
    private func isBaseForm(_ start: Int, _ end: Int, _ found: Found) -> Bool {
        CompoundLexicon.endingBytes(found.entry) { ending in
            var expected = 0
            let stemLength = found.stemEnd - found.stemStart
            let total = stemLength + ending.count
            func matches(_ byte: UInt8) -> Bool {
                guard expected < total else { return false }
                let want = expected < stemLength ? stems[found.stemStart + expected] : ending[expected - stemLength]
                expected += 1
                return want == byte
            }
            for position in start..<end {
                let byte = word[position]
                switch byte {
                case 0xE4: if !matches(UInt8(ascii: "a")) { return false }
                case 0xF6: if !matches(UInt8(ascii: "o")) { return false }
                case 0xFC: if !matches(UInt8(ascii: "u")) { return false }
                case 0xDF: if !matches(UInt8(ascii: "s")) || !matches(UInt8(ascii: "s")) { return false }
                default: if !matches(byte) { return false }
                }
            }
            return expected == total
        }
    }

    /// A rare compound whose head the lexicon lacks or knows only as no noun ("Abschluss|kommuniqué",
    /// "Spenden|finanziert"): a frequent noun as modifier and a long rest. Only for words the lexicon
    /// does not know as a whole, so a known word is never cut this way.
    private mutating func unknownHeadSplit() -> [CompoundSplitter.Part]? {
        var best: (partEnd: Int, headStart: Int, rank: Int)?
        var end = 4
        while end <= n - CompoundSplitter.unknownHeadMinimumLength {
            // A modifier is always a prefix of the word (its linking element cut off), so its stem
            // is one of the looked-up substrings too.
            // The head starts as a German word can (not nverbauung, not the adjective ending of
            // italien|ische); it may be a known word that is no noun (Spenden|finanziert).
            if let modifier = modifier(0, end),
                modifier.frequency >= CompoundSplitter.unknownHeadModifierFrequency,
                lookup(.plain, 0, modifier.partEnd)?.entry.isNoun == true, canStartWord(at: end)
            {
                // The longest modifier wins (Verwaltung-s-|rechtler, not Verwalt|ungsrechtler), of two
                // alike the one written without a linking element.
                let rank = 2 * modifier.partEnd + (modifier.partEnd == end ? 1 : 0)
                if best == nil || rank > best!.rank { best = (modifier.partEnd, end, rank) }
            }
            end += 1
        }
        return best.map { [Array(word[..<$0.partEnd]), Array(word[$0.headStart...])] }
    }

    /// True when `word[start...]` opens as a German word can: a vowel, a consonant before a vowel or
    /// one of the consonant pairs words begin with (Br-, Sch-, Str- …), and not with -isch, the
    /// adjective ending (italien|ische).
    private func canStartWord(at start: Int) -> Bool {
        guard start + 1 < n else { return false }
        func isVowel(_ byte: UInt8) -> Bool { "aeiouy".utf8.contains(byte) || byte >= 0xC0 }
        let first = word[start]
        let second = word[start + 1]
        if first == UInt8(ascii: "i"), start + 3 < n, word[(start + 1)...(start + 3)].elementsEqual("sch".utf8) {
            return false
        }
        if isVowel(first) || isVowel(second) { return true }
        return CompoundSplitter.wordOpenings.contains(UInt16(first) << 8 | UInt16(second))
    }
}

extension Array {
    /// Makes the array `count` copies of `value`, keeping its storage when large enough.
    fileprivate mutating func reset(to value: Element, count: Int) {
        removeAll(keepingCapacity: true)
        append(contentsOf: repeatElement(value, count: count))
    }
}
