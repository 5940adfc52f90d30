/// Very common German (and a few English) function words.
///
/// They stay in the index (phrases need them) but do not drive any-word queries. Compared after
/// case folding, before stemming.
public enum Stopwords {
    /// The folded stopwords.
    public static let german: Set<String> = [
        "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander", "andere",
        "anderem", "anderen", "anderer", "anderes", "auch", "auf", "aus", "bei", "bin", "bis", "bist",
        "da", "damit", "dann", "das", "dass", "daß", "dein", "deine", "dem", "den", "denn", "der", "des",
        "dessen", "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort", "du",
        "durch", "ein", "eine", "einem", "einen", "einer", "eines", "er", "es", "etwas", "euch", "euer",
        "für", "gegen", "hab", "habe", "haben", "hat", "hatte", "hier", "hin", "hinter", "ich", "ihm",
        "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "in", "indem", "ins", "ist", "ja",
        "jede", "jedem", "jeden", "jeder", "jedes", "jetzt", "kann", "kein", "keine", "können", "man",
        "manche", "mein", "meine", "mich", "mir", "mit", "muss", "nach", "nicht", "nichts", "noch", "nun",
        "nur", "ob", "oder", "ohne", "sehr", "sein", "seine", "seinem", "seinen", "seiner", "sich", "sie",
        "sind", "so", "solche", "soll", "sondern", "sonst", "über", "um", "und", "uns", "unser", "unter",
        "viel", "vom", "von", "vor", "war", "waren", "warst", "was", "weg", "weil", "weiter", "welche",
        "welchem", "welchen", "welcher", "welches", "wenn", "werde", "werden", "wie", "wieder", "will",
        "wir", "wird", "wirst", "wo", "wollen", "wollte", "würde", "würden", "zu", "zum", "zur", "zwar",
        "zwischen", "wer", "wem", "wen", "wann", "warum", "welch", "wurde", "wurden", "worden", "gibt",
        "the", "a", "an", "and", "or", "of", "to", "is", "in", "on", "for",
    ]

    /// True when `word` (any case) is a stopword.
    public static func contains(_ word: String) -> Bool { german.contains(word.lowercased()) }
}
