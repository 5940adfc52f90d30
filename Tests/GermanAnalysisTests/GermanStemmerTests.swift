import Foundation
import GermanAnalysis
import TestSupport
import Testing

/// The official Snowball 3.x vectors, read from `../shared` when present.
private let vectorsDirectory = TestPaths.sharedData?.appendingPathComponent("snowball-german/snowball-3.x")

@Suite struct GermanStemmerTests {
    let stemmer = GermanStemmer()

    @Test(arguments: [
        ("aufeinanderfolgenden", "aufeinanderfolg"), ("häuser", "haus"), ("abgeleitet", "abgeleit"),
        ("aktuell", "aktull"), ("anhängerinnen", "anhang"), ("kampfdrohnen", "kampfdrohn"),
        ("drohne", "drohn"), ("straße", "strass"), ("strasse", "strass"), ("münchen", "munch"),
        ("muenchen", "munch"), ("mauer", "mau"), ("quelle", "quell"), ("systemen", "system"),
        ("kenntnisse", "kenntnis"), ("getreidelieferungen", "getreideliefer"), ("café", "café"),
    ])
    func knownStems(word: String, stem: String) {
        #expect(stemmer.stem(word) == stem)
    }

    /// Whether `word` keeps its first three letters in its stem, where the compound splitter counts
    /// on it: they are a–z and the second and third no "e" (ae, oe and ue become umlauts).
    private func keepsOpening(_ word: String) -> Bool? {
        let letters = Array(word.utf8)
        guard letters.count >= 3, letters.prefix(3).allSatisfy({ (0x61...0x7A).contains($0) }),
            letters[1] != UInt8(ascii: "e"), letters[2] != UInt8(ascii: "e")
        else { return nil }
        return stemmer.stem(word).utf8.starts(with: letters.prefix(3))
    }

    @Test func stemsKeepTheFirstThreeLettersOfPlainWords() {
        // The compound splitter skips substrings that open like no stem in its lexicon without
        // stemming them; Snowball's R1 starts at the third letter at the earliest.
        for opening in ["str", "kon", "ana", "ung", "ins", "ort", "sch", "ach", "und", "tzt", "ssi", "quu"] {
            for ending in ["", "e", "en", "ern", "er", "es", "s", "em", "lich", "heit", "keit", "ungen", "isch", "end", "est", "nd", "ig"] {
                #expect(keepsOpening(opening + ending) != false, "\(opening + ending): \(stemmer.stem(opening + ending))")
            }
        }
    }

    @Test(.enabled(if: vectorsDirectory != nil, "needs ../shared/data/snowball-german"))
    func stemsOfTheVectorsKeepTheFirstThreeLetters() throws {
        let vectorsDirectory = try #require(vectorsDirectory)
        let words = try String(contentsOf: vectorsDirectory.appendingPathComponent("voc.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let broken = words.filter { keepsOpening($0) == false }
        #expect(broken.isEmpty, "\(broken.prefix(20))")
    }

    @Test(.enabled(if: vectorsDirectory != nil, "needs ../shared/data/snowball-german"))
    func officialVectors() throws {
        let vectorsDirectory = try #require(vectorsDirectory)
        let vocabulary = vectorsDirectory.appendingPathComponent("voc.txt")
        let words = try String(contentsOf: vocabulary, encoding: .utf8).split(separator: "\n")
        let stems = try String(
            contentsOf: vectorsDirectory.appendingPathComponent("output.txt"), encoding: .utf8
        ).split(separator: "\n")
        #expect(words.count == 35_033)
        #expect(words.count == stems.count)
        var mismatches: [String] = []
        for (word, expected) in zip(words, stems) where stemmer.stem(String(word)) != expected {
            mismatches.append("\(word): \(stemmer.stem(String(word))) ≠ \(expected)")
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches: \(mismatches.prefix(20))")
    }
}
