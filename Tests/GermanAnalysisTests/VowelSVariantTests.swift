import GermanAnalysis
import Testing

@Suite struct VowelSVariantTests {
    /// Snowball keeps an -s after a vowel (Warschaus → warschaus, Warschau → warschau): a query word
    /// is looked up in both spellings.
    @Test func namesAndLoanWordsGainOrLoseTheirS() {
        #expect(VowelSVariant.of("Warschaus") == "Warschau")
        #expect(VowelSVariant.of("Moskau") == "Moskaus")
        #expect(VowelSVariant.of("Kenia") == "Kenias")
        #expect(VowelSVariant.of("Autos") == "Auto")
        #expect(VowelSVariant.of("Handys") == "Handy")
        #expect(VowelSVariant.of("Uni") == "Unis")
        #expect(VowelSVariant.of("EURO") == "EUROS")
        #expect(VowelSVariant.of("Menüs") == "Menü")
    }

    /// Short words ending in a diphthong have another word as their s-form; Snowball already
    /// handles an s after a consonant and the endings -e, -es.
    @Test func leavesOtherWordsAlone() {
        for word in ["Haus", "Klaus", "Graus", "Mai", "Ei", "Klau", "Preis", "Putins", "Schule", "Hauses", "Gas", "so", "E-Mail", "5G", ""] {
            #expect(VowelSVariant.of(word) == nil, "\(word)")
        }
    }
}
