import HTMLTree

/// The page's headline and title: the `<h1>` that matches the `<title>`, without kickers, and
/// titles without the site's name.
extension MetadataExtractor {
    /// The page's headline: of the `<h1>`s outside navigation, headers and other boilerplate, the one
    /// that shares most words with the `<title>`. An `<h1>` sharing none ("Navigation und Service",
    /// the site's name) gives way to the `<title>` when there is one.
    static func headline(in root: HTMLElement, titleTag: String) -> String {
        var candidates: [String] = []
        func visit(_ element: HTMLElement) {
            // Tags and hidden elements only: article headlines often sit in a "header" box.
            if BoilerplateRules.isBoilerplate(element, classWords: false) && element.name != "h1" { return }
            if element.name == "h1" {
                let text = headlineText(of: element)
                if !text.isEmpty { candidates.append(text) }
                return
            }
            for child in element.childElements { visit(child) }
        }
        visit(root)
        let titleWords = Set(words(of: titleTag))
        guard !titleWords.isEmpty else { return candidates.first ?? "" }
        let scored = candidates.map { candidate in
            (candidate, words(of: candidate).filter(titleWords.contains).count)
        }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0 else { return "" }
        return best.0
    }

    /// Class words of the parts of a heading that are not the headline: kickers, datelines, categories.
    private static let kickerWords: Set<String> = [
        "dachzeile", "kicker", "topline", "overline", "roofline", "spitzmarke", "date", "time", "category",
        "categories", "meta", "label", "subtitle",
    ]

    /// The words of an `<h1>` without its kicker (`<span class="dachzeile">`), a `<small>` line or a
    /// dateline inside it; element boundaries and `<br>` separate words.
    static func headlineText(of heading: HTMLElement) -> String {
        var text = ""
        func gather(_ element: HTMLElement) {
            for child in element.children {
                switch child {
                case .text(let piece): text += piece.string
                case .element(let inner):
                    if inner.name == "small" || inner.name == "time" || inner.name == "script"
                        || BoilerplateRules.words(of: inner).contains(where: kickerWords.contains)
                    {
                        continue
                    }
                    text += " "
                    gather(inner)
                    text += " "
                }
            }
        }
        gather(heading)
        let headline = collapse(text)
        return headline.isEmpty ? collapse(heading.textContent) : headline
    }

    /// Lower-case words of at least three letters.
    static func words(of text: String) -> [String] {
        // Scalar by scalar when every character is one scalar with a one-scalar lower case (below the
        // combining marks, no dotted capital I): the same words without grapheme breaking, which was
        // a twentieth of extraction. Character.isLetter/isNumber read their first scalar's properties.
        guard text.unicodeScalars.allSatisfy({ $0.value < 0x300 && $0.value != 0x130 }) else {
            return text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).filter { $0.count >= 3 }
                .map(String.init)
        }
        var result: [String] = []
        var word: [UInt8] = []
        var length = 0
        forEachLowercasedScalar(of: text) { lower in
            let isAlphanumeric =
                (lower.value >= 0x61 && lower.value <= 0x7A) || (lower.value >= 0x30 && lower.value <= 0x39)
                || (lower.value >= 0x80 && (lower.properties.isAlphabetic || lower.properties.numericType != nil))
            if isAlphanumeric {
                word.append(contentsOf: lower.utf8)
                length += 1
            } else {
                if length >= 3 { result.append(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
                length = 0
            }
        }
        if length >= 3 { result.append(String(decoding: word, as: UTF8.self)) }
        return result
    }

    /// What names the site rather than the article: the site name, or the part of the <title> after
    /// a separator while the <title> has another part. Lower-cased once per page.
    struct SiteNames {
        private let siteName: String
        private let title: String

        /// `titleTag` collapsed already (as `metadata` reads it).
        init(titleTag: String, siteName: String) {
            self.siteName = siteName.isEmpty ? "" : collapse(siteName).fastLowercased()
            title = titleTag.fastLowercased()
        }

        /// True when `candidate` names the site.
        func contains(_ candidate: String) -> Bool {
            let text = collapse(candidate).fastLowercased()
            guard !text.isEmpty else { return false }
            if !siteName.isEmpty && text == siteName { return true }
            for separator in [" | ", " – ", " — ", " - ", " :: ", " · ", " » ", ": "] where title.containsBytes(separator) {
                let parts = title.parts(separatedBy: separator)
                if parts.count >= 2 && parts.dropFirst().contains(text) && !parts[0].isEmpty && parts[0] != text { return true }
            }
            return false
        }
    }

    /// A page title without the site's name: "Headline | Site", "Headline - Site", "Site: Headline".
    static func cleanTitle(_ raw: String, site: String) -> String {
        let title = collapse(raw)
        let siteLower = site.fastLowercased()
        for separator in [" | ", " – ", " — ", " - ", " :: ", " · ", " » ", " >> ", " • ", " │ "] where title.containsBytes(separator) {
            let parts = title.parts(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            if !siteLower.isEmpty {
                let kept = parts.filter { part in
                    let lower = part.fastLowercased()
                    return !lower.contains(siteLower) && !siteLower.contains(lower)
                }
                if !kept.isEmpty && kept.count < parts.count { return kept.joined(separator: separator) }
            }
            // Without a site name: drop short last parts ("… | Lokalzeitung", "… | site.ch | Magazin").
            var kept = parts
            while kept.count >= 2, let last = kept.last, last.split(separator: " ").count <= 3,
                kept.dropLast().joined(separator: separator).count > last.count
            {
                kept.removeLast()
            }
            if kept.count < parts.count { return kept.joined(separator: separator) }
        }
        return title
    }
}
