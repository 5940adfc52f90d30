@testable import ArticleExtraction
import HTMLTree
import ArticleModel
import Foundation
import TestSupport
import Testing

@Suite struct ArticleExtractorTests {
    let extractor = ArticleExtractor()

    func extract(_ html: String, fileName: String = "page.html") throws -> Article {
        try extractor.extract(Array(html.utf8), fileName: fileName)
    }

    func page(head: String = "", body: String) -> String {
        "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">\(head)</head><body>\(body)</body></html>"
    }

    static let paragraphs = """
        <p>Der Gemeinderat hat am Dienstag den neuen Radweg entlang der Mulde beschlossen, der im Frühjahr gebaut wird.</p>
        <p>Die Kosten von 1,2 Millionen Euro trägt zum großen Teil das Land, teilte die Stadtverwaltung mit.</p>
        <p>Anwohner hatten sich seit Jahren für eine sichere Verbindung zwischen Altstadt und Bahnhof eingesetzt.</p>
        """

    /// A paragraph named teaser is the article's lead; a box of other articles' teasers stays out.
    @Test func aTeaserParagraphIsTheLeadAndATeaserBoxIsNot() throws {
        let article = try extract(page(body: """
            <div class="article-text"><h1>Radweg an der Mulde</h1>
            <p class="teaser">Der Radweg an der Mulde kommt, die Stadt baut ihn im Frühjahr.</p>
            \(Self.paragraphs)
            <div class="teaser"><p>Anderer Artikel: Neues Hallenbad öffnet im Mai für alle Besucher der Stadt.</p></div>
            </div>
            """))
        #expect(article.text.hasPrefix("Der Radweg an der Mulde kommt"))
        #expect(article.text.contains("Anwohner hatten sich"))
        #expect(!article.text.contains("Hallenbad"))
    }

    @Test func seedPageKeepsTheArticleAndDropsItsBoilerplate() throws {
        let url = TestPaths.corpus.appendingPathComponent("2022/08/putin-erdogan-drohnen.html")
        let article = try extractor.extract([UInt8](try Data(contentsOf: url)), fileName: url.path)
        #expect(article.title == "Wladimir Putin: Kreml-Chef ist völlig verzweifelt! Deshalb fleht er jetzt um Hilfe")
        #expect(article.date.hasPrefix("2022-08-04"))
        #expect(article.section == "Politik")
        #expect(article.text.contains("CEO Haluk Bayraktar"))
        #expect(article.text.contains("Getreidelieferungen"))
        for boilerplate in [
            "Artikel teilen", "Folgen Sie", "Lesen Sie auch", "Pinterest", "Savostyanov", "Impressum", "Horoskop",
            "Themen", "Doppelgänger",
        ] {
            #expect(!article.text.contains(boilerplate), "\(boilerplate) leaked into the text")
        }
    }

    @Test func textSplitOverNestedWrappersIsJoinedAndLinkListsStayOut() throws {
        let html = page(
            body: """
                <div class="page"><div class="story">
                  <div><div class="paragraph"><div>
                    <p>Erst im April hatte der Verein den Umbau des Stadions angekündigt, der nun schneller vorankommt als gedacht. Die Stadt gibt dafür einen Zuschuss von zwei Millionen Euro.</p>
                    <h2>Bagger rollen schon im Mai</h2>
                  </div></div></div>
                  <figure><img src="a.jpg"></figure><div class="ad-slot"></div>
                  <div><div class="paragraph"><div>
                    <p>Die Arbeiten an der Nordtribüne beginnen im Mai, teilte der Präsident am Montag mit, und dauern zwei Jahre.</p>
                    <p>Während der Bauzeit spielt die Mannschaft im Nachbarort, wo 8.000 Zuschauer Platz finden.</p>
                  </div></div></div>
                  <div><ul><li><a href="/1">Trainer verlängert Vertrag bis 2026</a></li><li><a href="/2">Neuer Sponsor für die Jugend</a></li>
                    <li><a href="/3">Fanclub feiert Jubiläum mit großem Fest</a></li><li><a href="/4">Tickets für das Derby ab Freitag</a></li></ul></div>
                </div></div>
                """)
        let article = try extract(html)
        #expect(article.text.contains("Erst im April"))
        #expect(article.text.contains("Bagger rollen schon im Mai"))
        #expect(article.text.contains("Nordtribüne"))
        #expect(article.text.contains("8.000 Zuschauer"))
        #expect(!article.text.contains("Trainer verlängert"))
    }

