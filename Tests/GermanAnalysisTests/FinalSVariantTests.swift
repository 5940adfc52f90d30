import GermanAnalysis
import Testing

@Suite struct FinalSVariantTests {
    /// Snowball keeps an -s after a vowel, a p or a w (Warschaus → warschaus, Warschau → warschau;
    /// Apps → apps, App → app): a query word is looked up in both spellings.
    @Test func namesAndLoanWordsGainOrLoseTheirS() {
        #expect(FinalSVariant.of("Warschaus") == "Warschau")
        #expect(FinalSVariant.of("Moskau") == "Moskaus")
        #expect(FinalSVariant.of("Kenia") == "Kenias")
        #expect(FinalSVariant.of("Autos") == "Auto")
        #expect(FinalSVariant.of("Handys") == "Handy")
        #expect(FinalSVariant.of("Uni") == "Unis")
        #expect(FinalSVariant.of("EURO") == "EUROS")
        #expect(FinalSVariant.of("Menüs") == "Menü")
        #expect(FinalSVariant.of("Apps") == "App")
        #expect(FinalSVariant.of("Startup") == "Startups")
        #expect(FinalSVariant.of("Interviews") == "Interview")
        #expect(FinalSVariant.of("Lawrow") == "Lawrows")
    }

    /// Short words ending in a diphthong have another word as their s-form; Snowball already
    /// handles an s after a consonant and the endings -e, -es.
    @Test func leavesOtherWordsAlone() {
        for word in ["Haus", "Klaus", "Graus", "Mai", "Ei", "Klau", "Preis", "Putins", "Schule", "Hauses", "Gas", "so", "E-Mail", "5G", "News", "Raps", ""] {
            #expect(FinalSVariant.of(word) == nil, "\(word)")
        }
    }
}
