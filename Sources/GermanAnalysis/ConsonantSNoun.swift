/// The other number of a noun whose stem ends in -s after a consonant, which Snowball stems apart:
/// it reads the final s of the singular as a genitive ending and removes it after b, d, f, g, h, k,
/// l, m, n, r or t (Kurs → kur, Zins → zin, Fuchs → fuch), and keeps it before the plural's ending
/// (Kurse → kurs, Zinsen → zins, Füchse → fuchs).
///
/// A query word is looked up in both numbers; the index is not changed. The plural is guessed as
/// the singular with -e (Kurs → Kurse), the singular as the plural without -e, -en or -es (Zinsen
/// → Zins): a guess that misses gives a form no article has, which finds nothing. A lower-case word
/// only gains its plural: in -se and -sen it may be a verb (bremsen, grinsen), no plural.
public enum ConsonantSNoun {
    /// The noun's other number, or nil when the word does not end so.
    public static func otherNumber(of word: String) -> String? {
        let letters = Array(word.unicodeScalars)
        guard letters.count >= 4, letters.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        let lower = letters.map(\.lowercasedLetter)
        let isUpper = letters.allSatisfy { !$0.properties.isLowercase }
        func endsWithSAfterConsonant(_ count: Int) -> Bool {
            count >= 3 && lower[count - 1] == "s" && snowballRemovesS(after: lower[count - 2])
        }
        if endsWithSAfterConsonant(lower.count) { return word + (isUpper ? "E" : "e") }
        // A lower-case word in -se or -sen may be a verb (bremse, grinsen), no plural.
        guard letters[0].properties.isUppercase else { return nil }
        for ending in ["e", "en", "es"] where lower.count > ending.count + 3 {
            let stemEnd = lower.count - ending.count
            if String(String.UnicodeScalarView(lower[stemEnd...])) == ending && endsWithSAfterConsonant(stemEnd) {
                return String(String.UnicodeScalarView(letters[..<stemEnd]))
            }
        }
        return nil
    }

    /// The letters after which Snowball removes a final s (its s-endings).
    private static func snowballRemovesS(after scalar: Unicode.Scalar) -> Bool {
        "bdfghklmnrt".unicodeScalars.contains(scalar)
    }
}
