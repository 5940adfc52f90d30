import HTMLTree

/// Reads an article's metadata from `<meta>` tags, JSON-LD (https://schema.org/NewsArticle),
/// `<link rel=canonical>`, `<time>`, `<h1>` and `<title>`.
struct PageMetadata {
    var title = ""
    var date = ""
    var author = ""
    var section = ""
    var url = ""
    var language = ""
    var siteName = ""
    /// JSON-LD `articleBody`, kept as a fallback for pages whose markup hides the text.
    var jsonBody = ""
}

enum MetadataExtractor {
    static func metadata(of root: HTMLElement) -> PageMetadata {
        var meta: [String: String] = [:]
        var canonical = ""
        var titleTag = ""
        var jsonLD: [JSONValue] = []
        for element in root.descendants(where: { Self.headElements.contains($0.name) }) {
            switch element.name {
            case "meta":
                let key = (element[attribute: "property"] ?? element[attribute: "name"]
                    ?? element[attribute: "itemprop"] ?? element[attribute: "http-equiv"])?.fastLowercased()
                if let key, let content = element[attribute: "content"], meta[key] == nil {
                    meta[key] = content.trimmingWhitespace()
                }
            case "link":
                if element[attribute: "rel"]?.fastLowercased() == "canonical", canonical.isEmpty {
                    canonical = element[attribute: "href"] ?? ""
                }
            case "title":
                if titleTag.isEmpty { titleTag = collapse(element.textContent) }
            default:
                jsonLD.append(contentsOf: JSONLD.objects(in: element.textContent))
            }
        }
        let article = jsonLD.first { JSONLD.isArticle($0) } ?? jsonLD.first ?? .object([:])
        var result = PageMetadata()
        result.siteName = meta["og:site_name"] ?? ""
        result.language = languageCode(
            root[attribute: "lang"] ?? meta["content-language"] ?? meta["og:locale"]
                ?? JSONLD.string(article["inLanguage"]) ?? "")
        result.url = first(canonical, meta["og:url"], JSONLD.string(article["url"]), JSONLD.string(article["mainEntityOfPage"]))
        var h1 = headline(in: root, titleTag: titleTag)
        // On blogs the <h1> is often the site's name, which the <title> repeats after a separator.
        let siteNames = SiteNames(titleTag: titleTag, siteName: result.siteName)
        if h1.count > 300 || siteNames.contains(h1) { h1 = "" }
        let ogTitle = meta["og:title"].flatMap { siteNames.contains($0) ? nil : $0 }
        result.title = first(
            h1, JSONLD.string(article["headline"]).map { cleanTitle($0, site: result.siteName) },
            ogTitle.map { cleanTitle($0, site: result.siteName) },
            cleanTitle(titleTag, site: result.siteName), meta["twitter:title"], meta["title"])
        // A full date in the URL's path is the publication date as the site filed it; a page's own
        // tags often carry a later revision's.
        let urlDate = DateNormalizer.fromURL(result.url)
        result.date = urlDate ?? firstDate([
            meta["article:published_time"], JSONLD.string(article["datePublished"]), meta["datepublished"],
            meta["pubdate"], meta["publishdate"], meta["publish-date"], meta["dc.date.issued"],
            meta["dcterms.created"], meta["og:published_time"], meta["sailthru.date"], meta["parsely-pub-date"],
        ])
            // Walks the tree, so only when no meta tag names the publication date.
            ?? markedDate(in: root)
            // A plain "date" is often the last revision's (TYPO3, Government Site Builder): after what the page shows.
            ?? firstDate([meta["date"], meta["dc.date"], meta["dcterms.date"], meta["last-modified"]])
            ?? firstDate([
                JSONLD.string(article["dateCreated"]),
                // Any JSON-LD object's date (a WebPage beside no Article), then other publication meta tags.
                jsonLD.lazy.compactMap { JSONLD.string($0["datePublished"]) }.first,
                meta.first { $0.key.hasSuffix("published_time") || $0.key.hasSuffix("publish_date") }?.value,
                meta["article:modified_time"], JSONLD.string(article["dateModified"]),
            ]) ?? ""
        if result.language.isEmpty || result.language == "de" { result.date = DateNormalizer.inGermanTime(result.date) }
        // What the page shows beside its headline wins over its tags (which often carry the first
        // draft's or the last revision's date), but not over the URL's date.
        if urlDate == nil, let shown = dateAtHeadline(of: root), !result.date.hasPrefix(shown) {
            result.date = shown
        }
        result.author = first(
            JSONLD.author(article["author"]), meta["author"], meta["article:author"].flatMap { $0.contains("://") ? nil : $0 },
            meta["dc.creator"], meta["byl"].map(Byline.names))
        // The page walks only when the head has no author or section.
        if result.author.isEmpty { result.author = first(authorInPage(root)) }
        result.section = first(
            meta["article:section"], JSONLD.string(article["articleSection"]), meta["section"],
            meta["og:section"], meta["category"])
        if result.section.isEmpty { result.section = first(breadcrumbSection(root)) }
        result.jsonBody = JSONLD.string(article["articleBody"]) ?? ""
        return result
    }

