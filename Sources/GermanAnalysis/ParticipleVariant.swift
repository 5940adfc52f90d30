/// The infinitive of a past participle in a question (gegründet → gründen, angebaut → anbauen,
/// eingesetzt → einsetzen), which Snowball stems apart from the participle: it keeps the ge-, so
/// "gegründet" (gegrundet) misses "gründen" and "Gründung" (grund).
///
/// Only the form is looked at, so a noun that looks like a participle gets an infinitive too (gewalt →
/// walen); any-word queries (questions) use it, weighted below the word (`SearchRequest.weakVariantWeight`).
public enum ParticipleVariant {
    /// Separable particles that stand before the ge- of a participle (angebaut, eingesetzt).
    private static let particles = [
        "zurück", "statt", "fest", "teil", "frei", "nach", "auf", "aus", "ein", "mit", "vor", "her", "hin", "los",
        "weg", "an", "ab", "zu", "um",
    ]

    /// The infinitive, or nil when `word` is no lower-case word of the form [particle]ge…(e)t or
    /// [particle]ge…en (a strong verb's participle, whose -en Snowball removes itself).
    public static func of(_ word: String) -> String? {
        guard word.count >= 6, word.allSatisfy({ $0.isLetter && $0.isLowercase }) else { return nil }
        let particle = particles.first { word.hasPrefix($0 + "ge") && word.count >= $0.count + 6 } ?? ""
        let afterParticle = word.dropFirst(particle.count)
        guard afterParticle.hasPrefix("ge") else { return nil }
        let rest = afterParticle.dropFirst(2)
        guard rest.count >= 3 else { return nil }
        if rest.hasSuffix("en") { return particle + rest }
        let base: Substring
        if rest.hasSuffix("et"), rest.count >= 5 {
            base = rest.dropLast(2)
        } else if rest.hasSuffix("t") {
            base = rest.dropLast()
        } else {
            return nil
        }
        guard base.count >= 2 else { return nil }
        // feiern, sammeln: stems in -er and -el take -n.
        return particle + base + (base.hasSuffix("el") || base.hasSuffix("er") ? "n" : "en")
    }
}
