/// The other number of a noun with a Latin or Greek plural, which Snowball stems apart
/// (Ministerium/Ministerien: ministerium, ministeri; Thema/Themen: thema, them; Zentrum/Zentren).
///
/// Endings: -ium ↔ -ien, -um → -en (not -tum: Reichtum, Wachstum) and back from -ren and -een
/// (Zentren, Museen) and, for the nouns the lexicon lists, -nden (Referenden), -ma ↔ -men. A query
/// word is looked up in both numbers; the index is not changed. Other plurals in -en are not read
/// back to -um: every plural in -en would guess one, and the lexicon would take Kosten for Kostüm.
public enum LatinPlural {
    /// The noun's other number, or nil when its ending is none of these.
    public static func of(_ word: String) -> String? {
        guard word.count >= 5, word.allSatisfy(\.isLetter) else { return nil }
        let lowered = word.lowercased()
        func replacing(_ ending: String, with other: String) -> String? {
            guard lowered.hasSuffix(ending), lowered.count >= ending.count + 3 else { return nil }
            return String(word.dropLast(ending.count)) + (word == word.uppercased() ? other.uppercased() : other)
        }
        if let plural = replacing("ium", with: "ien") { return plural }
        if let singular = replacing("ien", with: "ium") { return singular }
        if !lowered.hasSuffix("tum"), let plural = replacing("um", with: "en") { return plural }
        if let singular = replacing("ren", with: "rum") ?? replacing("een", with: "eum") { return singular }
        if let singular = replacing("men", with: "ma") { return singular }
        if let plural = replacing("ma", with: "men") { return plural }
        // -nden back to -ndum (Referenden, Memoranden) only where the lexicon lists that noun: as
        // Kunden, Stunden show, most words in -nden have none.
        guard let singular = replacing("nden", with: "ndum"), isListedNoun(singular) else { return nil }
        return singular
    }

    /// True when the lexicon lists `word` as a noun in this very form (its stem and base form).
    private static func isListedNoun(_ word: String) -> Bool {
        guard let written = Latin1.bytes(word.lowercased()) else { return false }
        var stem = written
        GermanStemmer().stem(&stem)
        return CompoundLexicon.nounBaseForm(ofStem: stem) == written
    }
}
