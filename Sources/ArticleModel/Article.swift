/// One news article as ingestion keeps it: its metadata and its text, without the page's boilerplate.
///
/// `lead` is the first paragraph (or the standfirst) and `body` the rest of the text; together they
/// are the article's text. Empty strings mean "unknown": a page that has no author has `author == ""`.
public struct Article: Sendable, Equatable {
    /// The headline, without the site's name.
    public var title: String
    /// Publication date in ISO 8601 (`2022-08-05` or `2022-08-05T10:30:00+02:00`), or "".
    public var date: String
    /// Author or authors as printed, or "".
    public var author: String
    /// The section ("Politik", "Sport" …), or "".
    public var section: String
    /// The canonical URL of the page, or "".
    public var url: String
    /// The page's language code (`de`, `en` …) as declared, or "".
    public var language: String
    /// The first paragraph of the text.
    public var lead: String
    /// The text after the lead; paragraphs are separated by blank lines.
    public var body: String

    /// Creates an article; every field defaults to empty.
    public init(
        title: String = "", date: String = "", author: String = "", section: String = "",
        url: String = "", language: String = "", lead: String = "", body: String = ""
    ) {
        self.title = title
        self.date = date
        self.author = author
        self.section = section
        self.url = url
        self.language = language
        self.lead = lead
        self.body = body
    }

    /// The whole text: the lead, a blank line, the body.
    public var text: String {
        if lead.isEmpty { return body }
        if body.isEmpty { return lead }
        return lead + "\n\n" + body
    }

    /// Builds an article from a list of paragraphs: the first becomes the lead, the others the body.
    public init(paragraphs: [String], title: String = "") {
        self.init(title: title)
        setText(paragraphs: paragraphs)
    }

    /// Replaces the text with these paragraphs (the first is the lead).
    public mutating func setText(paragraphs: [String]) {
        lead = paragraphs.first ?? ""
        body = paragraphs.dropFirst().joined(separator: "\n\n")
    }
}
