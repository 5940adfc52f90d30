import GermanAnalysis
import Testing

@Suite struct ConsonantSNounTests {
    /// Snowball removes the stem's s from the singular (Kurs → kur) and keeps it in the plural
    /// (Kurse → kurs): a query word is looked up in both numbers.
    @Test func nounsInSGiveTheirOtherNumber() {
        #expect(ConsonantSNoun.otherNumber(of: "Kurs") == "Kurse")
        #expect(ConsonantSNoun.otherNumber(of: "Kurse") == "Kurs")
        #expect(ConsonantSNoun.otherNumber(of: "Zinsen") == "Zins")
        #expect(ConsonantSNoun.otherNumber(of: "Kurses") == "Kurs")
        #expect(ConsonantSNoun.otherNumber(of: "Füchse") == "Füchs")
        #expect(ConsonantSNoun.otherNumber(of: "FELS") == "FELSE")
        #expect(ConsonantSNoun.otherNumber(of: "kurs") == "kurse")
    }

    /// Each form stems as the noun's other number does.
    @Test func formsStemAsTheOtherNumber() {
        let analyzer = GermanAnalyzer()
        func stem(_ word: String) -> String? { analyzer.tokens(word, mode: .query).first?.term }
        #expect(stem(ConsonantSNoun.otherNumber(of: "Kurs")!) == stem("Kurse"))
        #expect(stem(ConsonantSNoun.otherNumber(of: "Zinsen")!) == stem("Zins"))
        #expect(stem(ConsonantSNoun.otherNumber(of: "Füchse")!) == stem("Fuchs"))
        #expect(stem("Kurs") != stem("Kurse"))
    }

    /// An s after a vowel or another s (Snowball keeps it), other endings, lower-case words in -se
    /// and -sen (verbs such as bremsen) and short words have none.
    @Test func otherWordsHaveNone() {
        for word in ["Haus", "Preise", "Hauses", "Bundes", "Prozess", "Kompromisse", "bremsen", "bremse", "Amt", "Los", "Schule", "5G", ""] {
            #expect(ConsonantSNoun.otherNumber(of: word) == nil, "\(word)")
        }
    }
}
