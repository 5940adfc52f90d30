/// Other forms of a verb form in a question, which Snowball stems apart from it.
///
/// A past participle's infinitive (gegründet → gründen, angebaut → anbauen, entdeckt → entdecken):
/// Snowball keeps the ge- and the final -t, so "gegründet" (gegrundet) misses "gründen" (grund),
/// "angebaut" misses "Anbau" (anbau) and "entdeckt" misses "entdecken" and "Entdeckung" (entdeck).
///
/// Only the form is looked at, so a word that merely looks like a participle gets an infinitive too
/// (gewalt → walen); any-word queries (questions) use it, weighed below the word
/// (`SearchRequest.weakVariantWeight`).
///
/// The family of a verb in -ieren: finanziert, finanzieren and Finanzierung stem to finanziert,
/// finanzi and finanzier; each brings the other two, and the bare stem (Finanz-, Protest, Reform).
public enum VerbForms {
    /// The other forms of `word`: a participle's infinitive, or the rest of an -ieren family.
    public static func variants(of word: String) -> [String] {
        if let infinitive = infinitive(ofParticiple: word) { return [infinitive] }
        return ierenFamily(of: word)
    }

    /// Endings of the -ieren family, longest first, and the forms each brings.
    private static let ierenEndings = ["ierungen", "ierung", "ierten", "ierte", "ieren", "iert"]
    private static let ierenForms = ["ieren", "iert", "ierung"]

    /// finanzierte → finanzieren, finanziert, finanzierung, finanz (lower-case, as the analyzer folds case).
    private static func ierenFamily(of word: String) -> [String] {
        let lowered = word.lowercased()
        guard lowered.allSatisfy(\.isLetter),
            let ending = ierenEndings.first(where: { lowered.hasSuffix($0) && lowered.count >= $0.count + 3 })
        else { return [] }
        let stem = lowered.dropLast(ending.count)
        // The bare stem is often the noun the verb was made from (protestieren: Protest, reformieren:
        // Reform, finanzieren: Finanzen).
        let noun = stem.count >= 4 ? [String(stem)] : []
        return ierenForms.filter { $0 != ending }.map { stem + $0 } + noun
    }

    /// Separable particles that stand before the ge- of a participle (angebaut, eingesetzt).
    private static let particles = [
        "zurück", "statt", "fest", "teil", "frei", "nach", "auf", "aus", "ein", "mit", "vor", "her", "hin", "los",
        "weg", "an", "ab", "zu", "um",
    ]
    /// Inseparable prefixes, whose verbs form the participle without ge- (entdeckt, verkauft, besiegt).
    private static let inseparablePrefixes = ["miss", "ent", "emp", "ver", "zer", "be", "er"]

    /// The infinitive, or nil when `word` is no lower-case word of the form [particle]ge…(e)t,
    /// [particle]ge…en (a strong verb's participle, whose -en Snowball removes itself) or
    /// be-/ent-/er-/ver-/zer-/emp-/miss-…t.
    static func infinitive(ofParticiple word: String) -> String? {
        guard word.count >= 6, word.allSatisfy({ $0.isLetter && $0.isLowercase }) else { return nil }
        let particle = particles.first { word.hasPrefix($0 + "ge") && word.count >= $0.count + 6 } ?? ""
        let afterParticle = word.dropFirst(particle.count)
        guard afterParticle.hasPrefix("ge") else { return inseparableInfinitive(of: word) }
        let rest = afterParticle.dropFirst(2)
        guard rest.count >= 3 else { return nil }
        if rest.hasSuffix("en") { return particle + rest }
        return weakInfinitive(of: rest, atLeast: 3).map { particle + $0 }
    }

    /// entdeckt → entdecken, verhaftet → verhaften (not -st: verlust is no participle).
    private static func inseparableInfinitive(of word: String) -> String? {
        guard let prefix = inseparablePrefixes.first(where: { word.hasPrefix($0) }), !word.hasSuffix("st") else {
            return nil
        }
        return weakInfinitive(of: Substring(word), atLeast: prefix.count + 4)
    }

    /// A weak participle's stem (without -et or -t) with the infinitive's -en (-n after -el and -er:
    /// feiern, sammeln); -et counts as the ending only when `atLeast` letters remain with a t.
    private static func weakInfinitive(of form: Substring, atLeast minimum: Int) -> String? {
        guard form.hasSuffix("t"), form.count >= minimum else { return nil }
        let base = form.dropLast(form.hasSuffix("et") && form.count >= minimum + 2 ? 2 : 1)
        guard base.count >= 2 else { return nil }
        return base + (base.hasSuffix("el") || base.hasSuffix("er") ? "n" : "en")
    }
}