    /// The elements of a page's head that hold metadata (JSON-LD in `<script>`).
    private static let headElements: Set<String> = ["meta", "link", "title", "script"]

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

    /// The first non-empty value.
    static func first(_ values: String?...) -> String {
        for value in values {
            if let v = value?.trimmingWhitespace(), !v.isEmpty { return decodingLeftoverEntities(v) }
        }
        return ""
    }

    /// Entities some sites escape twice in metadata ("Titel &raquo; Site" in `<title>`), decoded.
    static func decodingLeftoverEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let named: [String: String] = [
            "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "nbsp": " ", "raquo": "»", "laquo": "«",
            "ndash": "–", "mdash": "—", "bdquo": "„", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’",
            "hellip": "…", "auml": "ä", "ouml": "ö", "uuml": "ü", "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß",
        ]
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            guard let semicolon = rest[afterAmpersand...].prefix(10).firstIndex(of: ";") else {
                result += "&"
                rest = rest[afterAmpersand...]
                continue
            }
            let name = String(rest[afterAmpersand..<semicolon])
            var decoded: String?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                decoded = named[name]
            }
            if let decoded {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[afterAmpersand...]
            }
        }
        return (result + rest).collapsingWhitespace()
    }

    private static func firstDate(_ values: [String?]) -> String? {
        for value in values {
            if let v = value, let date = DateNormalizer.normalize(v) { return date }
        }
        return nil
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

    /// White space collapsed to single spaces, trimmed; entities left in the text decoded.
    static func collapse(_ text: String) -> String {
        decodingLeftoverEntities(text.collapsingWhitespace())
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

    private static func languageCode(_ raw: String) -> String {
        let code = raw.lowercased().prefix { $0.isLetter }
        return code.count >= 2 && code.count <= 3 ? String(code) : ""
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

    /// Elements whose text never holds the article's date.
    private static let dateFreeElements: Set<String> = ["nav", "footer", "aside", "script", "select", "option"]

    /// The last entry of a breadcrumb trail ("Startseite › Politik" → "Politik").
    private static func breadcrumbSection(_ root: HTMLElement) -> String? {
        let trail = root.firstDescendant { element in
            BoilerplateRules.words(of: element).contains { $0 == "breadcrumb" || $0 == "breadcrumbs" }
        }
        guard let trail else { return nil }
        let links = trail.descendants(where: { $0.name == "a" || $0.name == "span" || $0.name == "li" })
        let names = (links.isEmpty ? [trail] : links).map { collapse($0.textContent) }
        let home: Set<String> = ["startseite", "home", "homepage", "start", "news", "nachrichten"]
        let candidate = names.last { !$0.isEmpty && !home.contains($0.lowercased()) && !$0.contains("›") }
        guard let candidate, candidate.count <= 40 else { return nil }
        return candidate
    }

    /// An author marked in the page: `itemprop=author`, `rel=author`, or a byline element.
    private static func authorInPage(_ root: HTMLElement) -> String? {
        let marked = root.firstDescendant { element in
            element[attribute: "itemprop"] == "author" || element[attribute: "rel"] == "author"
                || BoilerplateRules.words(of: element).contains { ["author", "byline", "autor"].contains($0) }
        }
        guard let marked else { return nil }
        let name = marked.firstDescendant(where: { $0[attribute: "itemprop"] == "name" }) ?? marked
        let written = name.textContent
        // A long "byline" is some other text; measured as written, before dates are taken out.
        guard collapse(written).count <= 80 else { return nil }
        return Byline.names(written)
    }
}

extension String {
    /// The string without white space at either end.
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
