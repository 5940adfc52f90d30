/// A byline ("Von Jonas Albrecht | 05.08.2022, 14:30 Uhr") read for the names it gives.
enum Byline {
    /// The names in a byline: its "Von"/"By" opening removed, and parts between separators that are
    /// a date or time and nothing else left out ("Jonas Albrecht | 05.08.2022, 14:30 Uhr" → "Jonas
    /// Albrecht"), so that a byline that is only a date ("08. July 2015, 01:33") names no one. A byline
    /// whose date stands among other words ("Posted on May 5, 2022 by …") is kept as it is.
    static func names(_ text: String) -> String {
        let names = withoutOpening(MetadataExtractor.collapse(text))
        guard names.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return names }
        // The parts, each with the separator before it (nil for the first).
        var parts: [(separator: Character?, text: Substring)] = []
        var partStart = names.startIndex
        var separator: Character?
        for index in names.indices where separators.contains(names[index]) {
            parts.append((separator, names[partStart..<index]))
            separator = names[index]
            partStart = names.index(after: index)
        }
        parts.append((separator, names[partStart...]))
        let dated = parts.filter { $0.text.contains(where: \.isNumber) }
        guard dated.allSatisfy({ isDateOrTime($0.text) }) else { return names }
        var kept = ""
        for part in parts where !part.text.contains(where: \.isNumber) {
            // "Tomas Spahn Fr, 18. Oktober 2019": the weekday before the date goes with it.
            var words = part.text.split(separator: " ")
            while let last = words.last, isDateWord(last.lowercased()) { words.removeLast() }
            let trimmed = words.joined(separator: " ")
            guard !trimmed.isEmpty else { continue }
            if !kept.isEmpty, let separator = part.separator {
                kept += separator == "/" ? "/" : separator == "," ? ", " : " \(separator) "
            }
            kept += trimmed
        }
        return withoutOpening(kept)
    }

    /// A byline without its opening word ("Von ", "By ", "Autor: " …).
    private static func withoutOpening(_ text: String) -> String {
        var t = text
        for prefix in ["Von ", "von ", "By ", "by ", "Autor: ", "Autorin: ", "Text: "] where t.hasPrefix(prefix) {
            t.removeFirst(prefix.count)
        }
        return t
    }

    /// Words besides numbers and month names that a byline's date or time is written with.
    private static let dateWords: Set<String> = [
        "uhr", "am", "um", "on", "at", "pm", "est", "cet", "cest", "mez", "mesz", "utc", "gmt",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "mo", "di", "mi", "do", "fr", "sa", "so", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    ]

    /// True for a month's or weekday's name or another word of a written date or time (lower-case).
    private static func isDateWord(_ word: String) -> Bool {
        let bare = word.hasSuffix(".") || word.hasSuffix(",") ? String(word.dropLast()) : word
        return DateNormalizer.isMonthName(bare) || dateWords.contains(bare)
    }

    /// True when `part` is a date or a time and nothing else ("08. July 2015", "14:30 Uhr").
    private static func isDateOrTime(_ part: Substring) -> Bool {
        part.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).allSatisfy { word in
            word.allSatisfy(\.isNumber) || isDateWord(String(word))
        }
    }

    /// What separates names, dates and times in a byline.
    private static let separators: Set<Character> = [",", "|", "·", "•", "–", "—", "/"]
}