    @Test func relatedPostsAfterTheArticleAndCreditLinesAreLeftOut() throws {
        let html = page(
            body: """
                <div class="post">
                  <p>Veröffentlicht am 5. August 2022</p>
                  <p>Der Gemeinderat hat am Dienstag den neuen Radweg entlang der Mulde beschlossen, der im Frühjahr gebaut wird und die Ortsteile verbindet.</p>
                  <p>AFP / MARCO BERTORELLO</p>
                  <p>Die Kosten von 1,2 Millionen Euro trägt zum großen Teil das Land, teilte die Stadtverwaltung mit. Baubeginn ist im März.</p>
                  <h3>Ähnliche Beiträge</h3>
                  <p>Neue Ampel an der Hauptstraße: Warum die Stadt jetzt doch handelt und was Anwohner davon halten.</p>
                </div>
                """)
        let article = try extract(html)
        #expect(article.text.contains("Radweg"))
        #expect(article.text.contains("Baubeginn ist im März"))
        #expect(!article.text.contains("BERTORELLO"))
        #expect(!article.text.contains("Ähnliche Beiträge"))
        #expect(!article.text.contains("Neue Ampel"))
        #expect(!article.text.contains("Veröffentlicht"))
        #expect(article.date == "2022-08-05")
    }

    @Test func theHeadlineIsTheH1OutsideNavigationThatMatchesTheTitle() throws {
        let html = page(
            head: "<title>BKA - Mes&shy;sen&shy;ger&shy;diens&shy;te sind kein rechtsfreier Raum &amp;raquo; Presse</title>",
            body: """
                <nav><h1>Navigation und Service</h1></nav>
                <div class="content"><h1>Mes&shy;sen&shy;ger&shy;diens&shy;te sind kein rechts&shy;frei&shy;er Raum</h1>
                <p>Das Bundeskriminalamt hat am Dienstag neue Zahlen zu Ermittlungen in Messengerdiensten vorgelegt, die deutlich steigen.</p>
                <p>Die Behörden fordern dafür mehr Befugnisse, Datenschützer widersprechen, wie in den vergangenen Jahren auch.</p></div>
                """)
        let article = try extract(html)
        #expect(article.title == "Messengerdienste sind kein rechtsfreier Raum")
        #expect(MetadataExtractor.decodingLeftoverEntities("Titel &raquo; Site &#8211; &#x41;") == "Titel » Site – A")
    }

