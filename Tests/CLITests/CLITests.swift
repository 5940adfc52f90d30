import Foundation
import Ingestion
import TestSupport
import Testing

/// End-to-end tests through the built `stichwort` binary on the sample archive in `Corpus/`.
@Suite struct CLITests {
    /// One index of `Corpus/`, built once for the suite.
    static let shared: (directory: TemporaryDirectory, database: String) = {
        let directory = TemporaryDirectory()
        let database = directory.path("corpus.db")
        let result = try! stichwort(["index", TestPaths.corpus.path, "--db", database])
        precondition(result.status == 0, "indexing Corpus failed: \(result.standardError)")
        return (directory, database)
    }()

    static func stichwort(_ arguments: [String], environment: [String: String]? = nil, input: String? = nil) throws -> ProcessResult {
        try runProcess(TestPaths.binary, arguments, environment: environment, input: input)
    }

    func search(_ query: String, _ extra: [String] = []) throws -> ProcessResult {
        try Self.stichwort(["search", "--db", Self.shared.database] + extra + [query])
    }

    static let seed = "2022/08/putin-erdogan-drohnen.html"

    @Test func everySubcommandHasHelp() throws {
        for command in ["index", "search", "show", "extract", "analyze", "stats", "check", "rebuild"] {
            let result = try Self.stichwort([command, "--help"])
            #expect(result.status == 0, "\(command) --help")
            #expect(result.standardOutput.contains("USAGE"), "\(command) --help")
        }
    }

    @Test func bayraktarFindsTheSeedArticleFirstAsJSONLines() throws {
        let result = try search("Bayraktar", ["--json"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["path", "title", "date", "section", "author", "url", "score", "snippet"] {
                #expect(object[key] != nil, "missing \(key)")
            }
        }
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["path"] as? String == Self.seed)
        #expect((first["snippet"] as? String)?.contains("Bayraktar") == true)
        #expect((first["date"] as? String)?.hasPrefix("2022-08-04") == true)
    }

    @Test(arguments: ["Drohne", "Erdogan", "Erdoğan", "ERDOGAN", "Getreidelieferung", "Kreml"])
    func germanAnalysisFindsTheSeed(query: String) throws {
        let result = try search(query, ["--paths", "--limit", "50"])
        #expect(result.status == 0)
        #expect(result.standardOutput.split(separator: "\n").contains(Substring(Self.seed)))
    }

    @Test(arguments: ["Pinterest", "Savostyanov", "Horoskop", "Impressum"])
    func boilerplateWordsFindNothing(query: String) throws {
        let result = try search(query, ["--paths"])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
    }

    @Test func humanOutputHasNoEscapeCodesOffTheTerminal() throws {
        let result = try search("Drohne")
        #expect(result.status == 0)
        #expect(!result.standardOutput.contains("\u{1B}"))
        #expect(result.standardOutput.contains("[Drohne]") || result.standardOutput.contains("[Drohnen]"))
        #expect(result.standardOutput.contains("articles match"))
        let forced = try search("Drohne", ["--color", "always"])
        #expect(forced.standardOutput.contains("\u{1B}["))
    }

