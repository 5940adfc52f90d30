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
        prelude(&word)
        let (p1, p2) = regions(word)
        standardSuffix(&word, p1: p1, p2: p2)
        postlude(&word)
    }

    /// Stems a lower-case word given as a `String` (characters beyond Latin-1 are left as they are).
    public func stem(_ word: String) -> String {
        var bytes: [UInt8] = []
        for scalar in word.unicodeScalars {
            guard scalar.value < 0x100 else { return word }
            bytes.append(UInt8(scalar.value))
        }
        stem(&bytes)
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
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

private let step1Suffixes: [[UInt8]] = [
    "erinnen", "erin", "ern", "lns", "em", "en", "ln", "er", "es", "e", "s",
].map { Array($0.utf8) }
private let step2Suffixes: [[UInt8]] = ["est", "en", "er", "et", "st"].map { Array($0.utf8) }
private let step3Suffixes: [[UInt8]] = [
    "isch", "lich", "heit", "keit", "end", "ung", "ig", "ik",
].map { Array($0.utf8) }
private let keitFollowers: [[UInt8]] = ["lich", "ig"].map { Array($0.utf8) }
private let etExceptions: [[UInt8]] = ["tick", "plan", "geordn", "intern", "tr"].map { Array($0.utf8) }
private let apostropheSuffixes: [[UInt8]] = ["'sch", "'s", "'"].map { Array($0.utf8) }

@inline(__always) private func hasSuffix(_ w: [UInt8], _ suffix: [UInt8], endingAt end: Int) -> Bool {
    guard end >= suffix.count else { return false }
    var i = end - suffix.count
    for c in suffix {
        if w[i] != c { return false }
        i += 1
    }
    return true
}

/// The index in `list` of the longest suffix of `w[..<end]`, or nil.
@inline(__always) private func longestSuffix(_ w: [UInt8], in list: [[UInt8]], endingAt end: Int) -> Int? {
    for (index, suffix) in list.enumerated() where hasSuffix(w, suffix, endingAt: end) { return index }
    return nil
}

private let syst = Array("syst".utf8)
private let niss = Array("niss".utf8)
private let ig = Array("ig".utf8)
private let er = Array("er".utf8)
private let en = Array("en".utf8)

// MARK: - The steps

extension GermanStemmer {
    /// Marks u and y between vowels as consonants, then ß → ss and ae/oe/ue → ä/ö/ü (not after q).
    private func prelude(_ w: inout [UInt8]) {
        if w.count >= 3 {
            for i in 0..<(w.count - 2) where isVowel(w[i]) && isVowel(w[i + 2]) {
                if w[i + 1] == UInt8(ascii: "u") {
                    w[i + 1] = markedU
                } else if w[i + 1] == UInt8(ascii: "y") {
                    w[i + 1] = markedY
                }
            }
        }
        var i = 0
        while i < w.count {
            let c = w[i]
            if c == sharpS {
                w[i] = UInt8(ascii: "s")
                w.insert(UInt8(ascii: "s"), at: i + 1)
                i += 2
                continue
            }
            if i + 1 < w.count {
                let next = w[i + 1]
                if c == UInt8(ascii: "q") && next == UInt8(ascii: "u") {
                    i += 2
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
                        w[i] = umlaut
                        w.remove(at: i + 1)
                    }
                }
            }
            i += 1
        }
    }

    /// R1 starts after the first non-vowel that follows a vowel (at least at 3); R2 likewise after R1.
    private func regions(_ w: [UInt8]) -> (Int, Int) {
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

    private func standardSuffix(_ w: inout [UInt8], p1: Int, p2: Int) {
        step1(&w, p1: p1)
        step2(&w, p1: p1)
        step3(&w, p1: p1, p2: p2)
        if let index = longestSuffix(w, in: apostropheSuffixes, endingAt: w.count),
            w.count - apostropheSuffixes[index].count >= 2
        {
            w.removeLast(apostropheSuffixes[index].count)
        }
    }

    private func step1(_ w: inout [UInt8], p1: Int) {
        // "erinnen", "erin", "ern", "lns", "em", "en", "ln", "er", "es", "e", "s"
        guard let index = longestSuffix(w, in: step1Suffixes, endingAt: w.count) else { return }
        let length = step1Suffixes[index].count
        let start = w.count - length
        guard p1 <= start else { return }
        switch index {
        case 4:  // -em, but not -system
            if !hasSuffix(w, syst, endingAt: start) { w.removeLast(2) }
        case 5, 8, 9:  // -en, -es, -e; -nisse → -nis
            w.removeLast(length)
            if hasSuffix(w, niss, endingAt: w.count) { w.removeLast() }
        case 10:  // -s after an s-ending
            if start > 0 && isSEnding(w[start - 1]) { w.removeLast() }
        case 3, 6:  // -lns, -ln → -l
            w.removeLast(length - 1)
        default:  // -erinnen, -erin, -ern, -er
            w.removeLast(length)
        }
    }

    private func step2(_ w: inout [UInt8], p1: Int) {
        // "est", "en", "er", "et", "st"
        guard let index = longestSuffix(w, in: step2Suffixes, endingAt: w.count) else { return }
        let length = step2Suffixes[index].count
        let start = w.count - length
        guard p1 <= start else { return }
        switch index {
        case 4:  // -st after an st-ending and at least three more letters
            if start >= 4 && isStEnding(w[start - 1]) { w.removeLast(2) }
        case 3:  // -et after an et-ending, except after tick, plan, geordn, intern, tr
            guard start > 0, isEtEnding(w[start - 1]) else { return }
            if longestSuffix(w, in: etExceptions, endingAt: start) == nil { w.removeLast(2) }
        default:  // -est, -en, -er
            w.removeLast(length)
        }
    }

    private func step3(_ w: inout [UInt8], p1: Int, p2: Int) {
        // "isch", "lich", "heit", "keit", "end", "ung", "ig", "ik"
        guard let index = longestSuffix(w, in: step3Suffixes, endingAt: w.count) else { return }
        let length = step3Suffixes[index].count
        let start = w.count - length
        guard p2 <= start else { return }
        let precededByE = start > 0 && w[start - 1] == UInt8(ascii: "e")
        switch index {
        case 4, 5:  // -end, -ung; then -ig unless after e
            w.removeLast(length)
            let igStart = w.count - 2
            if hasSuffix(w, ig, endingAt: w.count),
                !(igStart > 0 && w[igStart - 1] == UInt8(ascii: "e")), p2 <= igStart
            {
                w.removeLast(2)
            }
        case 0, 6, 7:  // -isch, -ig, -ik unless after e
            if !precededByE { w.removeLast(length) }
        case 1, 2:  // -lich, -heit; then -er or -en in R1
            w.removeLast(length)
            if hasSuffix(w, er, endingAt: w.count) || hasSuffix(w, en, endingAt: w.count),
                p1 <= w.count - 2
            {
                w.removeLast(2)
            }
        default:  // -keit; then -lich or -ig in R2
            w.removeLast(length)
            if let follower = longestSuffix(w, in: keitFollowers, endingAt: w.count),
                p2 <= w.count - keitFollowers[follower].count
            {
                w.removeLast(keitFollowers[follower].count)
            }
        }
    }

    /// Undoes the prelude's marks and removes the umlauts.
    private func postlude(_ w: inout [UInt8]) {
        for i in w.indices {
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
