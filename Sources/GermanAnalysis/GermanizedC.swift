/// The German spelling of a word written with a Latin or English c: Doctor/Doktor,
/// Victoria/Viktoria, Cuba/Kuba, Club/Klub, Cyanobakterien/Zyanobakterien, Accent/Akzent.
///
/// German spelling turned most such c into k (before a, o, u, a consonant or at the end) or z
/// (before e, i, y, ä, ö), but names, titles and loan words keep the c, so one archive holds both
/// ("Doctor Who" and "der Doktor"). A query word is looked up in its German spelling too; the
/// index is not changed. Only this direction: a k or z has no single c-spelling to go back to.
public enum GermanizedC {
    /// The word with each c that is not part of ch, ck or sc respelled, or nil when there is none
    /// or the word is an acronym or mixed case (CDU, McDonald).
    public static func of(_ word: String) -> String? {
        let letters = Array(word.unicodeScalars)
        guard letters.count >= 3, letters.allSatisfy({ $0.properties.isAlphabetic }),
            letters.dropFirst().allSatisfy({ $0.properties.isLowercase })
        else { return nil }
        var respelled = String.UnicodeScalarView()
        var changed = false
        for (index, letter) in letters.enumerated() {
            let next = index + 1 < letters.count ? letters[index + 1].lowercasedLetter : nil
            let previous = index > 0 ? letters[index - 1].lowercasedLetter : nil
            guard letter.lowercasedLetter == "c", next != "h", next != "k", previous != "s" else {
                respelled.append(letter)
                continue
            }
            let soft = next.map { "eiyäö".unicodeScalars.contains($0) } ?? false
            let german: Unicode.Scalar = soft ? "z" : "k"
            respelled.append(letter.properties.isUppercase ? german.uppercasedLetter : german)
            changed = true
        }
        return changed ? String(respelled) : nil
    }
}
