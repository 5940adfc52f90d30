/// The Snowball German stemmer, version 3 (the algorithm of Snowball 3.x, which merged "german2").
///
/// It works on one byte per character: ASCII plus Latin-1 (`ä` = 0xE4, `ö` = 0xF6, `ü` = 0xFC,
/// `ß` = 0xDF); other Latin-1 letters pass through as consonants. The algorithm is described at
/// https://snowballstem.org/algorithms/german/stemmer.html; the result is checked against the
/// official 35,033-word vectors (`GermanStemmerTests`). The stem is part of the index format:
/// any change here needs a new tokenizer version.
public struct GermanStemmer: Sendable {
    /// Creates a stemmer; it keeps no state between words.
    public init() {}

    /// Stems `word` (lower-case, one Latin-1 byte per character) in place.
    public func stem(_ word: inout [UInt8]) {
        // ß → ss can double the length.
        var buffer = [UInt8](repeating: 0, count: word.count * 2 + 1)
        let length = buffer.withUnsafeMutableBufferPointer { storage in
            var w = Word(storage.baseAddress!, count: 0)
            for byte in word { w.append(byte) }
            stem(&w)
            return w.count
        }
        word = Array(buffer.prefix(length))
    }

    /// Stems a lower-case word given as a `String` (characters beyond Latin-1 are left as they are).
    public func stem(_ word: String) -> String {
        guard var bytes = Latin1.bytes(word) else { return word }
        stem(&bytes)
        return Latin1.string(bytes)
    }

    /// Stems the word in `w`, whose storage must hold twice its length.
    func stem(_ w: inout Word) {
        prelude(&w)
        let (p1, p2) = regions(w)
        // Every step removes only endings inside R1 (R2 lies within it): with R1 empty, as in
        // most short substrings the compound splitter stems, none needs to look.
        if p1 < w.count {
            step1(&w, p1: p1)
            step2(&w, p1: p1)
            step3(&w, p1: p1, p2: p2)
        }
        removeApostrophe(&w)
        postlude(&w)
    }
}

/// A word being stemmed: bytes in caller-owned storage and their count.
struct Word {
    let bytes: UnsafeMutablePointer<UInt8>
    var count: Int

    init(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) {
        self.bytes = bytes
        self.count = count
    }

    @inline(__always) subscript(index: Int) -> UInt8 {
        get { bytes[index] }
        nonmutating set { bytes[index] = newValue }
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        bytes[count] = byte
        count += 1
    }

    /// True when the first `end` bytes end with `suffix`.
    @inline(__always) func hasSuffix(_ suffix: StaticString, endingAt end: Int) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard end >= length else { return false }
        let start = suffix.utf8Start
        for k in 0..<length where bytes[end - length + k] != start[k] { return false }
        return true
    }

    @inline(__always) func hasSuffix(_ suffix: StaticString) -> Bool { hasSuffix(suffix, endingAt: count) }

    /// The index in `list` of the first (the lists are longest first) suffix of the first `end` bytes.
    @inline(__always) func longestSuffix(in list: SuffixList, endingAt end: Int) -> Int? {
        guard end > 0 else { return nil }
        // Only the suffixes that end in the word's last letter, in the list's order.
        let row = Int(bytes[end - 1]) * list.width
        for k in 0..<list.width {
            let index = Int(list.byLastLetter[row + k])
            if index < 0 { return nil }
            if hasSuffix(list.suffixes[index], endingAt: end) { return index }
        }
        return nil
    }
}

/// A list of suffixes, longest first (Snowball's `among` takes the longest match), with the
/// suffixes that end in each letter: a word is compared with those alone.
struct SuffixList: Sendable {
    let suffixes: [StaticString]
    /// Per byte value, `width` indices into `suffixes` in list order, then -1.
    let byLastLetter: [Int8]
    let width: Int

    init(_ suffixes: [StaticString]) {
        self.suffixes = suffixes
        let lastLetters = suffixes.map { $0.utf8Start[$0.utf8CodeUnitCount - 1] }
        width = Set(lastLetters).map { letter in lastLetters.filter { $0 == letter }.count }.max() ?? 0
        var table = [Int8](repeating: -1, count: 256 * width)
        for (index, letter) in lastLetters.enumerated() {
            var slot = Int(letter) * width
            while table[slot] >= 0 { slot += 1 }
            table[slot] = Int8(index)
        }
        byLastLetter = table
    }

    subscript(index: Int) -> StaticString { suffixes[index] }
}

// MARK: - Character classes

private let aUmlaut: UInt8 = 0xE4
private let oUmlaut: UInt8 = 0xF6
private let uUmlaut: UInt8 = 0xFC
private let sharpS: UInt8 = 0xDF
private let markedU = UInt8(ascii: "U")
private let markedY = UInt8(ascii: "Y")

