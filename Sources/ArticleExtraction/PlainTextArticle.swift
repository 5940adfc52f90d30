import ArticleModel

/// Reads a plain-text article (`.txt`).
///
/// Convention: optional header lines `Title:`, `Date:`, `Author:`, `Section:`, `URL:` (German
/// `Titel:`, `Datum:`, `Autor:`, `Rubrik:` too) up to the first blank line; without a `Title:`
/// header, the first non-empty line is the title (or the section, when it is a kicker line over a
/// headline: `isKicker`, `isHeadline`). Blank lines separate paragraphs; the first
/// paragraph is the lead. Boilerplate lines ("Lesen Sie auch …", "Folgen Sie …") are dropped.
enum PlainTextArticle {
    // Key paths are immutable values; Swift 6 does not yet mark them Sendable.
    nonisolated(unsafe) private static let headerKeys: [String: WritableKeyPath<Article, String>] = [
        "title": \.title, "titel": \.title, "date": \.date, "datum": \.date, "author": \.author,
        "autor": \.author, "autorin": \.author, "section": \.section, "rubrik": \.section,
        "ressort": \.section, "url": \.url, "language": \.language, "sprache": \.language,
    ]

    static func article(from text: String) -> Article {
        var article = Article()
        // Split on the bytes: after the line endings are LF, a line feed is one byte, and splitting
        // the String would segment every grapheme of the text.
        var lines = text.replacingLineEndings().utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { MetadataExtractor.collapse(String(Substring($0))) }
        // Header block.
        var headerLength = 0
        for line in lines {
            guard !line.isEmpty else { break }
            guard let colon = line.firstIndex(of: ":"),
                let key = headerKeys[line[..<colon].lowercased()]
            else { headerLength = 0; break }
            article[keyPath: key] = MetadataExtractor.collapse(String(line[line.index(after: colon)...]))
            headerLength += 1
        }
        if headerLength > 0 { lines.removeFirst(headerLength) } else { article = Article() }
        article.date = DateNormalizer.normalize(article.date) ?? ""
        // Paragraphs.
        var paragraphs: [String] = []
        var current: [String] = []
        for line in lines + [""] {
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else if !BoilerplateRules.isBoilerplateLine(LineOpening(line)) {
                current.append(line)
            }
        }
        if article.title.isEmpty, !paragraphs.isEmpty {
            // A section or kicker line above the headline ("Wirtschaft", then the headline, then the
            // text): a word or three, then a headline-length line that ends without a full stop or
            // that the text repeats as its first paragraph.
            if paragraphs.count >= 3, isKicker(paragraphs[0]), isHeadline(paragraphs[1]) || paragraphs[1] == paragraphs[2] {
                let kicker = paragraphs.removeFirst()
                if article.section.isEmpty { article.section = kicker }
            }
            article.title = paragraphs.removeFirst()
            // The headline repeated as the first paragraph is not text of its own (as on HTML pages,
            // where a lead equal to the title is left out).
            if paragraphs.count >= 2, paragraphs[0] == article.title { paragraphs.removeFirst() }
        }
        article.setText(paragraphs: paragraphs)
        // A dateline opens one of the first paragraphs; dates further into the text are events, not
        // the publication (and reading every paragraph for dates was the costliest step here).
        if article.date.isEmpty,
            let date = paragraphs.prefix(3).lazy.compactMap({ DateNormalizer.normalize(String($0.prefix(100))) }).first
        {
            article.date = date
        }
        return article
    }

    /// A section name or kicker: one to three words, at most 30 characters, no sentence punctuation.
    private static func isKicker(_ paragraph: String) -> Bool {
        paragraph.count <= 30 && paragraph.split(separator: " ").count <= 3
            && !paragraph.contains(where: { ".!?:;,".contains($0) }) && paragraph.first?.isUppercase == true
    }

    /// A headline: one line of at most 150 characters that does not end like a sentence.
    private static func isHeadline(_ paragraph: String) -> Bool {
        paragraph.count <= 150 && !(paragraph.last.map { ".!;:".contains($0) } ?? true)
    }
}

extension String {
    /// The string with CRLF and CR line endings turned into LF.
    fileprivate func replacingLineEndings() -> String {
        // Most texts have none: no copy then.
        guard utf8.contains(UInt8(ascii: "\r")) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var previousCR = false
        for byte in utf8 {
            if byte == UInt8(ascii: "\r") {
                bytes.append(UInt8(ascii: "\n"))
                previousCR = true
                continue
            }
            if byte == UInt8(ascii: "\n") && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
