import ArticleModel
import Foundation
import GermanAnalysis
import IndexStore
import TestSupport
import Testing

@Suite struct ArticleIndexTests {
    let directory = TemporaryDirectory()

    func makeIndex() throws -> ArticleIndex {
        try ArticleIndex(path: directory.path("index.db"), access: .write)
    }

    func file(_ path: String, hash: String = "0123456789abcdef") -> IndexedFile {
        IndexedFile(path: path, size: 100, mtime: 1, hash: hash)
    }

    static let drones = Article(
        title: "Putin bittet Erdoğan um Hilfe", date: "2022-08-04", section: "Politik",
        lead: "Das türkische Unternehmen Baykar stellt Bayraktar-Kampfdrohnen her.",
        body: "Putin soll mehrere Hundert Drohnen aus dem Iran erhalten haben. Die Straßenbäume blühen.")
    static let weather = Article(
        title: "Hitzewelle erreicht die Stadt", date: "2022-07-19", section: "Wetter",
        lead: "Bis zu 38 Grad werden erwartet.", body: "Die Freibäder öffnen länger.")

    func search(_ index: ArticleIndex, _ expression: String) throws -> [Hit] {
        try index.search(SearchRequest(expression: expression))
    }

    @Test func insertedArticlesAreFoundWithHighlightedOriginalWords() throws {
        let index = try makeIndex()
        try index.write {
            try index.insert(Self.drones, file: file("2022/08/a.html"))
            try index.insert(Self.weather, file: file("2022/07/b.html"))
        }
        let hits = try search(index, "\"erdogan\"")
        #expect(hits.map(\.path) == ["2022/08/a.html"])
        let drones = try search(index, "(\"Drohne\" OR \"\u{1}Drohne\")")
        #expect(drones.first?.snippet.contains("[Bayraktar-Kampfdrohnen]") == false)
        #expect(drones.first?.snippet.contains("-[Kampfdrohnen]") == true)
        let trees = try search(index, "\"strassenbaume\"")
        #expect(trees.first?.snippet.contains("[Straßenbäume]") == true)
        #expect(try search(index, "\"freibad\"").map(\.path) == ["2022/07/b.html"])
        #expect(try index.check().isEmpty)
    }

    @Test func titleMatchesRankAboveBodyMatches() throws {
        let index = try makeIndex()
        try index.write {
            try index.insert(Article(title: "Bericht", lead: "Ein Text über das Wetter am Wochenende."), file: file("body.html"))
            try index.insert(Article(title: "Wetter am Wochenende", lead: "Ein Text."), file: file("title.html"))
        }
        #expect(try search(index, "\"wetter\"").map(\.path) == ["title.html", "body.html"])
    }

    @Test func filtersAndDateOrder() throws {
        let index = try makeIndex()
        try index.write {
            try index.insert(Self.drones, file: file("a.html"))
            try index.insert(Self.weather, file: file("b.html"))
        }
        var request = SearchRequest(expression: "\"die\"")
        request.order = .date
        #expect(try index.search(request).map(\.path) == ["a.html", "b.html"])
        request.section = "wetter"
        #expect(try index.search(request).map(\.path) == ["b.html"])
        request.section = nil
        request.since = "2022-08-01"
        #expect(try index.count(request) == 1)
        request.since = nil
        request.until = "2022-07-19"
        #expect(try index.search(request).map(\.path) == ["b.html"])
    }

    @Test func pagesOfTheRankingAreThoseOfTheWholeRanking() throws {
        // The rank function skips exact scoring of rows that cannot reach the page (top-k pruning):
        // every page must still be the matching slice of the complete order, filters included.
        let index = try makeIndex()
        try index.write {
            for n in 0..<120 {
                let mentions = Array(repeating: "Wien", count: 1 + n % 4).joined(separator: " und ")
                let filler = Array(repeating: "Text", count: (n * 7) % 23).joined(separator: " ")
                let article = Article(
                    title: n % 9 == 0 ? "Wien heute" : "Bericht \(n)", date: "2022-01-\(10 + n % 20)",
                    section: n % 3 == 0 ? "Inland" : "Kultur", lead: "\(mentions) \(filler).", body: "Ende \(n).")
                try index.insert(article, file: file(String(format: "%03d.html", n)))
            }
        }
        for section in [nil, "Inland"] {
            var request = SearchRequest(expression: "(\"wien\" OR \"\u{2}wien\")")
            request.section = section
            request.limit = 200
            let whole = try index.search(request)
            #expect(whole.count == (section == nil ? 120 : 40))
            // Pages too deep for pruning, up to the largest limit a user can type, score every row.
            for (limit, offset) in [(1, 0), (5, 0), (5, 5), (7, 30), (10, 35), (Int.max, 0), (Int.max, 3), (20_000, 2)] {
                request.limit = limit
                request.offset = offset
                let page = try index.search(request)
                #expect(page.map(\.path) == Array(whole.dropFirst(offset).prefix(limit)).map(\.path))
                #expect(page.map(\.score) == Array(whole.dropFirst(offset).prefix(limit)).map(\.score))
            }
        }
    }