@inline(__always) private func isVowel(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"),
        UInt8(ascii: "u"), UInt8(ascii: "y"), aUmlaut, oUmlaut, uUmlaut:
        return true
    default: return false
    }
}

/// Letters before which a final -s is removed: b d f g h k l m n r t.
@inline(__always) private func isSEnding(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"),
        UInt8(ascii: "h"), UInt8(ascii: "k"), UInt8(ascii: "l"), UInt8(ascii: "m"),
        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
        return true
    default: return false
    }
}

/// Letters before which a final -st is removed: the s-endings without r.
@inline(__always) private func isStEnding(_ c: UInt8) -> Bool {
    c != UInt8(ascii: "r") && isSEnding(c)
}

/// Letters before which a final -et is removed: U d f g k l m n r s t z ä.
@inline(__always) private func isEtEnding(_ c: UInt8) -> Bool {
    switch c {
    case markedU, aUmlaut, UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"),
        UInt8(ascii: "k"), UInt8(ascii: "l"), UInt8(ascii: "m"), UInt8(ascii: "n"),
        UInt8(ascii: "r"), UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "z"):
        return true
    default: return false
    }
}

// MARK: - Suffix lists, longest first (Snowball's `among` takes the longest match)

private let step1Suffixes = SuffixList([
    "erinnen", "erin", "ern", "lns", "em", "en", "ln", "er", "es", "e", "s",
])
private let step2Suffixes = SuffixList(["est", "en", "er", "et", "st"])
private let step3Suffixes = SuffixList(["isch", "lich", "heit", "keit", "end", "ung", "ig", "ik"])
private let keitFollowers = SuffixList(["lich", "ig"])
private let etExceptions = SuffixList(["tick", "plan", "geordn", "intern", "tr"])
private let apostropheSuffixes = SuffixList(["'sch", "'s", "'"])

// MARK: - The steps

extension GermanStemmer {
    /// Marks u and y between vowels as consonants, then ß → ss and ae/oe/ue → ä/ö/ü (not after q).
    private func prelude(_ w: inout Word) {
        // Left to right, so that a letter marked here is no vowel for the next (Snowball's order);
        // the letter itself is looked at first: most are no u or y.
        if w.count >= 3 {
            for i in 1..<(w.count - 1) {
                let c = w[i]
                if (c == UInt8(ascii: "u") || c == UInt8(ascii: "y")) && isVowel(w[i - 1]) && isVowel(w[i + 1]) {
                    w[i] = c == UInt8(ascii: "u") ? markedU : markedY
                }
            }
        }
        // Most words have no ß and no ae, oe or ue: then the rewriting below changes nothing.
        var rewrites = false
        var i = 0
        while i < w.count && !rewrites {
            let c = w[i]
            rewrites = c == sharpS
                || (c == UInt8(ascii: "e") && i > 0
                    && (w[i - 1] == UInt8(ascii: "a") || w[i - 1] == UInt8(ascii: "o") || w[i - 1] == UInt8(ascii: "u")))
            i += 1
        }
        if !rewrites { return }
        // Rewrites in place: the read position never falls behind the write position except for ß,
        // which is why the storage holds twice the length; that case shifts the rest right.
        var read = 0
        var write = 0
        while read < w.count {
            let c = w[read]
            if c == sharpS {
                // Make room for the second s.
                if write == read {
                    var k = w.count
                    while k > read + 1 {
                        w[k] = w[k - 1]
                        k -= 1
                    }
                    w.count += 1
                    read += 1
                }
                w[write] = UInt8(ascii: "s")
                w[write + 1] = UInt8(ascii: "s")
                write += 2
                read += 1
                continue
            }
            if read + 1 < w.count {
                let next = w[read + 1]
                if c == UInt8(ascii: "q") && next == UInt8(ascii: "u") {
                    w[write] = c
                    w[write + 1] = next
                    write += 2
                    read += 2
                    continue
                }
                if next == UInt8(ascii: "e") {
                    let umlaut: UInt8? =
                        switch c {
                        case UInt8(ascii: "a"): aUmlaut
                        case UInt8(ascii: "o"): oUmlaut
                        case UInt8(ascii: "u"): uUmlaut
                        default: nil
                        }
                    if let umlaut {
                        w[write] = umlaut
                        write += 1
                        read += 2
                        continue
                    }
                }
            }
            w[write] = c
            write += 1
            read += 1
        }
        w.count = write
    }