    @Test func kickersAndDatelinesInsideTheHeadlineAreLeftOut() throws {
        for (heading, title) in [
            ("<h1><span class=\"dachzeile\">Interne Unterlagen im Netz</span> <span class=\"headline\">Daten von Rheinmetall gehackt</span></h1>",
             "Daten von Rheinmetall gehackt"),
            ("<h1><span itemprop=\"headline\"><small>Einheit der Woche</small><br>Lagen-Pyramide mit GA2</span></h1>",
             "Lagen-Pyramide mit GA2"),
            ("<h1>Zuschauer kehren zurück<br><small>02.02.2022 • Presse</small></h1>", "Zuschauer kehren zurück"),
        ] {
            let html = page(
                head: "<title>\(title) | Beispielzeitung</title>",
                body: heading + Self.paragraphs)
            #expect(try extract(html).title == title)
        }
        #expect(MetadataExtractor.cleanTitle("Bielersee-Winterhechte | petri-heil.ch | Dein Schweizer Fischereimagazin", site: "")
            == "Bielersee-Winterhechte")
    }

    @Test func blockBoundariesSeparateWordsAndInlineElementsDoNot() throws {
        let html = page(body: "<article><h1>Titel</h1><p>Der CEO</p><p>Haluk Bayraktar sagte <b>Kampf</b>drohnen und <a href=x>Kreml</a>-Chef.</p><ul><li>eins</li><li>zwei</li></ul><p>Zeile<br>zwei</p></article>")
        let text = try extract(html).text
        #expect(text.contains("CEO\n\nHaluk"))
        #expect(text.contains("Kampfdrohnen"))
        #expect(text.contains("Kreml-Chef"))
        #expect(text.contains("eins\n\nzwei"))
        #expect(text.contains("Zeile zwei"))
    }

    @Test(arguments: [
        ("<nav><a href=/>Startseite</a> <a href=/p>Politik</a></nav>", "Startseite"),
        ("<div class=\"share-bar\">Artikel teilen: Facebook Twitter</div>", "Artikel teilen"),
        ("<p class=\"social-follow\">Folgen Sie uns auf Instagram und TikTok!</p>", "Instagram"),
        ("<aside><h3>Mehr zum Thema</h3><a href=/x>Anderer Artikel über Bahnstreiks</a></aside>", "Bahnstreiks"),
        ("<p>Lesen Sie auch: <a href=/y>Kreml-Chef arbeitet mit Doppelgänger</a></p>", "Doppelgänger"),
        ("<figure><img src=a.jpg><figcaption>Bild: picture alliance/dpa | Fotografin</figcaption></figure>", "Fotografin"),
        ("<div id=\"cookie-banner\">Wir verwenden Cookies auf dieser Seite.</div>", "Cookies"),
        ("<section class=\"comments\"><p>Leserkommentar: Das ist doch alles ganz falsch hier!</p></section>", "Leserkommentar"),
        ("<div class=\"newsletter\">Jetzt den Newsletter abonnieren und nichts verpassen</div>", "Newsletter"),
        ("<footer>© 2022 Zeitung · Impressum · Datenschutz</footer>", "Datenschutz"),
        ("<form><label>Suche</label><input name=q><button>Suchbegriff absenden</button></form>", "Suchbegriff"),
        ("<p>Foto: Max Muster/Stadtarchiv</p>", "Stadtarchiv"),
        ("<div class=\"ad\">Anzeige: Ferienwohnung günstig zu vermieten</div>", "Ferienwohnung"),
        ("<p>Die neue Brücke am Abend. © Stadtwerke/Meier</p>", "Stadtwerke"),
        ("<p>Abbildung 3: Verlauf der Trasse zwischen Altstadt und Bahnhof.</p>", "Verlauf der Trasse"),
        ("<p>Blick auf die Baustelle im Winter. (Foto: Stadtarchiv)</p>", "Blick auf die Baustelle"),
        ("<p>23.06.2016 um 16:14 Uhr - 91 Ergänzungen</p>", "Ergänzungen"),
        ("<p>3:59 PM</p>", "3:59"),
        ("<p>Gefällt dir unser Magazin? Unterstütze unsere Arbeit mit einem Abo.</p>", "Magazin?"),
        ("<p>Keine Neuigkeiten mehr verpassen: Abonnieren Sie den Newsletter der Zeitung.</p>", "Neuigkeiten"),
    ])
    func boilerplateIsDropped(snippet: String, leaked: String) throws {
        let html = page(body: "<article><h1>Neuer Radweg beschlossen</h1>\(Self.paragraphs)\(snippet)</article>\(snippet)")
        let article = try extract(html)
        #expect(article.text.contains("Radweg entlang der Mulde"))
        #expect(!article.text.contains(leaked))
    }

    @Test func contactBoxesAndFurtherReadingEndTheArticle() throws {
        let html = page(body: """
            <article><h1>Neuer Radweg beschlossen</h1>\(Self.paragraphs)
            <h3>Weiterführende Links</h3><p>Radverkehrskonzept der Stadt (PDF, 2 MB)</p>
            <p>Pressekontakt</p><p>Erika Muster, Telefon 0341 123456</p></article>
            """)
        let text = try extract(html).text
        #expect(text.contains("Anwohner hatten sich"))
        for leaked in ["Weiterführende", "Radverkehrskonzept", "Pressekontakt", "Telefon"] {
            #expect(!text.contains(leaked), "\(leaked) leaked into the text")
        }
    }

    @Test func aWholePageWrappedInAFormIsRead() throws {
        // ASP.NET pages wrap everything in one <form>; a search or comment form stays boilerplate.
        let long = String(repeating: "Die Sanierung der Brücke über die Mulde dauert länger als geplant, sagt das Bauamt. ", count: 40)
        let html = page(body: """
            <form id="aspnetForm" method="post"><div class="header"><a href=/>Start</a></div>
            <div class="main"><h1>Brücke bleibt gesperrt</h1><p>\(long)</p><p>\(long)</p></div>
            <form><input name=q><button>Suchen</button></form></form>
            """)
        let text = try extract(html).text
        #expect(text.contains("Sanierung der Brücke"))
        #expect(!text.contains("Suchen"))
    }

    @Test func aDivLeftOpenInTheNavigationDoesNotSwallowTheArticle() throws {
        // libxml2 ignores </nav> while the <div> is open; the tree closes it as HTML5 parsers do.
        let html = page(body: """
            <nav class="navigation"><ul><li><a href=/>Start</a><div class="submenu"><a href=/p>Politik</a></li></ul></nav>
            <main><article><h1>Neuer Radweg beschlossen</h1>\(Self.paragraphs)</article></main>
            """)
        let article = try extract(html)
        #expect(article.text.contains("Radweg entlang der Mulde"))
        #expect(!article.text.contains("Politik"))
    }

    @Test func articleIsFoundWithoutSemanticMarkup() throws {
        let html = page(body: """
            <div id="top"><a href=/>Home</a> <a href=/a>Sport</a> <a href=/b>Kultur</a></div>
            <div class="col-left"><ul><li><a href=/1>Anderer Artikel eins</a></li><li><a href=/2>Anderer Artikel zwei</a></li></ul></div>
            <div class="col-main"><h1>Neuer Radweg beschlossen</h1>\(Self.paragraphs)</div>
            """)
        let article = try extract(html)
        #expect(article.title == "Neuer Radweg beschlossen")
        #expect(article.lead.hasPrefix("Der Gemeinderat"))
        #expect(!article.text.contains("Anderer Artikel"))
    }

    @Test func openGraphAndMetaTagsGiveMetadata() throws {
        let head = """
            <title>Neuer Radweg | Lindenauer Anzeiger</title>
            <meta property="og:title" content="Neuer Radweg beschlossen">
            <meta property="article:published_time" content="2022-03-01T08:15:00+01:00">
            <meta property="article:section" content="Lokales">
            <meta name="author" content="Marta Kühnel">
            <link rel="canonical" href="https://example.org/lokales/radweg">
            """
        let article = try extract(page(head: head, body: "<article>\(Self.paragraphs)</article>"))
        #expect(article.title == "Neuer Radweg beschlossen")
        #expect(article.date == "2022-03-01T08:15:00+01:00")
        #expect(article.section == "Lokales")
        #expect(article.author == "Marta Kühnel")
        #expect(article.url == "https://example.org/lokales/radweg")
        #expect(article.language == "de")
    }

    @Test func jsonLDGivesMetadata() throws {
        let head = """
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"X"},
            {"@type":"NewsArticle","headline":"Radweg kommt","datePublished":"2022-03-02","author":[{"@type":"Person","name":"A. Autorin"}],
            "articleSection":"Verkehr","mainEntityOfPage":{"@id":"https://example.org/radweg"}}]}</script>
            """
        let article = try extract(page(head: head, body: "<div class=content>\(Self.paragraphs)</div>"))
        #expect(article.title == "Radweg kommt")
        #expect(article.date == "2022-03-02")
        #expect(article.author == "A. Autorin")
        #expect(article.section == "Verkehr")
        #expect(article.url == "https://example.org/radweg")
    }

    @Test func titleTagLosesTheSiteNameAndTimeElementGivesTheDate() throws {
        let head = "<title>Neuer Radweg beschlossen – Lindenauer Anzeiger</title>"
        let body = "<article><time datetime=\"2022-03-03\">3. März</time>\(Self.paragraphs)</article>"
        let article = try extract(page(head: head, body: body))
        #expect(article.title == "Neuer Radweg beschlossen")
        #expect(article.date == "2022-03-03")
    }

    @Test func microdataAndHAtomDatesAreRead() throws {
        let microdata = "<article><h1>Radweg</h1><abbr itemprop=\"datePublished\" title=\"2017-09-09T10:52:00+02:00\">10:52</abbr>\(Self.paragraphs)</article>"
        #expect(try extract(page(body: microdata)).date.hasPrefix("2017-09-09"))
        let rdfa = "<article><h1>Radweg</h1><span property=\"schema:dateCreated\" content=\"2022-01-28T12:45:46+01:00\"></span>\(Self.paragraphs)</article>"
        #expect(try extract(page(body: rdfa)).date.hasPrefix("2022-01-28"))
    }

    @Test func theDateShownWithTheHeadlineWinsOverAPlainDateTag() throws {
        // CMSes put the last revision into <meta name="date">; the page shows the publication date.
        let head = "<meta name=\"date\" content=\"2020-04-30\">"
        let shown = "<article><p class=\"date\">29.04.2020</p><h1>Radweg beschlossen</h1>\(Self.paragraphs)</article>"
        #expect(try extract(page(head: head, body: shown)).date == "2020-04-29")
        let labelled = "<article><h1>Radweg beschlossen</h1><p>Letzte Änderung: 31.10.2023</p>\(Self.paragraphs)<p>Erschienen am: 01.11.2023</p></article>"
        #expect(try extract(page(head: head, body: labelled)).date == "2023-11-01")
        // A date in the URL's path is the site's own filing and stays.
        let filed = "<link rel=\"canonical\" href=\"https://example.org/2020/04/28/radweg\">\(head)"
        #expect(try extract(page(head: filed, body: shown)).date == "2020-04-28")
    }

    @Test func shortRunsWithoutDigitsCountAmongTheRunsNextToTheHeadline() throws {
        // Only the eight short runs after the headline are read for an unlabelled date; runs without
        // digits hold none, but they take their places.
        let head = "<meta name=\"date\" content=\"2020-04-30\">"
        func body(_ runs: Int) -> String {
            let filler = String(repeating: "<p>Kurze Zeile ohne Zahl</p>", count: runs)
            return "<article><h1>Radweg beschlossen</h1>\(filler)<p>29.04.2020</p>\(Self.paragraphs)</article>"
        }
        #expect(try extract(page(head: head, body: body(7))).date == "2020-04-29")
        #expect(try extract(page(head: head, body: body(8))).date == "2020-04-30")
    }

    @Test func collapsedLengthCountsWhatCollapsingWhitespaceKeeps() {
        for text in ["", "  a  b ", "Stra\u{DF}e\u{A0}\u{A0}in M\u{FC}nchen", "Mes\u{AD}sen\u{200B}ger\n\t x", "\u{2009}\u{3000}Ende"] {
            let length = Array(text.utf8).withUnsafeBufferPointer(collapsedLength)
            #expect(length == text.collapsingWhitespace().unicodeScalars.count, "\(text.debugDescription)")
        }
    }

    @Test func headlineWordsAreTheLowerCasedLettersAndDigitsOfEachCharacter() {
        // The scalar path must give what splitting the lower-cased characters gives.
        for text in ["Straße in MÜNCHEN: 2:1-Sieg", "ÉCOLE – Ÿvonne ½ ²³⁴ Ǆemal", "İstanbul'da Erdoğan", "e\u{301}te\u{301} café", "ab\r\ncd ef\u{A0}ghi", ""] {
            let expected = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
                .filter { $0.count >= 3 }.map(String.init)
            #expect(MetadataExtractor.words(of: text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func bylineAndGermanDateLinesBecomeMetadata() throws {
        let body = "<article><h1>Radweg</h1><p>Von Jonas Albrecht</p><p>5. August 2022</p>\(Self.paragraphs)</article>"
        let article = try extract(page(body: body))
        #expect(article.author == "Jonas Albrecht")
        #expect(article.date == "2022-08-05")
        #expect(article.lead.hasPrefix("Der Gemeinderat"))
    }

    @Test func aBylineNamesNoOneByItsDateOrTime() throws {
        // A byline element that holds only the date (a layout of the benchmark archive) names no author.
        let dated = "<article><h1>Radweg</h1><p class=\"byline\">08. July 2015, 01:33</p>\(Self.paragraphs)</article>"
        #expect(try extract(page(body: dated)).author == "")
        #expect(Byline.names("Von Jonas Albrecht | 05.08.2022, 14:30") == "Jonas Albrecht")
        #expect(Byline.names("Max Müller/APA, 5. August 2022") == "Max Müller/APA")
        #expect(Byline.names("Anna Berg, Jonas Albrecht – 14:30") == "Anna Berg, Jonas Albrecht")
        #expect(Byline.names("By Jane Doe") == "Jane Doe")
        #expect(Byline.names("Tomas Spahn Fr, 18. Oktober 2019") == "Tomas Spahn")
        // A date among other words is left as written: cutting it out could cut the name too.
        #expect(Byline.names("Posted on May 5, 2022 by Jane Doe") == "Posted on May 5, 2022 by Jane Doe")
    }

    @Test func aDatelineNamesTheSectionOfAnOldLayout() throws {
        let dateline = "<table><tr><td><font><b>International</b> &middot; 02.06.2015</font><h2>Radweg</h2>\(Self.paragraphs)</td></tr></table>"
        let article = try extract(page(body: dateline))
        #expect(article.section == "International")
        #expect(article.date == "2015-06-02")
        // An author's name or a weekday before the date is no section.
        for line in ["Malte Welding · 12.03.2021", "Mittwoch | 12.03.2021", "Aktualisiert | 12.03.2021"] {
            #expect(try extract(page(body: "<p>\(line)</p><h1>Radweg</h1>\(Self.paragraphs)")).section == "", "\(line)")
        }
    }

    @Test func latin1PageWithEntitiesIsDecoded() throws {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><h1>Stra&szlig;e</h1><p>Gr\u{FC}&szlig;e aus M&uuml;nchen \u{84}heute\u{93} \u{96} sch\u{F6}n, ganz sch\u{F6}n lange Zeile mit Text.</p></body></html>"
        let bytes = html.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let article = try extractor.extract(bytes, fileName: "alt.htm")
        #expect(article.title == "Straße")
        #expect(article.text.contains("Grüße aus München „heute“ – schön"))
    }

    @Test func plainTextArticlesFollowTheHeaderConvention() throws {
        let text = "Title: Haushalt beschlossen\nDate: 24.11.2022\nAuthor: T. Reinhardt\nSection: Politik\n\nErster Absatz.\n\nZweiter Absatz\nmit Umbruch.\n\nLesen Sie auch: Anderes\n"
        let article = try extract(text, fileName: "a.txt")
        #expect(article.title == "Haushalt beschlossen")
        #expect(article.date == "2022-11-24")
        #expect(article.author == "T. Reinhardt")
        #expect(article.section == "Politik")
        #expect(article.lead == "Erster Absatz.")
        #expect(article.body == "Zweiter Absatz mit Umbruch.")
        // A section line over a headline that the text repeats as its first paragraph.
        let repeated = try extract("Wirtschaft\n\nGas für den Winter.\n\nGas für den Winter.\n\nKiew muss zustimmen.\n", fileName: "c.txt")
        #expect(repeated.section == "Wirtschaft" && repeated.title == "Gas für den Winter.")
        #expect(repeated.lead == "Kiew muss zustimmen.")
        let bare = try extract("Überschrift\n\nText des Artikels.", fileName: "b.TXT")
        #expect(bare.title == "Überschrift" && bare.lead == "Text des Artikels.")
    }

    /// Windows (CRLF) and old Mac (CR) line endings read like LF: headers, lines and paragraphs alike.
    @Test func plainTextLineEndingsOfEveryKind() throws {
        let text = "Titel: Überschrift\nDatum: 5. August 2022\n\nErster Absatz\nzweite Zeile.\n\nZweiter Absatz.\n"
        let lf = try extract(text, fileName: "lf.txt")
        for ending in ["\r\n", "\r"] {
            #expect(try extract(text.replacing("\n", with: ending), fileName: "other.txt") == lf)
        }
        #expect(lf.title == "Überschrift" && lf.date == "2022-08-05" && lf.lead == "Erster Absatz zweite Zeile.")
        #expect(lf.body == "Zweiter Absatz.")
    }

    /// Without headers, a section line above the headline is no title ("Wirtschaft", then the headline).
    @Test func plainTextSectionLineAboveTheHeadline() throws {
        let kicker = try extract("Wirtschaft\n\nBörse im Aufwind\n\nDie Kurse stiegen.\n\nMehr Text.", fileName: "k.txt")
        #expect(kicker.section == "Wirtschaft" && kicker.title == "Börse im Aufwind" && kicker.lead == "Die Kurse stiegen.")
        // A short title over a one-sentence lead stays the title.
        let lead = try extract("Überschrift\n\nKurzer Vorspann.\n\nText des Artikels.", fileName: "l.txt")
        #expect(lead.title == "Überschrift" && lead.section.isEmpty && lead.lead == "Kurzer Vorspann.")
        // A Section header wins over the line.
        let header = try extract("Section: Politik\n\nInland\n\nWahl verschoben\n\nDer Termin fällt.", fileName: "h.txt")
        #expect(header.section == "Politik" && header.title == "Wahl verschoben")
    }

    @Test func badFilesAreRefusedWithAReason() {
        #expect(throws: ExtractionError.empty) { try extractor.extract([], fileName: "a.html") }
        #expect(throws: ExtractionError.binary) { try extractor.extract([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 1], fileName: "a.html") }
        #expect(throws: ExtractionError.tooLarge(bytes: 10, limit: 9)) {
            try ArticleExtractor(maximumFileSize: 9).extract(Array("<p>xxxxxxx".utf8), fileName: "a.html")
        }
        #expect(throws: ExtractionError.noText) { try extract("<html><body><nav>Menü</nav></body></html>") }
    }

    @Test func textIsCutAtTheLimit() throws {
        let long = String(repeating: "Wort ", count: 2_000)
        let html = page(body: "<article><h1>Lang</h1><p>\(long)</p><p>\(long)</p></article>")
        let article = try ArticleExtractor(maximumTextLength: 100).extract(Array(html.utf8), fileName: "a.html")
        #expect(article.lead.count + article.body.count <= 100)
    }

    @Test func deeplyNestedPagesDoNotExhaustTheStack() throws {
        let depth = 20_000
        let html = String(repeating: "<div>", count: depth) + "<p>Tief verschachtelter Text im Artikel.</p>" + String(repeating: "</div>", count: depth)
        let article = try extract("<html><head><title>Tief</title></head><body>" + html + "</body></html>")
        #expect(article.title == "Tief")
    }
}

