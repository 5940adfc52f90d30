import Foundation
import TestSupport
import Testing

/// The search experience through the built CLI on the 1,028 real derStandard.at articles that
/// `../shared/tools/gnad2archive.py` turns into an archive. Skipped when `../shared` is absent.
private let archiveGenerator: URL? = {
    let url = TestPaths.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/tools/gnad2archive.py")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
}()

@Suite(.enabled(if: archiveGenerator != nil, "needs ../shared/tools/gnad2archive.py"))
struct RealArchiveTests {
    /// The archive, written and indexed once for the suite.
    static let shared: (directory: TemporaryDirectory, database: String) = {
        let directory = TemporaryDirectory()
        let archive = directory.path("archive")
        let python = try! runProcess(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", archiveGenerator!.path, archive])
        precondition(python.status == 0, python.standardError)
        let database = directory.path("gnad.db")
        let index = try! runProcess(TestPaths.binary, ["index", archive, "--db", database, "--quiet"])
        precondition(index.status == 0, index.standardError)
        return (directory, database)
    }()

    func search(_ arguments: String...) throws -> ProcessResult {
        try runProcess(TestPaths.binary, ["search", "--db", Self.shared.database] + arguments)
    }

    func count(_ query: String, _ options: String...) throws -> Int {
        let result = try runProcess(TestPaths.binary, ["search", "--db", Self.shared.database, "--count"] + options + [query])
        return try #require(Int(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    func hits(_ query: String, _ options: String...) throws -> [[String: Any]] {
        let result = try runProcess(TestPaths.binary, ["search", "--db", Self.shared.database, "--json"] + options + [query])
        #expect(!result.standardOutput.contains("\u{1B}"))
        return try result.standardOutput.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func phrasesMatchWordsInOrder() throws {
        let phrase = try count("\"Vereinten Nationen\"")
        #expect(phrase > 0)
        #expect(try count("\"Nationen Vereinten\"") < phrase)
        #expect(try count("Vereinten Nationen") >= phrase)
    }

    @Test func orNotAndPrefixCombineAsSetsDo() throws {
        let a = try count("Regierung")
        let b = try count("Flüchtlinge")
        let both = try count("Regierung Flüchtlinge")
        #expect(a > 0 && b > 0 && both > 0)
        #expect(try count("Regierung OR Flüchtlinge") == a + b - both)
        #expect(try count("Regierung -Flüchtlinge") == a - both)
        #expect(try count("Regierung NOT Flüchtlinge") == a - both)
        #expect(try count("Regier*") >= a)
    }

    @Test func titleFieldSearchesTitlesOnly() throws {
        let inTitles = try hits("title:Regierung", "--limit", "50")
        #expect(!inTitles.isEmpty)
        #expect(try count("title:Regierung") < count("Regierung"))
        for hit in inTitles { #expect((hit["title"] as? String)?.lowercased().contains("regier") == true) }
    }

    @Test func sectionAndDateFiltersAndDateOrder() throws {
        let sport = try hits("Tor", "--section", "Sport", "--limit", "50")
        #expect(!sport.isEmpty)
        #expect(sport.allSatisfy { $0["section"] as? String == "Sport" })
        let inRange = try hits("Regierung", "--since", "2015-09-01", "--until", "2015-12-31", "--limit", "50")
        #expect(!inRange.isEmpty)
        for hit in inRange {
            let date = String((hit["date"] as? String ?? "").prefix(10))
            #expect(date >= "2015-09-01" && date <= "2015-12-31", "\(date)")
        }
        let newest = try hits("Regierung", "--sort", "date", "--limit", "30").map { $0["date"] as? String ?? "" }
        #expect(newest == newest.sorted(by: >))
        #expect(newest.count == 30)
    }

    @Test func anyWordRanksQuestions() throws {
        let question = "Wie viele Flüchtlinge kamen nach Österreich?"
        #expect(try count(question) < count(question, "--any"))
        #expect(!(try hits(question, "--any")).isEmpty)
    }

    @Test func whenAllWordsFindNothingAnyWordIsShownWithANote() throws {
        let result = try search("Flüchtlinge", "Quantencomputer")
        #expect(result.status == 0)
        #expect(result.standardError.contains("No article has all the words"))
        // Any word may match now; BM25 puts the rarer word's articles first.
        #expect(result.standardOutput.contains("[Computer") || result.standardOutput.contains("[Flüchtling"))
        #expect(try count("Flüchtlinge Quantencomputer", "--any") > count("Flüchtlinge"))
    }

    @Test func misspeltNamesGetASuggestion() throws {
        let result = try search("Regirung")
        #expect(result.standardError.contains("Meinten Sie: Regierung?"))
        let json = try hits("Regirung")
        #expect(json.first?["suggestion"] as? String == "Regierung")
    }

    @Test func hostileQueriesEndCleanly() throws {
        let hostile = [
            "\"", "\"Regierung", "(", ")", "(((Regierung", "*", "^", ":", "title:", "NEAR(", "NEAR(a b, 2)",
            "AND", "OR", "NOT", "-", "- Regierung", "'; DROP TABLE article; --", "1=1 OR", "SELECT * FROM article",
            "c++", "\u{1}\u{2}\u{7F}", "der die das", String(repeating: "Regierung ", count: 500),
            String(repeating: "ä", count: 5_000), "{title}:x", "Regierung*^2", "\\", "🙂", "-Regierung",
            "author:", "section:Sport", "title:(Regierung OR",
        ]
        #expect(hostile.count >= 30)
        for query in hostile {
            let result = try search(query)
            #expect([0, 1, 3].contains(result.status), "\(query.prefix(30)): \(result.status)")
            let errors = result.standardError.split(separator: "\n")
            #expect(errors.count <= 2, "\(query.prefix(30)): \(result.standardError)")
            #expect(!result.standardError.localizedCaseInsensitiveContains("sqlite"), "\(query.prefix(30))")
        }
    }

    @Test func showHighlightsMatches() throws {
        let first = try #require(try hits("Regierung").first?["path"] as? String)
        let shown = try runProcess(TestPaths.binary, ["show", "--db", Self.shared.database, "--highlight", "Regierung", first])
        #expect(shown.status == 0)
        #expect(shown.standardOutput.contains("[Regierung"))
    }
}
