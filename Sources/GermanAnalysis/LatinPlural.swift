/// The other number of a noun with a Latin or Greek plural, which Snowball stems apart
/// (Ministerium/Ministerien: ministerium, ministeri; Thema/Themen: thema, them; Zentrum/Zentren).
///
/// Endings: -ium ↔ -ien, -um → -en (not -tum: Reichtum, Wachstum) and back from -ren and -een
/// (Zentren, Museen), -ma ↔ -men. A query word is looked up in both numbers; the index is not
/// changed. Other plurals in -en are not read back to -um: every plural in -en would guess one.
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
        return replacing("ma", with: "men")
    }
}
