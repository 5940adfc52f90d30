/// The other spelling of a word whose `-s` ending Snowball leaves alone: a name's genitive and a
/// loan word's plural after a vowel, a p or a w (Warschaus/Warschau, Kenias/Kenia, Autos/Auto,
/// Handys/Handy; Apps/App, Start-ups/Start-up, Tipps/Tipp; Interviews/Interview, Lawrows/Lawrow).
///
/// Snowball removes a final s only after b, d, f, g, h, k, l, m, n, r or t (Putins → putin), so
/// "Chinas" and "China" get two stems. A query word is looked up in both spellings; the index is
/// not changed. Short words and diphthongs are left out where the other spelling is another word:
/// Haus/hauen, Klaus/klauen, Graus/grau, Mai/Mais, Ei/Eis; so are News (New York) and Raps (Rap).
public enum FinalSVariant {
    /// The word with its final `s` removed or added, or nil when it has no such variant.
    public static func of(_ word: String) -> String? {
        let letters = Array(word.unicodeScalars)
        guard letters.count >= 3, letters.allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        let last = letters[letters.count - 1].lowercasedLetter
        if last == "s" {
            guard letters.count >= 4, !exceptions.contains(String(String.UnicodeScalarView(letters.map(\.lowercasedLetter))))
            else { return nil }
            let letter = letters[letters.count - 2].lowercasedLetter
            guard snowballKeepsS(after: letter) else { return nil }
            let before = letters[letters.count - 3].lowercasedLetter
            let minimum = isDiphthong(before, letter) ? 6 : 4
            guard letters.count >= minimum else { return nil }
            return String(String.UnicodeScalarView(letters.dropLast()))
        }
        guard snowballKeepsS(after: last) else { return nil }
        let before = letters[letters.count - 2].lowercasedLetter
        guard letters.count >= (isDiphthong(before, last) ? 5 : 3) else { return nil }
        let isUpper = letters.allSatisfy { !$0.properties.isLowercase }
        return word + (isUpper ? "S" : "s")
    }

    /// The letters after which Snowball keeps an s and loan words and names take one: the vowels
    /// but e (Snowball removes -es, and -s after e), p and w.
    private static func snowballKeepsS(after scalar: Unicode.Scalar) -> Bool {
        "aiouyäöüpw".unicodeScalars.contains(scalar)
    }

    /// Words whose form without s is another word.
    private static let exceptions: Set<String> = ["news", "raps"]

    /// au, äu, eu, ei, ai, ey, ay, oy: endings of short German words whose s-form is another word.
    private static func isDiphthong(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Bool {
        switch (first, second) {
        case ("a", "u"), ("ä", "u"), ("e", "u"), ("e", "i"), ("a", "i"), ("e", "y"), ("a", "y"), ("o", "y"): true
        default: false
        }
    }
}
