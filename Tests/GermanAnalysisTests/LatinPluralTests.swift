import GermanAnalysis
import Testing

@Suite struct LatinPluralTests {
    /// Latin and Greek plurals, which Snowball stems apart from their singulars, in both directions.
    @Test func nounsGiveTheirOtherNumber() {
        #expect(LatinPlural.of("Ministerium") == "Ministerien")
        #expect(LatinPlural.of("Ministerien") == "Ministerium")
        #expect(LatinPlural.of("Zentrum") == "Zentren")
        #expect(LatinPlural.of("Zentren") == "Zentrum")
        #expect(LatinPlural.of("Museen") == "Museum")
        #expect(LatinPlural.of("Thema") == "Themen")
        #expect(LatinPlural.of("Themen") == "Thema")
        #expect(LatinPlural.of("FIRMA") == "FIRMEN")
        #expect(LatinPlural.of("Referenden") == "Referendum")
        #expect(LatinPlural.of("Referendum") == "Referenden")
    }

    /// -tum nouns, short words and other endings have none.
    @Test func otherWordsHaveNone() {
        for word in ["Reichtum", "Wachstum", "Oma", "Haus", "Regierung", "Parteien1", "Kunden", "Stunden", "Kosten", ""] {
            #expect(LatinPlural.of(word) == nil, "\(word)")
        }
    }
}
