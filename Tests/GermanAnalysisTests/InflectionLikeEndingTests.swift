import GermanAnalysis
import Testing

@Suite struct InflectionLikeEndingTests {
    /// Snowball stems the singular's -em and -ern away (Problem → probl, Konzern → konz) but not the
    /// plural's (Probleme → problem): a query word is looked up in both numbers.
    @Test func nounsInEmAndErnGiveTheirOtherNumber() {
        #expect(InflectionLikeEnding.otherNumber(of: "Problem") == "Probleme")
        #expect(InflectionLikeEnding.otherNumber(of: "Probleme") == "Problem")
        #expect(InflectionLikeEnding.otherNumber(of: "Problemen") == "Problem")
        #expect(InflectionLikeEnding.otherNumber(of: "Konzern") == "Konzerne")
        #expect(InflectionLikeEnding.otherNumber(of: "Konzerns") == "Konzern")
        #expect(InflectionLikeEnding.otherNumber(of: "probleme") == "problem")
        let analyzer = GermanAnalyzer()
        func stem(_ word: String) -> String? { analyzer.tokens(word, mode: .query).first?.term }
        #expect(stem("Problem") != stem("Probleme"))
        #expect(stem(InflectionLikeEnding.otherNumber(of: "Problem")!) == stem("Probleme"))
    }

    /// Nouns whose own base form ends in -erne or -e (Kaserne, Moderne) and other words have none.
    @Test func otherWordsHaveNone() {
        for word in ["Kaserne", "Moderne", "moderne", "System", "Haus", "Kinder", "Kindern", "Atem", ""] {
            #expect(InflectionLikeEnding.otherNumber(of: word) == nil, "\(word)")
        }
    }
}
