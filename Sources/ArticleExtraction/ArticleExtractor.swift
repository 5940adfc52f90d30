import ArticleModel
import HTMLTree

/// Extracts an article's text and metadata from a news page (HTML) or a plain-text article.
///
/// The page is decoded in the encoding `EncodingDetector` finds, parsed by libxml2, and the element
/// holding the article (`ContentFinder`) is read block by block (`BlockCollector`); navigation,
/// share and follow widgets, teasers of other articles, image credits and similar lines are left out.
/// Thread-safe: it keeps no state between calls.
public struct ArticleExtractor: Sendable {
    /// Files larger than this are refused (`ExtractionError.tooLarge`).
    public var maximumFileSize: Int
    /// Text beyond this many characters is cut.
    public var maximumTextLength: Int

    /// Creates an extractor with these limits (defaults: 20 MB per file, 1,000,000 characters of text).
    public init(maximumFileSize: Int = 20_000_000, maximumTextLength: Int = 1_000_000) {
        self.maximumFileSize = maximumFileSize
        self.maximumTextLength = maximumTextLength
    }

    /// The article in `bytes`; `fileName` decides between HTML and plain text (`.txt`).
    public func extract(_ bytes: [UInt8], fileName: String) throws(ExtractionError) -> Article {
        guard !bytes.isEmpty else { throw .empty }
        guard bytes.count <= maximumFileSize else { throw .tooLarge(bytes: bytes.count, limit: maximumFileSize) }
        let encoding = EncodingDetector.detect(bytes)
        if !encoding.name.hasPrefix("UTF-16") && looksBinary(bytes) { throw .binary }
        var article: Article
        if fileName.lowercased().hasSuffix(".txt") {
            article = PlainTextArticle.article(from: TextDecoder.decode(bytes, as: encoding))
        } else {
            let body = encoding.bomLength > 0 ? Array(bytes.dropFirst(encoding.bomLength)) : bytes
            // A declared encoding libxml2 cannot use falls back to windows-1252, which decodes any byte.
            guard
                let document = HTMLDocument.parse(body, encoding: encoding.name)
                    ?? (encoding.name == "windows-1252" ? nil : HTMLDocument.parse(body, encoding: "windows-1252"))
            else { throw .unparsable }
            article = HTMLArticle.article(from: document.root)
        }
        guard !article.title.isEmpty || !article.lead.isEmpty else { throw .noText }
        // UTF-8 length first: it is O(1) and never less than the number of characters.
        if article.lead.utf8.count + article.body.utf8.count > maximumTextLength,
            article.lead.count + article.body.count > maximumTextLength
        {
            article.lead = String(article.lead.prefix(maximumTextLength))
            article.body = String(article.body.prefix(max(0, maximumTextLength - article.lead.count)))
        }
        return article
    }

    /// NUL bytes or many control characters in the first 4 KB mark binary data.
    private func looksBinary(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(4096)
        var controls = 0
        for byte in sample {
            if byte == 0 { return true }
            if byte < 0x09 || (byte > 0x0D && byte < 0x20 && byte != 0x1B) { controls += 1 }
        }
        return controls > sample.count / 10
    }
}

/// The article of a parsed HTML page.
enum HTMLArticle {
    /// Pages with less text than this are read a second time without class-word rules.
    static let retryBelowCharacters = 500

    static func article(from root: HTMLElement) -> Article {
        let metadata = MetadataExtractor.metadata(of: root)
        let article = article(from: root, metadata: metadata, classWords: true)
        guard textLength(article) < retryBelowCharacters else { return article }
        // Like Readability: when the layout's class names hid the text ("l-outer--nav" around the
        // whole page), read it again with tags and ARIA roles only, and keep the longer result.
        let second = HTMLArticle.article(from: root, metadata: metadata, classWords: false)
        return textLength(second) > 2 * textLength(article) ? second : article
    }

    /// Unicode scalars of the article's text: `String.count` would segment every grapheme cluster.
    private static func textLength(_ article: Article) -> Int {
        article.lead.unicodeScalars.count + article.body.unicodeScalars.count
    }

