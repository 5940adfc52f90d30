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
        guard dated.allSatisfy({ DateNormalizer.isDateOrTime($0.text) }) else { return names }
        var kept = ""
        for part in parts where !part.text.contains(where: \.isNumber) {
            // "Tomas Spahn Fr, 18. Oktober 2019": the weekday before the date goes with it.
            var words = part.text.split(separator: " ")
            while let last = words.last, DateNormalizer.isDateWord(last.lowercased()) { words.removeLast() }
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

    /// What separates names, dates and times in a byline.
    private static let separators: Set<Character> = [",", "|", "·", "•", "–", "—", "/"]
}
