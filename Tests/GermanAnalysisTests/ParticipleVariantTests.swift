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
        // Inseparable prefixes: no ge-, and Snowball keeps the -t (entdeckt, Entdeckung → entdeck).
        #expect(ParticipleVariant.of("entdeckt") == "entdecken")
        #expect(ParticipleVariant.of("verkauft") == "verkaufen")
        #expect(ParticipleVariant.of("verhaftet") == "verhaften")
        #expect(ParticipleVariant.of("besiegt") == "besiegen")
    }

    /// Capitalised words (nouns), words of other forms and short words have none.
    @Test func otherWordsHaveNone() {
        for word in ["Gebaut", "Gewalt", "gestern", "gegen", "gut", "bauen", "gesund", "verlust", "erst", "Entdeckt", "ge", ""] {
            #expect(ParticipleVariant.of(word) == nil, "\(word)")
        }
    }
}
