import GermanAnalysis
import Testing

@Suite struct VerbFormsTests {
    /// Snowball keeps a participle's ge- (gegründet → gegrundet, gründen → grund): a question's
    /// participle is also looked up as its infinitive.
    @Test func participlesGiveTheirInfinitive() {
        #expect(VerbForms.variants(of: "gegründet") == ["gründen"])
        #expect(VerbForms.variants(of: "gebaut") == ["bauen"])
        #expect(VerbForms.variants(of: "angebaut") == ["anbauen"])
        #expect(VerbForms.variants(of: "eingesetzt") == ["einsetzen"])
        #expect(VerbForms.variants(of: "gearbeitet") == ["arbeiten"])
        #expect(VerbForms.variants(of: "gefeiert") == ["feiern"])
        #expect(VerbForms.variants(of: "gefunden") == ["funden"])
        // Inseparable prefixes: no ge-, and Snowball keeps the -t (entdeckt, Entdeckung → entdeck).
        #expect(VerbForms.variants(of: "entdeckt") == ["entdecken"])
        #expect(VerbForms.variants(of: "verkauft") == ["verkaufen"])
        #expect(VerbForms.variants(of: "verhaftet") == ["verhaften"])
        #expect(VerbForms.variants(of: "besiegt") == ["besiegen"])
    }

    /// Capitalised words (nouns), words of other forms and short words have none.
    @Test func otherWordsHaveNone() {
        for word in ["Gebaut", "Gewalt", "gestern", "gegen", "gut", "bauen", "gesund", "verlust", "erst", "Entdeckt", "ge", ""] {
            #expect(VerbForms.variants(of: word).isEmpty, "\(word)")
        }
    }

    /// A verb in -ieren, its participle and its noun stem three ways (finanzi, finanziert, finanzier);
    /// the bare stem is often the noun the verb was made from.
    @Test func ierenFamiliesBringEachOther() {
        #expect(VerbForms.variants(of: "finanziert") == ["finanzieren", "finanzierung", "finanz"])
        #expect(VerbForms.variants(of: "Finanzierung") == ["finanzieren", "finanziert", "finanz"])
        #expect(VerbForms.variants(of: "protestieren") == ["protestiert", "protestierung", "protest"])
        // A stem of three letters is no noun's (regieren → reg).
        #expect(VerbForms.variants(of: "regieren") == ["regiert", "regierung"])
        #expect(VerbForms.variants(of: "Tier").isEmpty && VerbForms.variants(of: "zieren").isEmpty)
    }
}
