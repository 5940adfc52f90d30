/// The other number of a noun whose singular ends in what Snowball takes for an inflection, -em or
/// -ern: it stems Problem to probl but Probleme to problem, Konzern to konz but Konzerne to
/// konzern, so either number alone finds a third or two thirds of the articles.
///
/// A query word is looked up in both numbers, also when typed in lower case; the index is not
/// changed. Only nouns the compound lexicon knows with that base form count (problem: probl + em),
/// so Kaserne and Moderne, whose stems end alike (kasern, modern), are left alone.
public enum InflectionLikeEnding {
    /// The noun's other number (Problem → Probleme, Konzernen → Konzern), or nil.
    public static func otherNumber(of word: String) -> String? {
        guard word.count >= 4, word.allSatisfy(\.isLetter),
            let letters = Latin1.bytes(word.lowercased()), !letters.contains(0xDF)
        else { return nil }
        let folded = Latin1.foldingUmlauts(letters)
        var stem = letters
        stemmer.stem(&stem)
        // The singular: its stem plus the ending is the word itself.
        if isNoun(stem: stem, baseForm: folded) { return word + (word.allSatisfy(\.isUppercase) ? "E" : "e") }
        // An inflected form: its stem is the singular as written, which stems further.
        var singularStem = stem
        stemmer.stem(&singularStem)
        guard singularStem != stem, isNoun(stem: singularStem, baseForm: stem), folded.count > stem.count,
            folded.starts(with: stem)
        else { return nil }
        return String(word.prefix(stem.count))
    }

    /// True when the lexicon lists a noun with this stem whose base form is `baseForm`, the stem
    /// followed by -em or -ern.
    private static func isNoun(stem: [UInt8], baseForm: [UInt8]) -> Bool {
        guard CompoundLexicon.nounBaseForm(ofStem: stem) == baseForm else { return false }
        return endings.contains { stem + $0 == baseForm }
    }

    private static let endings: [[UInt8]] = [Array("em".utf8), Array("ern".utf8)]

    private static let stemmer = GermanStemmer()
}
