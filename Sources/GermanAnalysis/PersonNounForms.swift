/// The other gender and number of a noun for a person, which Snowball stems apart unless the
/// masculine ends in -er (Lehrerin and Lehrer both stem to lehr): Ärztin, Ärztinnen and Arzt stem
/// to arztin, arztinn and arzt; Journalistin, Kollegin, Chinesin likewise.
///
/// A query word is looked up in these forms too, weighed below the form asked for (a search for
/// "Ärztinnen" finds "Ärzte" after "Ärztinnen", one for "Journalist" finds "Journalistinnen"); the
/// index is not changed. Only a noun whose masculine ends as nouns for people do (-ist, -ent, -ant,
/// -at, -or, -eur, -loge …) or is one of a short list (Arzt, Koch, Kollege, Chef, Freund …), and
/// whose masculine and feminine the compound lexicon both lists as nouns (for a compound: its
/// head), so that Termin, Benzin, Putin and Berlin are read as no feminine forms.
public enum PersonNounForms {
    /// The forms to look `word` up in besides itself: for a feminine, its masculine and its other
    /// number; for a masculine, the feminine singular and plural. Empty for any other word.
    public static func of(_ word: String) -> [String] {
        guard word.count >= 4, word.allSatisfy(\.isLetter), let letters = Latin1.bytes(word.lowercased()) else {
            return []
        }
        let capitalised = word.first?.isUppercase == true
        func written(_ bytes: [UInt8]) -> String {
            let text = Latin1.string(bytes)
            return capitalised ? text.prefix(1).uppercased() + text.dropFirst() : text
        }
        let innen = Array("innen".utf8)
        let feminineEnding = letters.ends(with: innen) ? innen : letters.ends(with: Array("in".utf8)) ? Array("in".utf8) : nil
        if let feminineEnding {
            let base = Array(letters.dropLast(feminineEnding.count))
            guard !exceptions.contains(letters), isPersonNoun(base: base) else { return [] }
            let otherNumber = feminineEnding == innen ? Array("in".utf8) : innen
            return [written(base + [UInt8(ascii: "e")]), written(base + otherNumber)]
        }
        // Ruß is no Russe.
        guard !letters.contains(0xDF) else { return [] }
        var stem = letters
        stemmer.stem(&stem)
        guard !stem.ends(with: Array("er".utf8)), isPersonNoun(base: stem) else { return [] }
        return [written(stem + Array("in".utf8)), written(stem + innen)]
    }

    /// True when `base` (lower-case Latin-1, without -in, -innen or -e) ends as a noun for a person
    /// does and the lexicon lists both its masculine (base + e) and its feminine (base + in) as
    /// nouns: the whole word's or, for a compound, its head's (Partei|chef, Vize|präsident).
    private static func isPersonNoun(base: [UInt8]) -> Bool {
        guard endsAsPersonNoun(base) else { return false }
        if hasNounForms(base) { return true }
        guard base.count >= CompoundSplitter.minimumWordLength, let head = CompoundSplitter(forFewWords: true).split(base)?.last,
            head.count >= 4, endsAsPersonNoun(head)
        else { return false }
        return hasNounForms(head)
    }

    /// True when `base` ends in an ending of `endings` (four letters and more) or is one of the
    /// `bases` or ends in one.
    private static func endsAsPersonNoun(_ base: [UInt8]) -> Bool {
        guard base.count >= 3, !base.ends(with: Array("er".utf8)) else { return false }
        let folded = Latin1.foldingUmlauts(base)
        if shortBases.contains(folded) || bases.contains(where: { folded.ends(with: $0) }) { return true }
        return base.count >= 4 && endings.contains { base.ends(with: $0) }
    }

    /// True when the lexicon lists the stems of `base` + e and `base` + in as nouns.
    private static func hasNounForms(_ base: [UInt8]) -> Bool {
        [[UInt8(ascii: "e")], Array("in".utf8)].allSatisfy { ending in
            var form = base + ending
            stemmer.stem(&form)
            return CompoundLexicon.sortedEntry(form)?.isNoun == true
        }
    }

    private static let stemmer = GermanStemmer()

    /// Endings of masculine nouns for people, as written: -är (Sekretär) apart from -ar (Kommissar).
    private static let endings: [[UInt8]] = [
        "ist", "ent", "ant", "and", "at", "ot", "it", "or", "eur", "eut", "og", "ekt", "ast", "aut", "ar",
    ].map { Array($0.utf8) } + [[0xE4, UInt8(ascii: "r")]]

    /// Masculines of other endings, also as a compound's head (Kinder|arzt, Partei|chef), folded.
    private static let bases: [[UInt8]] = [
        "arzt", "kolleg", "chef", "freund", "kund", "nachbar", "koch", "beamt", "gatt", "furst", "graf",
        "herzog", "held", "gott", "sklav", "turk", "russ", "griech", "serb", "schwed", "finn",
        "franzos", "chines", "wirt", "hirt", "kamerad",
    ].map { Array($0.utf8) }

    /// Masculines taken only as the whole word: short ones (Jüdin, Dänin, Polin, Botin, Erbin) and
    /// Zeuge, as a head mostly the Zeug of Flug|zeug.
    private static let shortBases: Set<[UInt8]> = Set(["jud", "dan", "pol", "bot", "erb", "zeug"].map { Array($0.utf8) })

    /// Names that read like a feminine of a noun the lexicon knows (Konstantin, Konstante).
    private static let exceptions: Set<[UInt8]> = [Array("konstantin".utf8)]
}

extension Array where Element == UInt8 {
    /// True when the array ends with `suffix`.
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