    /// R1 starts after the first non-vowel that follows a vowel (at least at 3); R2 likewise after R1.
    private func regions(_ w: Word) -> (Int, Int) {
        let n = w.count
        guard n >= 3 else { return (n, n) }
        func afterVowelThenConsonant(from start: Int) -> Int? {
            var i = start
            while i < n && !isVowel(w[i]) { i += 1 }
            guard i < n else { return nil }
            i += 1
            while i < n && isVowel(w[i]) { i += 1 }
            guard i < n else { return nil }
            return i + 1
        }
        guard let r1 = afterVowelThenConsonant(from: 0) else { return (n, n) }
        let p1 = max(r1, 3)
        guard let p2 = afterVowelThenConsonant(from: r1) else { return (p1, n) }
        return (p1, p2)
    }

    private func step1(_ w: inout Word, p1: Int) {
        // "erinnen", "erin", "ern", "lns", "em", "en", "ln", "er", "es", "e", "s"
        guard let index = w.longestSuffix(in: step1Suffixes, endingAt: w.count) else { return }
        let length = step1Suffixes[index].utf8CodeUnitCount
        let start = w.count - length
        guard p1 <= start else { return }
        switch index {
        case 4:  // -em, but not -system
            if !w.hasSuffix("syst", endingAt: start) { w.count -= 2 }
        case 5, 8, 9:  // -en, -es, -e; -nisse → -nis
            w.count -= length
            if w.hasSuffix("niss") { w.count -= 1 }
        case 10:  // -s after an s-ending
            if start > 0 && isSEnding(w[start - 1]) { w.count -= 1 }
        case 3, 6:  // -lns, -ln → -l
            w.count -= length - 1
        default:  // -erinnen, -erin, -ern, -er
            w.count -= length
        }
    }

    private func step2(_ w: inout Word, p1: Int) {
        // "est", "en", "er", "et", "st"
        guard let index = w.longestSuffix(in: step2Suffixes, endingAt: w.count) else { return }
        let length = step2Suffixes[index].utf8CodeUnitCount
        let start = w.count - length
        guard p1 <= start else { return }
        switch index {
        case 4:  // -st after an st-ending and at least three more letters
            if start >= 4 && isStEnding(w[start - 1]) { w.count -= 2 }
        case 3:  // -et after an et-ending, except after tick, plan, geordn, intern, tr
            guard start > 0, isEtEnding(w[start - 1]) else { return }
            if w.longestSuffix(in: etExceptions, endingAt: start) == nil { w.count -= 2 }
        default:  // -est, -en, -er
            w.count -= length
        }
    }

    private func step3(_ w: inout Word, p1: Int, p2: Int) {
        // "isch", "lich", "heit", "keit", "end", "ung", "ig", "ik"
        guard let index = w.longestSuffix(in: step3Suffixes, endingAt: w.count) else { return }
        let length = step3Suffixes[index].utf8CodeUnitCount
        let start = w.count - length
        guard p2 <= start else { return }
        let precededByE = start > 0 && w[start - 1] == UInt8(ascii: "e")
        switch index {
        case 4, 5:  // -end, -ung; then -ig unless after e
            w.count -= length
            let igStart = w.count - 2
            if w.hasSuffix("ig"), !(igStart > 0 && w[igStart - 1] == UInt8(ascii: "e")), p2 <= igStart {
                w.count -= 2
            }
        case 0, 6, 7:  // -isch, -ig, -ik unless after e
            if !precededByE { w.count -= length }
        case 1, 2:  // -lich, -heit; then -er or -en in R1
            w.count -= length
            if w.hasSuffix("er") || w.hasSuffix("en"), p1 <= w.count - 2 { w.count -= 2 }
        default:  // -keit; then -lich or -ig in R2
            w.count -= length
            if let follower = w.longestSuffix(in: keitFollowers, endingAt: w.count),
                p2 <= w.count - keitFollowers[follower].utf8CodeUnitCount
            {
                w.count -= keitFollowers[follower].utf8CodeUnitCount
            }
        }
    }

    /// A final apostrophe, 's or 'sch after at least two letters.
    private func removeApostrophe(_ w: inout Word) {
        if let index = w.longestSuffix(in: apostropheSuffixes, endingAt: w.count),
            w.count - apostropheSuffixes[index].utf8CodeUnitCount >= 2
        {
            w.count -= apostropheSuffixes[index].utf8CodeUnitCount
        }
    }

    /// Undoes the prelude's marks and removes the umlauts.
    private func postlude(_ w: inout Word) {
        for i in 0..<w.count {
            switch w[i] {
            case markedY: w[i] = UInt8(ascii: "y")
            case markedU, uUmlaut: w[i] = UInt8(ascii: "u")
            case aUmlaut: w[i] = UInt8(ascii: "a")
            case oUmlaut: w[i] = UInt8(ascii: "o")
            default: break
            }
        }
    }
}
