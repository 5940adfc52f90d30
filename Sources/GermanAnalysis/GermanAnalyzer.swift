/// Turns German text into index terms: words are found in UTF-8 bytes, case-folded,
/// diacritics other than ä ö ü ß removed (Erdoğan → erdogan), then Snowball-stemmed
/// (which folds ä → a, ß → ss and reads ae/oe/ue as umlauts).
///
/// It works on bytes and reuses its buffers, so it makes no `String` per token. One instance is
/// not thread-safe; make one per thread (the FTS5 tokenizer makes one per table connection).
public final class GermanAnalyzer {
    private let stemmer = GermanStemmer()
    /// The current word, one Latin-1 byte per character.
    private var latin: [UInt8] = []
    /// The current word as lower-case UTF-8, used when it has letters beyond Latin-1.
    private var wide: [UInt8] = []
    private var output: [UInt8] = []

    /// Words longer than this many characters are indexed unstemmed and cut to this length.
    public static let maximumWordLength = 80

    /// Creates an analyzer.
    public init() {
        latin.reserveCapacity(64)
        wide.reserveCapacity(64)
        output.reserveCapacity(128)
    }

    /// Calls `emit(term, start, end, colocated)` for each token of `text`; `emit` returns false to stop.
    ///
    /// `start`/`end` are byte offsets of the original word in `text`. Invalid UTF-8 separates words.
    public func analyze(
        _ text: UnsafeBufferPointer<UInt8>, mode: AnalysisMode,
        _ emit: (UnsafeBufferPointer<UInt8>, Int, Int, Bool) -> Bool
    ) {
        var scanner = WordScanner(text: text)
        latin.removeAll(keepingCapacity: true)
        wide.removeAll(keepingCapacity: true)
        while let word = scanner.nextWord(latin: &latin, wide: &wide, keepLatin1: mode == .stemOnly) {
            makeTerm(word: word, mode: mode)
            let keepGoing = output.withUnsafeBufferPointer { emit($0, word.start, word.end, false) }
            if !keepGoing { return }
            latin.removeAll(keepingCapacity: true)
            wide.removeAll(keepingCapacity: true)
        }
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

    private func makeTerm(word: ScannedWord, mode: AnalysisMode) {
        output.removeAll(keepingCapacity: true)
        if word.hasWideLetters {
            output.append(contentsOf: wide.prefix(Self.maximumWordLength * 4))
            return
        }
        let stems = mode != .queryPrefix && mode != .foldOnly && !word.hasDigits
            && latin.count <= Self.maximumWordLength
        if stems {
            stemmer.stem(&latin)
        } else if mode != .stemOnly {
            foldGermanLetters(&latin)
        }
        for byte in latin.prefix(Self.maximumWordLength) {
            if byte < 0x80 {
                output.append(byte)
            } else {
                output.append(0xC0 | (byte >> 6))
                output.append(0x80 | (byte & 0x3F))
            }
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

@inline(__always) private func isPlainVowel(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"),
        UInt8(ascii: "u"), UInt8(ascii: "y"):
        return true
    default: return false
    }
}