    private static func article(from root: HTMLElement, metadata: PageMetadata, classWords: Bool) -> Article {
        let containers = ContentFinder.mainElements(in: root, classWords: classWords)
        var article = Article(
            title: metadata.title, date: metadata.date, author: metadata.author, section: metadata.section,
            url: metadata.url, language: metadata.language)
        var paragraphs: [String] = []
        var domLength = 0  // characters in `paragraphs`
        let titleKey = comparable(metadata.title)
        let sectionKey = comparable(metadata.section)
        let blocks = containers.flatMap { BlockCollector.blocks(of: $0, classWords: classWords) }
        // Short lines above the headline are kickers, datelines and breadcrumbs.
        let headline = blocks.firstIndex { $0.kind == "h1" } ?? -1
        let totalCharacters = blocks.reduce(0) { $0 + $1.characters }
        var collected = 0
        for (position, block) in blocks.enumerated() {
            let text = block.text
            let length = block.characters
            if position < headline && length < 50 { continue }
            if !sectionKey.isEmpty && text.utf8.count < 60 && comparable(text) == sectionKey { continue }
            let opening = LineOpening(text)
            if BoilerplateRules.isBoilerplateLine(opening) || BoilerplateRules.isCreditLine(text, opening: opening)
                || BoilerplateRules.isCaption(text, opening: opening)
            {
                // "Veröffentlicht am 5. August 2022" is no article text, but it may be the date.
                if article.date.isEmpty, length < 60, let date = DateNormalizer.normalize(text) { article.date = date }
                continue
            }
            // "Ähnliche Beiträge", "Mehr zum Thema": what follows belongs to other articles, once most
            // of the text is behind (a "Meistgelesen" box above the article ends nothing).
            if BoilerplateRules.isEndMarker(opening) {
                if collected * 2 >= totalCharacters { break }
                continue
            }
            collected += length
            // Lists of links (related articles, tag clouds) and link-only lines.
            if block.linkDensity > 0.5 && length < 300 { continue }
            if !titleKey.isEmpty && text.utf8.count <= metadata.title.utf8.count * 2 + 16
                && comparable(text) == titleKey
            {
                continue
            }
            if length < 60, isByline(text) {
                if article.author.isEmpty { article.author = Byline.names(text) }
                continue
            }
            if length < 40, let date = DateNormalizer.normalize(text), length < date.utf8.count + 20 {
                if article.date.isEmpty { article.date = date }
                continue
            }
            // "23.06.2016 um 16:14 Uhr - 91 Ergänzungen", "3:59 PM": datelines and times, no sentences.
            if length < 70, isDateline(text) {
                if article.date.isEmpty, let date = DateNormalizer.normalize(text) { article.date = date }
                continue
            }
            paragraphs.append(text)
            domLength += length
        }
        if domLength < 200 && metadata.jsonBody.count > domLength * 2 {
            paragraphs = metadata.jsonBody.split(separator: "\n").map { MetadataExtractor.collapse(String($0)) }
                .filter { !$0.isEmpty }
        }
        article.setText(paragraphs: paragraphs)
        if article.date.isEmpty { article.date = MetadataExtractor.firstDateInText(of: root) ?? "" }
        if article.title.isEmpty, let first = paragraphs.first, first.unicodeScalars.count < 200 {
            article.title = first
        }
        return article
    }

    private static func comparable(_ text: String) -> String {
        // Letters and digits only, lower-cased: "Titel – Teil 2" and "titel teil 2" compare equal.
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        forEachLowercasedScalar(of: text) { scalar in
            let value = scalar.value
            if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) {
                key.append(UInt8(value))
            } else if value >= 0x80 && scalar.properties.isAlphabetic {
                key.append(contentsOf: scalar.utf8)
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// A short line that opens with a date, or a time alone, and is no sentence.
    private static func isDateline(_ text: String) -> Bool {
        guard let last = text.unicodeScalars.last, !".!?…“\"".unicodeScalars.contains(last) else { return false }
        let opening = String(text.prefix(20))
        if DateNormalizer.normalize(opening) != nil, let first = text.unicodeScalars.first, ("0"..."9").contains(first) {
            return true
        }
        // A time alone: "19:49", "3:59 PM".
        let time = text.split(separator: " ")
        return time.count <= 2 && time[0].split(separator: ":").count == 2
            && time[0].allSatisfy { $0.isNumber || $0 == ":" }
    }

    private static func isByline(_ text: String) -> Bool {
        let lower = String(text.prefix(9)).lowercased()
        return lower.hasPrefix("von ") || lower.hasPrefix("by ") || lower.hasPrefix("autor:")
            || lower.hasPrefix("autorin:")
    }
}