    @Test func replaceMoveAndDeleteKeepTheFullTextIndexConsistent() throws {
        let index = try makeIndex()
        let id = try index.write { try index.insert(Self.drones, file: file("a.html")) }
        try index.write {
            try index.replace(Self.weather, file: IndexedFile(id: id, path: "a.html", size: 5, mtime: 2, hash: "1111111111111111"))
        }
        #expect(try search(index, "\"erdogan\"").isEmpty)
        #expect(try search(index, "\"hitzewelle\"").map(\.path) == ["a.html"])
        try index.write { try index.updateFile(IndexedFile(id: id, path: "moved/a.html", size: 5, mtime: 3, hash: "1111111111111111")) }
        #expect(try index.article(atPath: "moved/a.html")?.article.title == Self.weather.title)
        #expect(try index.article(atPath: "a.html") == nil)
        // The same text again (a page whose boilerplate alone changed): the full-text row stays as it is.
        try index.write {
            try index.replace(Self.weather, file: IndexedFile(id: id, path: "moved/a.html", size: 6, mtime: 4, hash: "2222222222222222"))
        }
        #expect(try search(index, "\"hitzewelle\"").map(\.path) == ["moved/a.html"])
        #expect(try index.check().isEmpty)
        try index.write { try index.delete(id: id) }
        #expect(try search(index, "\"hitzewelle\"").isEmpty)
        #expect(try index.documentCount() == 0)
        #expect(try index.check().isEmpty)
    }

    @Test func tokensPreparedAheadGiveTheSameIndexAsTheTokenizer() throws {
        let index = try makeIndex()
        let analyzer = GermanAnalyzer()
        try index.write {
            try index.insert(Self.drones, file: file("a.html"), tokens: PreparedTokens(Self.drones, analyzer: analyzer))
            try index.insert(Self.weather, file: file("b.html"))
        }
        #expect(try search(index, "\"\u{1}Drohne\"").map(\.path) == ["a.html"])
        #expect(try search(index, "\"erdogan\"").map(\.path) == ["a.html"])
        // FTS5's integrity check tokenizes the stored text again and compares it with the index.
        #expect(try index.check().isEmpty)
        // Tokens prepared for other text are never replayed for this one.
        try index.write {
            try index.insert(Self.weather, file: file("c.html"), tokens: PreparedTokens(Self.drones, analyzer: analyzer))
        }
        #expect(try search(index, "\"hitzewelle\"").map(\.path).sorted() == ["b.html", "c.html"])
        #expect(try index.check().isEmpty)
    }

    @Test func aWordRanksAboveTheSameWordAsACompoundPart() throws {
        let index = try makeIndex()
        let part = Article(title: "Neue Technik", lead: "Die Kampfdrohnen fliegen weit über das Land.", body: "")
        let word = Article(title: "Neue Technik", lead: "Die neuen Drohnen fliegen weit über das Land.", body: "")
        try index.write {
            try index.insert(part, file: file("part.html"))
            try index.insert(word, file: file("word.html"))
        }
        let expression = "(\"Drohne\" OR \"\u{1}Drohne\")"
        let hits = try search(index, expression)
        #expect(hits.map(\.path) == ["word.html", "part.html"])
        #expect(hits[0].score > hits[1].score)
        // The part phrase alone still finds the compound, and highlights the whole word.
        #expect(try search(index, "\"\u{1}Drohne\"").first?.snippet.contains("[Kampfdrohnen]") == true)
    }

