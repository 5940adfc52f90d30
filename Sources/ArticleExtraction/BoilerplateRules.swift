import HTMLTree

/// What marks a part of a page as boilerplate: tags, class/id words and opening phrases.
enum BoilerplateRules {
    /// Elements that never hold article text.
    static let tags: Set<String> = [
        "nav", "aside", "footer", "form", "button", "select", "input", "textarea", "iframe", "figcaption",
        "script", "head", "title", "menu", "dialog", "label", "audio", "video", "canvas", "map",
    ]

    /// Words in `class`/`id` that mark navigation, widgets and teasers of other articles.
    static let classWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "sidebar", "aside",
        "share", "sharing", "shares", "sharebar", "social", "socials", "follow", "newsletter", "subscribe",
        "subscription", "abo", "paywall", "related", "recommended", "recommendations", "recommendation",
        "teaser", "teasers", "more", "readmore", "comments", "comment", "kommentare", "cookie", "cookies",
        "consent", "banner", "ad", "ads", "advert", "advertisement", "anzeige", "werbung", "promo",
        "sponsored", "outbrain", "taboola", "tags", "tag", "topics", "themen", "keywords", "caption",
        "credit", "credits", "copyright", "imprint", "byline", "author", "authors", "autor", "meta",
        "toolbar", "tools", "print", "popup", "modal", "overlay", "skip", "sr",
        "visually", "masthead", "header", "logo", "pagination", "pager", "rating", "poll", "gallery",
        "slider", "carousel", "video", "audio", "podcast", "player", "disclaimer", "infobox", "dateline",
    ]

    /// Class/id words that mark the article body itself; they outweigh a boilerplate word beside them.
    static let contentWords: Set<String> = [
        "articlebody", "article-body", "storybody", "story-body", "entry-content", "post-content",
        "article-content", "articlecontent", "content-body", "article-text", "articletext", "text-body",
    ]

    /// Class/id words of containers that hold content, whatever else their class says.
    static let containerWords: Set<String> = [
        "content", "article", "artikel", "main", "body", "story", "entry", "column", "beitrag", "post", "text",
    ]

    /// Openings of lines that are boilerplate wherever they stand (compared lower-case).
    static let linePrefixes: [String] = [
        "lesen sie auch", "lesen sie mehr", "lesen sie hier", "mehr zum thema", "auch interessant",
        "das könnte sie auch interessieren", "das könnte sie interessieren", "folgen sie", "folge uns",
        "folgen sie uns", "artikel teilen", "teilen:", "jetzt teilen", "bild:", "foto:", "fotos:",
        "bildquelle:", "quelle: imago", "copyright", "©", "(c) ", "anzeige", "werbung", "newsletter",
        "jetzt abonnieren", "abonnieren sie", "melden sie sich", "zur startseite", "weiterlesen",
        "hier finden sie", "schlagworte:", "themen:", "mehr artikel", "zum thema:", "empfehlungen",
        "read more", "related:", "related articles", "share this", "follow us", "sign up", "advertisement",
        "image:", "photo:", "credit:", "copyright ©", "all rights reserved", "alle rechte vorbehalten",
        "teilen mit:", "teilen sie dies mit", "diesen artikel teilen", "beitrag teilen", "wird geladen",
        "gefällt mir", "(noch keine bewertungen)", "externer inhalt", "*werbung", "kategorie:",
        "kategorien:", "pressemitteilung als pdf", "originalartikel", "wir respektieren deine privatsphäre",
        "bitte teilen sie uns", "jetzt für", "bewerten:", "quelle:", "quellen:", "quellenangaben:",
        "aktualisiert:", "aktualisiert am", "sie sind aktuell nicht eingeloggt", "- anzeige", "schlagworte",
        "kontakt:", "dieser artikel gefällt ihnen", "eingestellt von", "weitere infos unter", "auch auf ",
        "zuletzt aktualisiert", "veröffentlicht am", "lesezeit:", "mehr infos:", "rezept drucken",
        "war der artikel nützlich", "war dieser artikel hilfreich", "möchten sie den artikel teilen",
        "veröffentlicht in", "gefällt dir unser", "gefällt ihnen unser", "unterstütze ", "unterstützen sie uns",
        "if you enjoyed", "like it? share it", "werden sie mitglied", "abonnieren sie unsere", "abonniere unseren",
        "keine neuigkeiten", "benachrichtigung aktivieren", "bitte registrieren sie sich", "dieses skript als pdf",
        "(alle angaben ohne gewähr)", "quellen ausblenden", "inhaltsverzeichnis", "kommentarfeed",
        "suggested citation", "dieser text wurde veröffentlicht unter der lizenz", "mit diesem button",
        "klicken sie auf den unteren button", "vorschau auf den nächsten artikel", "alle artikel zu",
        "bild anzeigen", "titelbild:", "beitragsbild:", "artikelbild:", "vorschaubild:", "symbolbild",
    ]

    /// Headings that open what follows an article (related posts, more from the site): the article
    /// ends there. Compared lower-case, whole line or opening.
    static let endMarkers: [String] = [
        "ähnliche beiträge", "ähnliche artikel", "empfohlene beiträge", "empfohlene artikel",
        "das könnte dich auch interessieren", "das könnte sie auch interessieren", "das könnte ihnen auch gefallen",
        "mehr aus dem", "mehr interessantes", "mehr zum thema", "mehr zu diesem thema", "schon gelesen",
        "auch interessant", "weitere artikel", "weitere beiträge", "verwandte artikel", "verwandte beiträge",
        "meistgelesen", "die meistgelesenen", "beliebte artikel", "neueste artikel", "neueste beiträge",
        "themen im artikel", "you may also like", "related posts", "related articles", "read next",
        "more from", "recommended for you", "kommentare", "kommentar schreiben", "schreibe einen kommentar",
        "hinterlasse einen kommentar", "leave a comment", "leave a reply", "das thema könnte",
        "über den autor", "über die autorin", "zur autorin", "zum autor", "alle artikel zu",
        "highlights aus dem heft", "die aktuelle ausgabe", "newsletter abonnieren", "about the author",
        "weiterführende links", "weiterführender link", "weiterführende informationen", "zum weiterlesen",
        "weitere informationen:", "weitere infos:", "zusatzinformationen:", "mehr themen", "top themen",
        "aktuelle berichte aus", "verwandte themen", "teilnehmende blogs", "pressekontakt", "pressesprecher",
        "ansprechpartner", "kontakt:", "medienkontakt", "über uns:", "mehr kolumnen", "weitere tourentipps",
    ]

    private static let endMarkerList = OpeningList(endMarkers)

    /// True when `line` (a short heading-like line) marks the end of the article.
    static func isEndMarker(_ line: LineOpening) -> Bool {
        line.lineLength <= 60 && endMarkerList.matches(line)
    }

    private static let creditOpenings = OpeningList(["(foto", "(bild", "foto "])

    /// True for a short image credit line: "AFP / MARCO BERTORELLO", "DCV / Oppitz", "(Foto: Getty)".
    static func isCreditLine(_ line: String, opening: LineOpening) -> Bool {
        guard line.utf8.count <= 50 else { return false }
        if creditOpenings.matches(opening) { return true }
        guard line.containsBytes(" / "), let last = line.last, !".!?:".contains(last) else { return false }
        return line.split(separator: " ").count <= 6
    }

    /// Openings of image captions that stand as paragraphs ("Abbildung 4: …", "Vergrößern Die neue …").
    private static let captionOpenings = OpeningList(["abbildung", "abb. ", "vergrößern ", "foto ©", "bild ©", "fotos ©"])
    private static let creditMarks: [[UInt8]] = ["(foto:", "(bild:", "(quelle:"].map { Array($0.utf8) }

    /// True for an image caption or credit standing as a paragraph: a short text with a © or a
    /// "(Foto: …)" credit, or a caption opening ("Abbildung 4: klassische Schwachschicht.").
    static func isCaption(_ line: String, opening: LineOpening) -> Bool {
        guard opening.lineLength <= 300 else { return false }
        if line.containsBytes("©") || captionOpenings.matches(opening) { return true }
        // The opening holds up to 96 bytes; a longer caption's credit is searched in the whole line.
        let whole = opening.lineLength <= LineOpening.maximumLength ? opening : LineOpening(line, length: 300)
        return creditMarks.contains { whole.contains($0) }
    }

    /// The lower-case words of the element's class and id (see `HTMLElement.classAndIDWords`).
    static func words(of element: HTMLElement) -> [String] { element.classAndIDWords }

    /// True when `element` and everything in it should be skipped. Without `classWords`, only tags,
    /// hidden elements and ARIA roles count (the second try on pages whose layout classes mislead).
    static func isBoilerplate(_ element: HTMLElement, classWords useClassWords: Bool = true) -> Bool {
        let fact: ElementFact = useClassWords ? .boilerplate : .boilerplateWithoutClassWords
        return fact.of(element) { computeIsBoilerplate(element, classWords: useClassWords) }
    }

    private static func computeIsBoilerplate(_ element: HTMLElement, classWords useClassWords: Bool) -> Bool {
        if tags.contains(element.name) {
            // ASP.NET and some shop systems wrap the whole page in one <form>: that one is no widget.
            return element.name != "form" || !holdsMuchText(element)
        }
        if element[attribute: "hidden"] != nil || element[attribute: "aria-hidden"] == "true" { return true }
        if let style = element[attribute: "style"], isHiddenStyle(style) { return true }
        if let role = element[attribute: "role"], ["navigation", "banner", "contentinfo", "complementary", "search", "dialog"].contains(role) {
            return true
        }
        if element.name == "body" || element.name == "html" || element.name == "article" || element.name == "main" {
            return false
        }
        if element[attribute: "itemprop"] == "articleBody" || !useClassWords { return false }
        let classWords = words(of: element)
        if classWords.contains(where: contentWords.contains) { return false }
        guard classWords.contains(where: self.classWords.contains) else { return false }
        // A paragraph named teaser and nothing else of the list is the article's lead
        // (<p class="teaser">); other articles' teasers come in boxes, which stay out.
        if element.name == "p" && classWords.allSatisfy({ $0 == "teaser" || !self.classWords.contains($0) }) {
            return false
        }
        // A layout container named after its content ("content_block right-sidebar") is no widget:
        // like Readability, a content word outweighs a boilerplate word beside it.
        return !classWords.contains(where: containerWords.contains)
    }

    /// Forms with at least this many bytes of text wrap a page rather than a widget.
    static let pageFormMinimumText = 3_000

    private static func holdsMuchText(_ element: HTMLElement) -> Bool {
        var count = 0
        for node in element.descendantText() {
            count += node.withUTF8 { bytes in bytes.reduce(0) { $0 + ($1 > 0x20 ? 1 : 0) } }
            if count >= pageFormMinimumText { return true }
        }
        return false
    }

    /// True for inline CSS that hides the element (`display: none`, `visibility:hidden`).
    static func isHiddenStyle(_ style: String) -> Bool {
        guard style.utf8.contains(UInt8(ascii: ":")) else { return false }
        let compact = String(decoding: style.utf8.compactMap { $0 == UInt8(ascii: " ") ? nil : $0.asciiLowercased }, as: UTF8.self)
        return compact.containsBytes("display:none") || compact.containsBytes("visibility:hidden")
    }

    private static let linePrefixList = OpeningList(linePrefixes)

    /// True when a line of text is boilerplate by its opening words.
    static func isBoilerplateLine(_ line: LineOpening) -> Bool { linePrefixList.matches(line) }
}

