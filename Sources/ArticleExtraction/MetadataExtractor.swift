import HTMLTree

/// What a page says about its article besides the text.
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

/// Reads an article's metadata from `<meta>` tags, JSON-LD (https://schema.org/NewsArticle),
/// `<link rel=canonical>`, `<time>`, `<h1>` and `<title>` (the headline in `Headline.swift`, dates
/// shown in the page in `PageDates.swift`).
enum MetadataExtractor {
    /// The metadata of the page whose root element is `root`.
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
        if result.section.isEmpty { result.section = first(breadcrumbSection(root) ?? datelineSection(root)) }
        result.jsonBody = JSONLD.string(article["articleBody"]) ?? ""
        return result
    }

    /// The elements of a page's head that hold metadata (JSON-LD in `<script>`).
    private static let headElements: Set<String> = ["meta", "link", "title", "script"]

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

    /// White space collapsed to single spaces, trimmed; entities left in the text decoded.
    static func collapse(_ text: String) -> String {
        decodingLeftoverEntities(text.collapsingWhitespace())
    }

    private static func languageCode(_ raw: String) -> String {
        let code = raw.lowercased().prefix { $0.isLetter }
        return code.count >= 2 && code.count <= 3 ? String(code) : ""
    }

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

    /// The section a dateline names, as older layouts without tags or breadcrumbs show it above the
    /// article: "International · 02.06.2015", "Politik | 5. August 2022" (a capitalised word, then a
    /// date or time and nothing else). Looked for among the first 300 elements of the page's body.
    private static func datelineSection(_ root: HTMLElement) -> String? {
        guard let body = root.firstDescendant(where: { $0.name == "body" }) else { return nil }
        var section: String?
        var elements = 0
        body.walk { node in
            guard case .element(let element) = node else { return .descend }
            elements += 1
            guard elements <= 300, section == nil else { return .stop }
            if dateFreeElements.contains(element.name) { return .skipChildren }
            // Only an element with a separator in a text of its own is read whole.
            let hasSeparator = element.children.contains { child in
                guard case .text(let text) = child else { return false }
                return text.withUTF8 { $0.contains(UInt8(ascii: "|")) || $0.contains(0xB7) }
            }
            if hasSeparator { section = sectionBeforeDate(collapse(element.textContent)) }
            return .descend
        }
        return section
    }

    /// "International" for "International · 02.06.2015"; nil unless the rest is a date alone.
    private static func sectionBeforeDate(_ line: String) -> String? {
        guard line.count <= 60 else { return nil }
        for separator in [" · ", " | "] where line.containsBytes(separator) {
            let parts = line.parts(separatedBy: separator)
            guard parts.count == 2, DateNormalizer.normalize(parts[1]) != nil,
                DateNormalizer.isDateOrTime(Substring(parts[1]))
            else { continue }
            // One capitalised word without digits (two are more often an author's name: "Malte Welding ·
            // 12.03.2021"), and no weekday ("Mittwoch | 12.03.2021") or label ("Aktualisiert").
            let word = parts[0]
            guard word.count <= 30, !word.contains(" "), word.first?.isUppercase == true,
                word.allSatisfy(\.isLetter), !DateNormalizer.isDateWord(word.lowercased()),
                !["aktualisiert", "veröffentlicht", "erschienen", "stand", "datum", "update", "updated", "published",
                  "startseite", "home"].contains(word.lowercased())
            else { continue }
            return word
        }
        return nil
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
