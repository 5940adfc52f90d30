import GermanAnalysis
import Testing

@Suite struct GermanizedCTests {
    /// A c becomes k before a, o, u, a consonant or at the end, z before e, i, y; ch, ck and sc stay.
    @Test func aCIsRespelledTheGermanWay() {
        #expect(GermanizedC.of("Doctor") == "Doktor")
        #expect(GermanizedC.of("Victoria") == "Viktoria")
        #expect(GermanizedC.of("Club") == "Klub")
        #expect(GermanizedC.of("Cyanobakterien") == "Zyanobakterien")
        #expect(GermanizedC.of("Accent") == "Akzent")
        #expect(GermanizedC.of("circa") == "zirka")
        #expect(GermanizedC.of("Jacksonville") == nil)
        #expect(GermanizedC.of("Chloroplasten") == nil)
        #expect(GermanizedC.of("Disco") == nil)
    }

    /// Acronyms, mixed case, short words and words with other characters are left alone.
    @Test func acronymsAndOddWordsHaveNone() {
        for word in ["CDU", "McDonald", "iCloud", "Cu", "C3PO", "", "Doktor"] {
            #expect(GermanizedC.of(word) == nil, "\(word)")
        }
    }
}
