/// The other spelling of a word whose `-s` ending Snowball leaves alone: a name's genitive and a
/// loan word's plural after a vowel (Warschaus/Warschau, Kenias/Kenia, Autos/Auto, Handys/Handy).
///
/// Snowball removes a final s only after b, d, f, g, h, k, l, m, n, r or t (Putins → putin), so
/// "Chinas" and "China" get two stems. A query word is looked up in both spellings; the index is
/// not changed. Short words and diphthongs are left out where the other spelling is another word:
/// Haus/hauen, Klaus/klauen, Graus/grau, Mai/Mais, Ei/Eis.
public enum VowelSVariant {
    /// The word with its final `s` removed or added, or nil when it has no such variant.
    public static func of(_ word: String) -> String? {
        let letters = Array(word.unicodeScalars)
        guard letters.count >= 3, letters.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        let last = letters[letters.count - 1].lowercasedLetter
        if last == "s" {
            guard letters.count >= 4 else { return nil }
            let vowel = letters[letters.count - 2].lowercasedLetter
            guard snowballKeepsS(after: vowel) else { return nil }
            let before = letters[letters.count - 3].lowercasedLetter
            let minimum = isDiphthong(before, vowel) ? 6 : 4
            guard letters.count >= minimum else { return nil }
            return String(String.UnicodeScalarView(letters.dropLast()))
        }
        guard snowballKeepsS(after: last) else { return nil }
        let before = letters[letters.count - 2].lowercasedLetter
        guard letters.count >= (isDiphthong(before, last) ? 5 : 3) else { return nil }
        let isUpper = letters.allSatisfy { !$0.properties.isLowercase }
        return word + (isUpper ? "S" : "s")
    }

    /// The vowels after which Snowball keeps an s; not e (Snowball removes -es, and -s after e).
    private static func snowballKeepsS(after scalar: Unicode.Scalar) -> Bool {
        "aiouyäöü".unicodeScalars.contains(scalar)
    }

    /// au, äu, eu, ei, ai, ey, ay, oy: endings of short German words whose s-form is another word.
    private static func isDiphthong(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        switch (first, second) {
        case ("a", "u"), ("ä", "u"), ("e", "u"), ("e", "i"), ("a", "i"), ("e", "y"), ("a", "y"), ("o", "y"): true
        default: false
        }
    }
}
