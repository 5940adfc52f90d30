import GermanAnalysis
import Testing

@Suite struct ParticipleVariantTests {
    /// Snowball keeps a participle's ge- (gegründet → gegrundet, gründen → grund): a question's
    /// participle is also looked up as its infinitive.
    @Test func participlesGiveTheirInfinitive() {
        #expect(ParticipleVariant.of("gegründet") == "gründen")
        #expect(ParticipleVariant.of("gebaut") == "bauen")
        #expect(ParticipleVariant.of("angebaut") == "anbauen")
        #expect(ParticipleVariant.of("eingesetzt") == "einsetzen")
        #expect(ParticipleVariant.of("gearbeitet") == "arbeiten")
        #expect(ParticipleVariant.of("gefeiert") == "feiern")
        #expect(ParticipleVariant.of("gefunden") == "funden")
    }

    /// Capitalised words (nouns), words without ge- and short words have none.
    @Test func otherWordsHaveNone() {
        for word in ["Gebaut", "Gewalt", "gestern", "gegen", "gut", "bauen", "entwickelt", "gesund", "ge", ""] {
            #expect(ParticipleVariant.of(word) == nil, "\(word)")
        }
    }
}
