import GermanAnalysis
import Testing

@Suite struct CompoundSplitterTests {
    let splitter = CompoundSplitter()

    @Test(arguments: [
        ("Kampfdrohnen", ["kampf", "drohnen"]),
        ("Drohnenhersteller", ["drohne", "hersteller"]),
        ("Getreidelieferungen", ["getreide", "lieferungen"]),
        ("Flüchtlingskrise", ["flüchtling", "krise"]),
        ("Arbeitsamt", ["arbeit", "amt"]),
        // Immediate constituents; the analyzer splits the parts further.
        ("Bundespräsidentenwahl", ["bund", "präsidentenwahl"]),
        ("Schulbus", ["schul", "bus"]),
        // Ambiguous words take the right reading.
        ("Urinstinkt", ["ur", "instinkt"]),
        ("Staubecken", ["stau", "becken"]),
        ("Druckerzeugnis", ["druck", "erzeugnis"]),
        ("Wachstube", ["wach", "stube"]),
    ])
    func splitsCompounds(word: String, parts: [String]) {
        #expect(splitter.split(word) == parts)
    }

    /// Looking stems up in the sorted data (queries) splits exactly like the loaded lexicon (indexing).
    @Test func bothLookupsSplitAlike() {
        let few = CompoundSplitter(forFewWords: true)
        let words = [
            "Kampfdrohnen", "Bundespräsidentenwahl", "Flüchtlingsunterkünfte", "Verteidigungsminister", "Schokolade",
            "Staubecken", "Arbeitsamt", "Getreidelieferungen", "Wohnungsmarkt", "Großstadtkinder", "Abschlusskommuniqué",
        ]
        for word in words { #expect(few.split(word) == splitter.split(word), "\(word)") }
    }

    /// A word that merely contains other words is no compound of them.
    @Test(arguments: ["Schokolade", "Kartoffel", "Verantwortung", "Beamte", "Zeitung", "Bergen", "Ausland", "Drohne", "Angebot"])
    func leavesOtherWordsWhole(word: String) {
        #expect(splitter.split(word) == nil)
    }

    /// A known word made of common nouns is split anyway, so that "Stadt" finds "Hauptstadt";
    /// a known word that is no such compound stays whole.
    @Test(arguments: [
        ("Hauptstadt", ["haupt", "stadt"]),
        ("Bundesregierung", ["bund", "regierung"]),
        ("Regierungschef", ["regierung", "chef"]),
        ("Kindergarten", ["kind", "garten"]),
    ])
    func splitsKnownCompoundsOfCommonNouns(word: String, parts: [String]) {
        #expect(splitter.split(word) == parts)
    }

    @Test(arguments: ["Bürgerinnen", "Lehrerinnen", "Verantwortung", "Ausland", "Gewerbe"])
    func keepsKnownWordsWholeThatAreNoSuchCompound(word: String) {
        #expect(splitter.split(word) == nil)
    }

    /// Known words whose letters merely spell stems stay whole, also those with a short part that is
    /// frequent as a word of its own (jed|och, währ|end, ur|teil, integri|ren, eng|land).
    @Test(arguments: [
        "jedoch", "allerdings", "während", "Urteil", "Ursache", "integrieren", "England", "Auftrag", "Eindruck",
        "amerikanischen", "Freitag",
    ])
    func keepsKnownWordsWholeWhenTheirPartsAreRarer(word: String) {
        #expect(splitter.split(word) == nil)
    }

    /// A modifier whose own word runs on into the rest is a cut word (italie|nische, funktio|nieren),
    /// and a rest must open as a German word can (tara|ntino, kasp|ersky).
    @Test(arguments: ["italienische", "funktionieren", "folgenden", "Auseinandersetzung", "versprach", "Tarantino", "Kaspersky"])
    func doesNotCutWordsApart(word: String) {
        #expect(splitter.split(word) == nil)
    }

    /// A rare compound whose head the lexicon lacks or knows only as no noun takes its linking element
    /// with the modifier (Lawine-n-|verbauung, not lawine|nverbauung).
    @Test(arguments: [
        ("Lawinenverbauung", ["lawine", "verbauung"]),
        ("Verwaltungsrechtler", ["verwaltung", "rechtler"]),
        ("spendenfinanziert", ["spende", "finanziert"]),
    ])
    func splitsRareCompoundsAfterTheirLinkingElement(word: String, parts: [String]) {
        #expect(splitter.split(word) == parts)
        #expect(CompoundSplitter(forFewWords: true).split(word) == parts)
    }
}
