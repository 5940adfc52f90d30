import ArticleModel
import IndexStore
import Query
import TestSupport
import Testing

@Suite struct SearcherTests {
    let directory = TemporaryDirectory()

    func makeIndex() throws -> ArticleIndex {
        let index = try ArticleIndex(path: directory.path("index.db"), access: .write)
        let articles = [
            ("a.html", Article(title: "Schiffe im Schwarzen Meer", date: "2022-08-01", section: "Politik", lead: "Die Getreidelieferungen laufen wieder über das Schwarze Meer.")),
            ("b.html", Article(title: "Baden-Württemberg feiert", date: "2022-06-01", section: "Lokales", lead: "Das Land Baden-Württemberg feiert ein Fest am Meer.")),
            ("c.html", Article(title: "Drohnen über der Stadt", date: "2022-09-01", section: "Lokales", lead: "Eine Drohne liefert Medikamente.")),
        ]
        try index.write {
            for (path, article) in articles {
                try index.insert(article, file: IndexedFile(path: path, size: 1, mtime: 1, hash: "0000000000000000"))
            }
        }
        return index
    }

    @Test func phrasesAreAnalysedAndKeepTheirOrder() throws {
        let searcher = Searcher(index: try makeIndex())
        #expect(try searcher.search("\"Schwarze Meer\"").hits.map(\.path) == ["a.html"])
        #expect(try searcher.search("\"Meer Schwarze\"").total == 0)
    }

    @Test func fallsBackToAnyWordWhenAllTogetherFindNothing() throws {
        let searcher = Searcher(index: try makeIndex())
        let result = try searcher.search("Drohne Zebra")
        #expect(result.fellBackToAnyWord)
        #expect(result.total == 1)
        let none = try searcher.search("Zebra Giraffe")
        #expect(none.total == 0 && !none.fellBackToAnyWord)
    }

    /// A prefix word stays a prefix when any word may match, asked for or as the fallback.
    @Test func anyWordKeepsPrefixes() throws {
        let searcher = Searcher(index: try makeIndex())
        var options = SearchOptions()
        options.anyWord = true
        #expect(try searcher.search("Medika*", options: options).hits.map(\.path) == ["c.html"])
        let fallback = try searcher.search("Medika* Zebra")
        #expect(fallback.fellBackToAnyWord && fallback.hits.map(\.path) == ["c.html"])
    }

    @Test func sectionFieldAndOptionsNarrow() throws {
        let searcher = Searcher(index: try makeIndex())
        #expect(try searcher.search("Meer section:Lokales").hits.map(\.path) == ["b.html"])
        var options = SearchOptions()
        options.order = .date
        #expect(try searcher.search("Meer OR Drohne", options: options).hits.map(\.path) == ["c.html", "a.html", "b.html"])
    }

    /// Whatever a user types gives hits, no hits or a `QueryError`, never an SQLite error.
    @Test func hostileQueriesReturnCleanly() throws {
        let searcher = Searcher(index: try makeIndex())
        let hostile = [
            "\"", "\"\"", "\"Meer", "Meer\"", "(", ")", "((((", "))))", "(Meer", "Meer)", "*", "**", "Meer*",
            "*Meer", "^", "^Meer", ":", "title:", ":Meer", "section:", "author:", "foo:bar", "NEAR(", "NEAR(a b",
            "NEAR(a, b, 3)", "AND", "OR", "NOT", "-", "--", "- -Meer", "Meer AND", "OR Meer", "NOT Meer", "Meer NOT",
            "'; DROP TABLE article; --", "1 OR 1=1", "Meer' OR '1'='1", "SELECT * FROM article", "{title}: Meer",
            "title:(Meer OR", "c++", "C#", "\u{0}\u{1}\u{7}", "Meer\u{0}Drohne", "\u{202E}Meer", "der die das und",
            String(repeating: "Meer ", count: 1_000), String(repeating: "x", count: 5_000), "Baden-Württemberg",
            "🙂🙃", "Ωmega", "%_%", "\\", "Meer\\", "+Meer", "~Meer", "Meer~2", "\"Meer\" \"", "title:\"",
        ]
        #expect(hostile.count >= 30)
        for query in hostile {
            do {
                _ = try searcher.search(query)
            } catch let error as QueryError {
                #expect(!error.description.lowercased().contains("sqlite"), "\(query)")
            } catch {
                Issue.record("query \(query.prefix(40)) failed with \(error)")
            }
        }
    }
}

@Suite struct QueryVariantSearchTests {
    let directory = TemporaryDirectory()
    /// Options of an any-word search (`--any`), where the weak variants apply.
    static let anyWord: SearchOptions = {
        var options = SearchOptions()
        options.anyWord = true
        return options
    }()

    /// A new index named `name` holding `articles` (path, article).
    func index(_ name: String, _ articles: [(String, Article)]) throws -> ArticleIndex {
        let index = try ArticleIndex(path: directory.path(name), access: .write)
        try index.write {
            for (path, article) in articles {
                try index.insert(article, file: IndexedFile(path: path, size: 1, mtime: 1, hash: "0000000000000000"))
            }
        }
        return index
    }

