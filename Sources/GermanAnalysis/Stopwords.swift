/// Very common German (and a few English) function words: the Snowball German stop list, question
/// words and a few more.
///
/// They stay in the index (phrases need them) but do not drive any-word queries. Compared after
/// case folding, before stemming.
public enum Stopwords {
    /// The folded stopwords.
    public static let german: Set<String> = [
        "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander", "andere",
        "anderem", "anderen", "anderer", "anderes", "anderm", "andern", "anders", "auch", "auf", "aus", "bei",
        "bin", "bis", "bist", "da", "damit", "dann", "der", "den", "des", "dem", "die", "das", "dass", "daß",
        "derselbe", "derselben", "denselben", "desselben", "demselben", "dieselbe", "dieselben", "dasselbe",
        "dazu", "dein", "deine", "deinem", "deinen", "deiner", "deines", "denn", "derer", "dessen", "dich",
        "dir", "du", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort", "durch", "ein",
        "eine", "einem", "einen", "einer", "eines", "einig", "einige", "einigem", "einigen", "einiger",
        "einiges", "einmal", "er", "ihn", "ihm", "es", "etwas", "euer", "eure", "eurem", "euren", "eurer",
        "eures", "für", "gegen", "gewesen", "hab", "habe", "haben", "hat", "hatte", "hatten", "hier", "hin",
        "hinter", "ich", "mich", "mir", "ihr", "ihre", "ihrem", "ihren", "ihrer", "ihres", "euch", "im", "in",
        "indem", "ins", "ist", "jede", "jedem", "jeden", "jeder", "jedes", "jene", "jenem", "jenen", "jener",
        "jenes", "jetzt", "kann", "kein", "keine", "keinem", "keinen", "keiner", "keines", "können", "könnte",
        "machen", "man", "manche", "manchem", "manchen", "mancher", "manches", "mein", "meine", "meinem",
        "meinen", "meiner", "meines", "mit", "muss", "musste", "nach", "nicht", "nichts", "noch", "nun",
        "nur", "ob", "oder", "ohne", "sehr", "sein", "seine", "seinem", "seinen", "seiner", "seines",
        "selbst", "sich", "sie", "ihnen", "sind", "so", "solche", "solchem", "solchen", "solcher", "solches",
        "soll", "sollte", "sondern", "sonst", "über", "um", "und", "uns", "unser", "unsere", "unserem",
        "unseren", "unserer", "unseres", "unter", "viel", "viele", "vielen", "vom", "von", "vor", "während",
        "war", "waren", "warst", "was", "weg", "weil", "weiter", "welche", "welchem", "welchen", "welcher",
        "welches", "wenn", "werde", "werden", "wie", "wieder", "will", "wir", "wird", "wirst", "wo", "wollen",
        "wollte", "würde", "würden", "zu", "zum", "zur", "zwar", "zwischen", "wer", "wen", "wem", "wessen",
        "wann", "warum", "wieso", "weshalb", "wieviel", "wieviele", "woher", "wohin", "womit", "wodurch",
        "wofür", "worauf", "worüber", "wurde", "wurden", "worden", "gibt", "gab", "gegeben", "bzw", "beim",
        "seit", "sowie", "sowohl", "lassen", "ließ", "laut", "the", "a", "and", "or", "of", "to", "is", "on",
        "for",
    ]

    /// True when `word` (any case) is a stopword.
    public static func contains(_ word: String) -> Bool { german.contains(word.lowercased()) }

    /// True for a stopword given as lower-case Latin-1 letters (the analyzer's form of a word).
    static func containsLatin1(_ letters: [UInt8]) -> Bool {
        letters.count <= longest && latin1.contains(letters)
    }

    /// The stopwords as Latin-1 bytes: the analyzer asks for every new word, and making a `String`
    /// of it to ask `german` cost about 4 % of the analysis of new text.
    private static let latin1: Set<[UInt8]> = Set(german.compactMap { Latin1.bytes($0) })

    private static let longest = german.map(\.count).max() ?? 0
}
