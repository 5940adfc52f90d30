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