    /// A name's genitive and a loan word's plural, whose -s Snowball keeps, find the other spelling.
    @Test func aWordFindsItsSpellingWithOrWithoutS() throws {
        let searcher = Searcher(index: try index("s.db", [
            ("a.html", Article(title: "Die Bevölkerung Warschaus wächst", lead: "Neue Autos auf den Straßen.")),
            ("b.html", Article(title: "Ein Besuch in Warschau", lead: "Mit dem Auto nach Polen.")),
            ("c.html", Article(title: "Das Haus am See", lead: "Man hört die Axt hauen.")),
        ]))
        #expect(try Set(searcher.search("Warschau").hits.map(\.path)) == ["a.html", "b.html"])
        #expect(try Set(searcher.search("Warschaus").hits.map(\.path)) == ["a.html", "b.html"])
        #expect(try Set(searcher.search("Autos").hits.map(\.path)) == ["a.html", "b.html"])
        // The exact spelling ranks first.
        #expect(try searcher.search("Auto").hits.first?.path == "b.html")
        // Haus is not hauen's.
        #expect(try searcher.search("Haus").hits.map(\.path) == ["c.html"])
        #expect(try searcher.search("\"Bevölkerung Warschaus\"").hits.map(\.path) == ["a.html"])
    }

    /// A one-word query ranks the word as written above another word with its stem (Kohle, not Kohl),
    /// even where that one stands in a short article's title.
    @Test func aOneWordQueryRanksTheWordAsWrittenFirst() throws {
        let searcher = Searcher(index: try index("k.db", [
            ("a.html", Article(title: "Altkanzler Kohl", lead: "Helmut Kohl wird geehrt.")),
            ("b.html", Article(title: "Energie im Winter", lead: "Die Preise für Kohle und Gas steigen in diesem Winter weiter an, sagen die Händler an der Börse.")),
        ]))
        #expect(try searcher.search("Kohle").hits.map(\.path) == ["b.html", "a.html"])
        #expect(try searcher.search("Kohl").hits.map(\.path) == ["a.html", "b.html"])
    }

    /// A Latin or Greek plural finds its singular, also inside compounds, and the other way round.
    @Test func aNounFindsItsOtherNumber() throws {
        let searcher = Searcher(index: try index("l.db", [
            ("a.html", Article(title: "Zwei Ministerien streiten", lead: "Die Themen sind offen.")),
            ("b.html", Article(title: "Das Finanzministerium spart", lead: "Ein Thema für alle.")),
        ]))
        #expect(try Set(searcher.search("Ministerien").hits.map(\.path)) == ["a.html", "b.html"])
        #expect(try Set(searcher.search("Ministerium").hits.map(\.path)) == ["a.html", "b.html"])
        #expect(try searcher.search("Thema").hits.first?.path == "b.html")
        #expect(try searcher.search("Themen").hits.first?.path == "a.html")
    }

    /// A noun for a person finds its other gender and number, also inside compounds (Kinderärztin),
    /// the form searched for first, even in the text against the other form in a title; a word that
    /// merely ends in -in (Termin) finds no "Term".
    @Test func aPersonNounFindsItsOtherGender() throws {
        let searcher = Searcher(index: try index("g.db", [
            ("a.html", Article(title: "Ärzte streiken", lead: "Der Arzt warnt.")),
            ("b.html", Article(title: "Eine Ärztin berichtet", lead: "Die Kinderärztin hat Dienst.")),
            ("c.html", Article(
                title: "Mehr Geld gefordert", lead: "Die Ärztinnen fordern mehr Geld. Ein Termin fehlt.",
                body: String(repeating: "Der Verband verhandelt in Wien über Dienste in der Nacht und am Wochenende. ", count: 30))),
            ("d.html", Article(title: "Der Term bleibt", lead: "Ein Journalist fragt.")),
        ]))
        #expect(try Set(searcher.search("Ärztinnen").hits.map(\.path)) == ["a.html", "b.html", "c.html"])
        #expect(try searcher.search("Ärztinnen").hits.first?.path == "c.html")
        #expect(try Set(searcher.search("Arzt").hits.map(\.path)) == ["a.html", "b.html", "c.html"])
        #expect(try searcher.search("Arzt").hits.first?.path == "a.html")
        #expect(try Set(searcher.search("Journalistinnen").hits.map(\.path)) == ["d.html"])
        #expect(try searcher.search("Termin").hits.map(\.path) == ["c.html"])
    }

    /// A question's participle finds its infinitive (gegründet: gründen), below the participle itself;
    /// an all-word query keeps to the participle.
    @Test func aQuestionsParticipleFindsItsVerb() throws {
        let searcher = Searcher(index: try index("p.db", [
            ("a.html", Article(title: "Pläne der Firma", lead: "Sie wollten eine Firma gründen.")),
            ("b.html", Article(title: "Firma gegründet", lead: "Die Firma wurde 1990 gegründet.")),
            ("c.html", Article(title: "Ein Wal im Hafen", lead: "Er schwimmt.")),
        ]))
        #expect(try searcher.search("Wann wurde die Firma gegründet?", options: Self.anyWord).hits.map(\.path) == ["b.html", "a.html"])
        #expect(try searcher.search("gegründet").hits.map(\.path) == ["b.html"])
        // A capitalised noun is no participle: Gewalt does not find Wal (walen), gewalt would.
        #expect(try searcher.search("Gewalt", options: Self.anyWord).total == 0)
    }

    /// A question's word in c-spelling finds its German spelling, below the spelling asked for.
    @Test func aQuestionsCSpellingFindsTheGermanSpelling() throws {
        let searcher = Searcher(index: try index("c.db", [
            ("a.html", Article(title: "Der Doktor reist", lead: "Der Doktor reist selten allein.")),
            ("b.html", Article(title: "Doctor Who", lead: "Doctor Who reist durch die Zeit.")),
        ]))
        #expect(try searcher.search("Wer ist der Doctor?", options: Self.anyWord).hits.map(\.path) == ["b.html", "a.html"])
        #expect(try searcher.search("Doctor").hits.map(\.path) == ["b.html"])
    }
}
