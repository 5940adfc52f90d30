import GermanAnalysis
import Testing

@Suite struct PersonNounFormsTests {
    /// A feminine gives its masculine and its other number, a masculine its feminines.
    @Test func nounsForPeopleGiveTheOtherGender() {
        #expect(PersonNounForms.of("Ärztinnen") == ["Ärzte", "Ärztin"])
        #expect(PersonNounForms.of("Ärztin") == ["Ärzte", "Ärztinnen"])
        #expect(PersonNounForms.of("Journalistin") == ["Journaliste", "Journalistinnen"])
        #expect(PersonNounForms.of("Kollegin") == ["Kollege", "Kolleginnen"])
        #expect(PersonNounForms.of("Chinesin") == ["Chinese", "Chinesinnen"])
        #expect(PersonNounForms.of("Arzt") == ["Arztin", "Arztinnen"])
        #expect(PersonNounForms.of("Präsidenten") == ["Prasidentin", "Prasidentinnen"])
        #expect(PersonNounForms.of("journalisten") == ["journalistin", "journalistinnen"])
    }

    /// A compound is judged by its head (Partei|chef, Vize|präsident).
    @Test func compoundsGoByTheirHead() {
        #expect(PersonNounForms.of("Parteichefin") == ["Parteichefe", "Parteichefinnen"])
        #expect(PersonNounForms.of("Vizepräsidentin") == ["Vizepräsidente", "Vizepräsidentinnen"])
    }

    /// The analyzer stems each form as it stems the word it stands for.
    @Test func formsStemAsTheWordsTheyStandFor() {
        let analyzer = GermanAnalyzer()
        func stem(_ word: String) -> String? { analyzer.tokens(word, mode: .query).first?.term }
        #expect(PersonNounForms.of("Ärztinnen").map(stem) == [stem("Arzt"), stem("Ärztin")])
        #expect(PersonNounForms.of("Koch").map(stem) == [stem("Köchin"), stem("Köchinnen")])
        #expect(PersonNounForms.of("Chinesin").map(stem) == [stem("Chinese"), stem("Chinesinnen")])
    }

    /// Words in -in that are no feminines, masculines in -er (Snowball stems Lehrerin as Lehrer)
    /// and nouns for things have none.
    @Test func otherWordsHaveNone() {
        for word in [
            "Putin", "Termin", "Berlin", "Benzin", "Konstantin", "Valentin", "Nikotin", "Martin", "Rosmarin",
            "Medizin", "Magazin", "Innen", "gewinnen", "Spinnen", "Lehrerin", "Lehrer", "Flugzeug", "Ruß", "Haus",
            "Regierung", "Ärzte1", "",
        ] {
            #expect(PersonNounForms.of(word).isEmpty, "\(word)")
        }
    }
}