    @Test func extractKeepsTheSeedArticleWithoutBoilerplate() throws {
        let result = try Self.stichwort(["extract", "--json", TestPaths.corpus.appendingPathComponent(Self.seed).path])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let text = try #require(object["text"] as? String)
        #expect(!(object["title"] as? String ?? "").isEmpty)
        #expect((object["date"] as? String)?.hasPrefix("2022") == true)
        #expect(text.contains("CEO Haluk Bayraktar"))
        for boilerplate in ["Artikel teilen", "Folgen Sie", "Lesen Sie auch"] { #expect(!text.contains(boilerplate)) }
    }

    @Test func showPrintsAnIndexedArticleAndExitsOneForUnknownPaths() throws {
        let shown = try Self.stichwort(["show", "--db", Self.shared.database, "--json", Self.seed])
        #expect(shown.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.standardOutput.utf8)) as? [String: Any])
        #expect(object["path"] as? String == Self.seed)
        let missing = try Self.stichwort(["show", "--db", Self.shared.database, "2022/08/nope.html"])
        #expect(missing.status == 1)
        #expect(missing.standardError.split(separator: "\n").count == 1)
        // The file's path on disk names the same article.
        let onDisk = try Self.stichwort(["show", "--db", Self.shared.database, "--json", TestPaths.corpus.appendingPathComponent(Self.seed).path])
        #expect(onDisk.status == 0 && onDisk.standardOutput == shown.standardOutput)
    }

    @Test func statsAndCheckDescribeASoundIndex() throws {
        let stats = try Self.stichwort(["stats", "--db", Self.shared.database, "--json"])
        #expect(stats.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as? [String: Any])
        let files = try FileManager.default.subpathsOfDirectory(atPath: TestPaths.corpus.path)
            .filter { $0.hasSuffix(".html") || $0.hasSuffix(".txt") }
        #expect(object["documents"] as? Int == files.count)
        let check = try Self.stichwort(["check", "--db", Self.shared.database])
        #expect(check.status == 0)
        #expect(check.standardOutput.hasPrefix("ok:"))
    }

    @Test func badInputGivesOneLineAndADocumentedExitCode() throws {
        let directory = TemporaryDirectory()
        let cases: [([String], Int32)] = [
            (["search", "--db", directory.path("missing.db"), "Putin"], 3),
            (["search", "--db", directory.write("text.db", String(repeating: "kein SQLite ", count: 20)), "Putin"], 3),
            (["index", directory.path("no-such-folder"), "--db", directory.path("new.db")], 3),
            (["extract", directory.path("missing.html")], 3),
            (["show", "--db", directory.path("missing.db"), "a.html"], 3),
            (["search", "--db", Self.shared.database, "-Putin"], 3),
            (["search", "--db", Self.shared.database, "OR"], 3),
            (["search", "--db", Self.shared.database, "--since", "gestern", "Putin"], 64),
            (["search", "--db", Self.shared.database, "--since", "2016-13-45", "Putin"], 64),
        ]
        for (arguments, status) in cases {
            let result = try Self.stichwort(arguments)
            #expect(result.status == status, "\(arguments)")
            let lines = result.standardError.split(separator: "\n").filter { !$0.isEmpty }
            if status != 64 { #expect(lines.count == 1, "\(arguments): \(result.standardError)") }
            #expect(!result.standardError.contains("SQLITE") && !result.standardError.contains("Fatal error"))
        }
    }

    @Test func queryWordsStartingWithADashAreExclusionsNotOptions() throws {
        let result = try search("Drohne", ["-Apotheke", "--paths"])
        #expect(result.status == 0)
        #expect(result.standardOutput == Self.seed + "\n")
    }

    /// Every option `search --help` lists is parsed as an option, not taken for a query word.
    @Test func everySearchOptionIsRecognised() throws {
        let help = try Self.stichwort(["search", "--help"]).standardOutput
        let values = ["--limit": "3", "--offset": "0", "--since": "2022-01-01", "--until": "2022-12-31",
                      "--section": "Politik", "--author": "x", "--sort": "date", "--color": "never", "--db": Self.shared.database]
        let options = help.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("--") || trimmed.hasPrefix("-l, ") else { return nil }
            return trimmed.replacingOccurrences(of: "-l, ", with: "").split(separator: " ").first.map(String.init)
        }
        #expect(options.count >= 13)
        for option in options where option != "--help" {
            var arguments = ["search", "--db", Self.shared.database, option]
            if let value = values[option] { arguments.append(value) }
            arguments.append("Kreml")
            let result = try Self.stichwort(arguments)
            #expect(result.status == 0 || result.status == 1, "\(option): \(result.standardError)")
        }
    }

    @Test func environmentVariableNamesTheDatabase() throws {
        let result = try Self.stichwort(["search", "--count", "Kreml"], environment: ["STICHWORT_DB": Self.shared.database])
        #expect(result.status == 0)
        #expect(result.standardOutput == "1\n")
    }

    @Test func analyzeStemsLineByLine() throws {
        let result = try Self.stichwort(["analyze", "--stem", "--lines"], input: "häuser\nabgeleitet\n\nkampfdrohnen\n")
        #expect(result.standardOutput == "haus\nabgeleit\n\nkampfdrohn\n")
        let json = try Self.stichwort(["analyze", "--json", "Die Straße"])
        let lines = json.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].contains("\"term\":\"strass\"") && lines[1].contains("\"start\":4"))
        #expect(lines[2].contains("\"term\":\"=strasse\""))
    }

    @Test func reindexingAnUnchangedArchiveChangesNothingAndRebuildKeepsItSound() throws {
        let directory = TemporaryDirectory()
        let database = directory.path("index.db")
        _ = try Self.stichwort(["index", TestPaths.corpus.path, "--db", database, "--quiet"])
        let again = try Self.stichwort(["index", TestPaths.corpus.path, "--db", database])
        #expect(again.status == 0)
        #expect(again.standardOutput.contains("0 added, 0 changed, 0 moved, 0 removed, 0 failed"))
        let rebuild = try Self.stichwort(["rebuild", "--db", database])
        #expect(rebuild.status == 0)
        #expect(try Self.stichwort(["check", "--db", database]).status == 0)
    }

    @Test func aSecondWriterWithNoWaitExitsWithCodeFour() throws {
        let directory = TemporaryDirectory()
        let database = directory.path("index.db")
        let lock = try IndexLock(databasePath: database, wait: false)
        let result = try Self.stichwort(["index", TestPaths.corpus.path, "--db", database, "--no-wait"])
        #expect(result.status == 4)
        #expect(result.standardError.contains("another stichwort run"))
        withExtendedLifetime(lock) {}
    }
}
