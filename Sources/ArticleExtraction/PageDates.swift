import HTMLTree

/// Where a page shows or marks its publication date: microdata, RDFa and `<time>` in the page, and
/// the short text runs around its headline ("Veröffentlicht am 16.08.2019", a dateline above it).
extension MetadataExtractor {
    /// The first of `values` that holds a date, as ISO 8601.
    static func firstDate(_ values: [String?]) -> String? {
        for value in values {
            if let v = value, let date = DateNormalizer.normalize(v) { return date }
        }
        return nil
    }

    /// Values of `itemprop` and RDFa `property` that mark a publication date in the page.
    private static let publicationProperties: Set<String> = [
        "datepublished", "schema:datepublished", "datecreated", "schema:datecreated", "dc:date", "dcterms:created",
    ]

    /// The publication date marked in the page's elements: schema.org microdata or RDFa
    /// (`<abbr itemprop="datePublished" title="…">`, `<span property="schema:dateCreated" content="…">`),
    /// a microformat `published` class with a machine-readable title (hAtom), else the first `<time>`.
    static func markedDate(in root: HTMLElement) -> String? {
        var marked: String?
        var time: String?
        var published: String?
        root.walk { node in
            guard case .element(let element) = node else { return .descend }
            let property = (element[attribute: "itemprop"] ?? element[attribute: "property"])?.fastLowercased()
            if let property, publicationProperties.contains(property) {
                for name in ["content", "datetime", "title"] {
                    if let value = element[attribute: name], let date = DateNormalizer.normalize(value) {
                        marked = date
                        return .stop
                    }
                }
                if let date = DateNormalizer.normalize(collapse(element.textContent)) {
                    marked = date
                    return .stop
                }
            }
            if published == nil, element.classAndIDWords.contains(where: { $0 == "published" || $0 == "dt-published" }) {
                published = (element[attribute: "datetime"] ?? element[attribute: "title"]).flatMap(DateNormalizer.normalize)
            }
            if time == nil, element.name == "time" {
                time = DateNormalizer.normalize(element[attribute: "datetime"] ?? collapse(element.textContent))
            }
            return .descend
        }
        return marked ?? published ?? time
    }

    /// Where a text run stands relative to the headline (the first `<h1>` with text).
    private enum HeadlinePosition { case before, within, after }

    /// The page's short text runs in document order (nav, footer and asides left out), each with
    /// where it stands relative to the headline: at most `keptBefore` of those before it (the last
    /// ones), those in it, and `keptAfter` of those after it; the walk stops there. A run without
    /// digits, which can hold no date, is an empty string in its place.
    private static func shortTexts(
        of root: HTMLElement, keptBefore: Int, keptAfter: Int
    ) -> (before: [String], headline: [String], after: [String]) {
        guard let body = root.firstDescendant(where: { $0.name == "body" }) else { return ([], [], []) }
        // Runs before the headline are kept as runs and read at the end: only the last few count.
        var before: [HTMLText] = []
        var headline: [String] = []
        var after: [String] = []
        var headlineEnd: Int?
        body.walk { node in
            switch node {
            case .text(let text):
                let position: HeadlinePosition = headlineEnd.map { text.documentOrder < $0 ? .within : .after } ?? .before
                guard position != .before else {
                    if dateCandidate(text) != nil {
                        before.append(text)
                        if before.count > 2 * keptBefore { before.removeFirst(before.count - keptBefore) }
                    }
                    return .descend
                }
                guard let candidate = dateCandidate(text) else { return .descend }
                if position == .within { headline.append(candidate) } else { after.append(candidate) }
                return after.count < keptAfter ? .descend : .stop
            case .element(let element):
                if Self.dateFreeElements.contains(element.name) { return .skipChildren }
                // A logo in an <h1> is no headline.
                if element.name == "h1" && headlineEnd == nil && !collapse(element.textContent).isEmpty {
                    headlineEnd = element.subtreeEnd
                }
                return .descend
            }
        }
        return (before.suffix(keptBefore).compactMap(dateCandidate), headline, after)
    }