@Suite struct TextMeasureCacheTests {
    /// A measure made of its block elements' cached measures equals the measure that reads all the
    /// text: spaces between inline pieces, links (inside and around blocks), boilerplate, <br>.
    @Test func cachedMeasuresAddUpExactly() throws {
        let html = """
            <html><body><div id="a">Vorspann <b>fett</b>,
            <p>Erster Absatz, mit Komma.</p> zwischen <span>den</span>
            <div><p>Innen <a href="x">ein Link</a> und Text,</p><p>noch einer</p></div>
            <a href="y"><div>Block im Link</div></a> <nav><p>Menü, Menü</p></nav>
            Zeile<br>zwei<br><br>drei <img src="i.png">Bild</div></body></html>
            """
        let document = try #require(HTMLDocument.parse(Array(html.utf8), encoding: "UTF-8"))
        let elements = [document.root] + document.root.descendants(where: { _ in true })
        for classWords in [true, false] {
            let cache = TextMeasureCache()
            // Inner elements first, so that outer ones are made of cached measures.
            for element in elements.reversed() {
                let cached = BlockCollector.measure(of: element, classWords: classWords, cache: cache)
                let read = BlockCollector.measure(of: element, classWords: classWords)
                #expect(cached.characters == read.characters, "\(element.name)")
                #expect(cached.linkCharacters == read.linkCharacters, "\(element.name)")
                #expect(cached.commas == read.commas, "\(element.name)")
            }
            #expect(BlockCollector.measure(of: document.root, classWords: classWords).characters > 100)
        }
    }
}