    @Test func theRankFunctionIsBM25WithLogNOverNWhenEveryPhraseWeighsOne() throws {
        let index = try makeIndex()
        try index.write {
            try index.insert(Self.drones, file: file("a.html"))
            try index.insert(Self.weather, file: file("b.html"))
            try index.insert(Article(title: "Drohnen über der Stadt", lead: "Putin und die Hitze.", body: "Die Drohnen."), file: file("c.html"))
            try index.insert(Article(title: "Regen", lead: "Es regnet den ganzen Tag.", body: ""), file: file("d.html"))
        }
        func scores(_ query: String) throws -> [(bm25: Double, rank: Double)] {
            let statement = try index.connection.prepare(
                """
                SELECT bm25(article_fts, 10.0, 4.0, 1.0), stichwort_rank(article_fts, 10.0, 4.0, 1.0, '')
                FROM article_fts WHERE article_fts MATCH ?
                """)
            try statement.bind([.text(query)])
            var rows: [(Double, Double)] = []
            while try statement.step() { rows.append((statement.double(0), statement.double(1))) }
            return rows
        }
        // One word in 1 of 4 rows: bm25() weighs it log(3.5 / 1.5), stichwort_rank log(4 / 1); the
        // rest of the formula is the same.
        let rare = try scores("\"Hitzewelle\"")
        #expect(rare.count == 1)
        for row in rare { #expect(abs(row.rank - row.bm25 * log(4.0) / log(3.5 / 1.5)) < 1e-9) }
        // A word in half the rows: bm25() gives it (almost) nothing, stichwort_rank log(4 / 2).
        let common = try scores("\"Putin\"")
        #expect(common.count == 2)
        for row in common {
            #expect(abs(row.bm25) < 1e-5)
            #expect(row.rank < -0.1)
        }
    }

    @Test func aFailedBatchLeavesTheIndexAsItWas() throws {
        let index = try makeIndex()
        try index.write { try index.insert(Self.drones, file: file("a.html")) }
        struct Interrupted: Error {}
        #expect(throws: (any Error).self) {
            try index.write {
                try index.insert(Self.weather, file: file("b.html"))
                throw Interrupted()
            }
        }
        #expect(try index.documentCount() == 1)
        #expect(try search(index, "\"hitzewelle\"").isEmpty)
        #expect(try index.check().isEmpty)
    }

    @Test func statisticsCountDocumentsAndSections() throws {
        let index = try makeIndex()
        try index.write {
            try index.insert(Self.drones, file: file("a.html"))
            try index.insert(Self.weather, file: file("b.html"))
        }
        let stats = try index.statistics()
        #expect(stats.documents == 2)
        #expect(stats.terms > 10)
        #expect(stats.sections.map(\.name).sorted() == ["Politik", "Wetter"])
        #expect(stats.dateRange?.first == "2022-07-19")
        #expect(stats.databaseBytes > 0)
    }