    /// A text run that may be a date line: at least 8 characters, and a long one only by its opening
    /// when that is a number (a dateline: "27.1.2022 – Bei der …"). Looked at on bytes first: most
    /// runs of a page are white space or prose.
    private static func dateCandidate(_ text: HTMLText) -> String? {
        let (visible, startsWithDigit, hasDigit, hasEntity) = text.withUTF8 { bytes -> (Int, Bool, Bool, Bool) in
            var count = 0
            var startsWithDigit = false
            var hasDigit = false
            var hasEntity = false
            for byte in bytes where byte > 0x20 {
                if count == 0 { startsWithDigit = byte >= 0x30 && byte <= 0x39 }
                count += 1
                if byte >= 0x30 && byte <= 0x39 { hasDigit = true } else if byte == UInt8(ascii: "&") { hasEntity = true }
                // A long run that opens with no digit is no date line: the rest need not be read.
                if count > 160 && !startsWithDigit { break }
            }
            return (count, startsWithDigit, hasDigit, hasEntity)
        }
        guard visible >= 7 else { return nil }
        if visible > 160 && !startsWithDigit { return nil }
        // A run without digits holds no date (and no labelled one), but still counts as a run near the
        // headline: an empty placeholder, measured without making its string (most runs are prose).
        if !hasDigit && !hasEntity { return text.withUTF8(collapsedLength) >= 8 ? "" : nil }
        let trimmed = collapse(text.string)
        // Scalars, not `count`: grapheme segmentation of every text run of every page is costly.
        let length = trimmed.unicodeScalars.count
        guard length >= 8 else { return nil }
        return length > 160 ? String(trimmed.prefix(24)) : trimmed
    }

    private static func firstDate<S: Sequence>(in texts: S) -> String? where S.Element == String {
        for text in texts {
            if let date = DateNormalizer.normalize(text), date.prefix(4) >= "1990" { return date }
        }
        return nil
    }

    /// Labels of a publication date in the page's text ("Veröffentlicht am 16.08.2019").
    private static let publicationLabels = OpeningList([
        "veröffentlicht am", "veröffentlicht:", "erschienen am", "erschienen:", "publiziert am", "publiziert:",
        "published on", "published:",
    ])

    /// The date the page shows with its headline: a labelled publication date after the `<h1>`
    /// ("Erschienen am: 01.11.2023"), else a date in the few text runs just after or before it
    /// ("Stand: 28.04.2020 18:00 Uhr", a dateline above the headline).
    static func dateAtHeadline(of root: HTMLElement) -> String? {
        let (before, _, after) = shortTexts(of: root, keptBefore: 3, keptAfter: 100)
        guard !after.isEmpty else { return nil }
        let labelled = after.prefix(100).filter { publicationLabels.matches(LineOpening($0)) }
        return firstDate(in: labelled)
            ?? firstDate(in: before.suffix(1))
            ?? firstDate(in: after.prefix(8))
            ?? firstDate(in: before.reversed())
    }

    /// The first full date in the page's short text runs: first those after the headline (`<h1>`),
    /// where bylines and datelines stand ("Veröffentlicht am 29. Januar 2020", "29.01.2020 | 14:30"),
    /// then all in document order, which sidebars and footers come last in.
    static func firstDateInText(of root: HTMLElement) -> String? {
        let (before, headline, after) = shortTexts(of: root, keptBefore: 1_000, keptAfter: 1_000)
        return firstDate(in: after.prefix(60)) ?? firstDate(in: (before + headline + after).prefix(1_000))
    }

    /// Elements whose text never holds the article's date (nor a dateline's section).
    static let dateFreeElements: Set<String> = ["nav", "footer", "aside", "script", "style", "select", "option"]
}