    @Test func missingAndForeignFilesGiveClearErrors() throws {
        #expect {
            _ = try ArticleIndex(path: directory.path("missing.db"), access: .read)
        } throws: { error in
            "\(error)".hasPrefix("no index at")
        }
        let text = directory.write("notes.db", "just some text, not a database at all, long enough to be read")
        #expect {
            _ = try ArticleIndex(path: text, access: .read)
        } throws: { error in
            "\(error)".contains("is not a Stichwort index")
        }
        let other = directory.path("other.db")
        try Connection(path: other, mode: .create).execute("CREATE TABLE t(x)")
        #expect {
            _ = try ArticleIndex(path: other, access: .write)
        } throws: { error in
            "\(error)".contains("is not a Stichwort index")
        }
    }

    @Test func anotherAnalyzerVersionIsRefusedUntilRebuilt() throws {
        let path = directory.path("index.db")
        do {
            let index = try ArticleIndex(path: path, access: .write)
            try index.write { try index.insert(Self.drones, file: file("a.html")) }
        }
        try Connection(path: path, mode: .readWrite).execute("UPDATE meta SET value = 'german_v0' WHERE key = 'analyzer'")
        #expect {
            _ = try ArticleIndex(path: path, access: .write)
        } throws: { error in
            "\(error)".contains("run `stichwort rebuild")
        }
        let maintenance = try ArticleIndex(path: path, access: .maintain)
        #expect(try maintenance.check().contains { $0.contains("german_v0") })
        try maintenance.rebuild()
        let index = try ArticleIndex(path: path, access: .read)
        #expect(try search(index, "\"erdogan\"").count == 1)
    }

    /// An index of one article turned back into an older schema by `sql`, and a plain connection to it.
    func olderIndex(_ sql: String) throws -> (path: String, connection: Connection) {
        let path = directory.path("index.db")
        do {
            let index = try ArticleIndex(path: path, access: .write)
            try index.write { try index.insert(Self.drones, file: file("a.html")) }
        }
        let connection = try Connection(path: path, mode: .readWrite)
        try connection.execute(sql)
        return (path, connection)
    }

    @Test func anIndexWithTheOldInsertTriggerIsMigratedWhenOpenedForWriting() throws {
        // Schema 1 added full-text rows by a trigger; with it and the explicit insert, rows would double.
        let (path, old) = try olderIndex("""
            CREATE TRIGGER article_fts_insert AFTER INSERT ON article BEGIN
                INSERT INTO article_fts(rowid, title, lead, body) VALUES (new.id, new.title, new.lead, new.body);
            END;
            UPDATE meta SET value = '1' WHERE key = 'schema';
            """)
        #expect(try search(try ArticleIndex(path: path, access: .read), "\"erdogan\"").count == 1)
        let index = try ArticleIndex(path: path, access: .write)
        try index.write { try index.insert(Self.weather, file: file("b.html")) }
        #expect(try old.scalarText("SELECT value FROM meta WHERE key = 'schema'") == "5")
        #expect(try old.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'article_fts_insert'") == 0)
        #expect(try search(index, "\"freibad\"").map(\.path) == ["b.html"])
        #expect(try index.check().isEmpty)
    }

    @Test func anIndexWithoutFilterIndexesGetsThemWhenOpenedForWriting() throws {
        // Schema 2 had no indexes for the section and author filters.
        let (path, old) = try olderIndex("""
            DROP INDEX article_section; DROP INDEX article_author;
            UPDATE meta SET value = '2' WHERE key = 'schema';
            """)
        _ = try ArticleIndex(path: path, access: .write)
        #expect(try old.scalarText("SELECT value FROM meta WHERE key = 'schema'") == "5")
        #expect(
            try old.scalarInt(
                "SELECT count(*) FROM sqlite_schema WHERE name IN ('article_section', 'article_author')") == 2)
    }

    @Test func anIndexLosesTheUnusedHashIndexWhenOpenedForWriting() throws {
        // Schema 3 kept an index on the content hash that no statement reads.
        let (path, old) = try olderIndex("""
            CREATE INDEX article_hash ON article(hash);
            UPDATE meta SET value = '3' WHERE key = 'schema';
            """)
        #expect(try search(try ArticleIndex(path: path, access: .read), "\"erdogan\"").count == 1)
        let index = try ArticleIndex(path: path, access: .write)
        #expect(try old.scalarText("SELECT value FROM meta WHERE key = 'schema'") == "5")
        #expect(try old.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'article_hash'") == 0)
        try index.write { try index.insert(Self.weather, file: file("b.html")) }
        #expect(try search(index, "\"freibad\"").map(\.path) == ["b.html"])
        #expect(try index.check().isEmpty)
    }

    @Test func anIndexLosesItsTextTriggersWhenOpenedForWriting() throws {
        // Schema 4 kept the FTS5 rows in step by triggers; with them and the explicit statements, a
        // replaced or deleted article's FTS5 row would be deleted twice.
        let (path, old) = try olderIndex("""
            CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN
                INSERT INTO article_fts(article_fts, rowid, title, lead, body)
                VALUES ('delete', old.id, old.title, old.lead, old.body);
            END;
            CREATE TRIGGER article_fts_update AFTER UPDATE OF title, lead, body ON article BEGIN
                INSERT INTO article_fts(article_fts, rowid, title, lead, body)
                VALUES ('delete', old.id, old.title, old.lead, old.body);
                INSERT INTO article_fts(rowid, title, lead, body) VALUES (new.id, new.title, new.lead, new.body);
            END;
            UPDATE meta SET value = '4' WHERE key = 'schema';
            """)
        let index = try ArticleIndex(path: path, access: .write)
        #expect(try old.scalarText("SELECT value FROM meta WHERE key = 'schema'") == "5")
        #expect(try old.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'") == 0)
        let id = try #require(index.article(atPath: "a.html")?.file.id)
        try index.write {
            try index.replace(Self.weather, file: IndexedFile(id: id, path: "a.html", size: 5, mtime: 2, hash: "1111111111111111"))
        }
        #expect(try search(index, "\"erdogan\"").isEmpty)
        #expect(try search(index, "\"hitzewelle\"").map(\.path) == ["a.html"])
        try index.write { try index.delete(id: id) }
        #expect(try index.documentCount() == 0)
        #expect(try index.check().isEmpty)
    }

    /// An index made with FTS5's default merging (4 segments at a time) merges 8 at a time once it is
    /// opened for writing; reading changes nothing.
    @Test func anIndexGetsTheMergeSettingWhenOpenedForWriting() throws {
        let automerge = "SELECT v FROM article_fts_config WHERE k = 'automerge'"
        let (path, old) = try olderIndex("DELETE FROM article_fts_config WHERE k = 'automerge'")
        #expect(try old.scalarInt(automerge) == nil)
        _ = try ArticleIndex(path: path, access: .read)
        #expect(try old.scalarInt(automerge) == nil)
        let index = try ArticleIndex(path: path, access: .write)
        #expect(try old.scalarInt(automerge) == 8)
        #expect(try search(index, "\"erdogan\"").count == 1)
        #expect(try index.check().isEmpty)
    }
}
