import ArgumentParser
import Foundation
import IndexStore
import Query

/// `stichwort search QUERY`: ranked articles with highlighted snippets.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the index; print the best articles with highlighted snippets.",
        discussion: """
            Query syntax: words must all match (inflected forms and umlaut spellings too: Drohne finds \
            Drohnen, Muenchen finds München); "a phrase" matches words in this order; OR between \
            alternatives; -word or NOT word excludes; prefix* matches the beginning of words; title:word \
            searches titles only; section:Sport and author:Name narrow the whole query; parentheses group. \
            When no article has all words, articles with any of them are shown, with a note.

            \(ExitStatus.documentation)
            """)

    @Argument(parsing: .remaining, help: "The query (quote it in the shell when it has spaces or quotes).")
    var query: [String] = []
    @OptionGroup var database: DatabaseOption
    @Option(name: .shortAndLong, help: "Show at most this many hits.") var limit = 10
    @Option(help: "Skip this many hits first.") var offset = 0
    @Flag(help: "Print one JSON object per hit per line.") var json = false
    @Flag(help: "Any word may match (ranked by BM25, stopwords ignored).") var any = false
    @Option(help: "Only articles dated on or after this day (YYYY-MM-DD).") var since: String?
    @Option(help: "Only articles dated on or before this day (YYYY-MM-DD).") var until: String?
    @Option(help: "Only articles of this section.") var section: String?
    @Option(help: "Only articles by this author (part of the name).") var author: String?
    @Option(help: "Order: relevance or date (newest first).") var sort: SearchRequest.Order = .relevance
    @Flag(help: "Print only the number of matching articles.") var count = false
    @Flag(help: "Print only the paths of matching articles.") var paths = false
    @Option(help: "Colour: auto (on a terminal, without NO_COLOR), always or never.") var color: ColorChoice = .auto

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        guard offset >= 0 else { throw ValidationError("--offset cannot be negative") }
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, !isISODate(value) { throw ValidationError("\(name) takes a date like 2022-08-05") }
        }
    }

    func run() throws {
        let started = Date()
        let text = query.joined(separator: " ")
        let index = try database.open(.read)
        let terminal = Terminal(color: json ? .never : color)
        var options = SearchOptions()
        options.anyWord = any
        options.since = since
        options.until = until
        options.section = section
        options.author = author
        options.order = sort
        options.limit = limit
        options.offset = offset
        options.highlight = terminal.highlight
        let result: SearchResult
        do {
            result = try Searcher(index: index).search(text, options: options)
        } catch let error as QueryError {
            throw fail(error.description)
        } catch let error as IndexError {
            throw fail(error.description)
        }
        if result.fellBackToAnyWord && !json && !count && !paths {
            writeStandardError("No article has all the words; showing articles with any of them.\n")
        }
        if count {
            print(result.total)
        } else if paths {
            for hit in result.hits { print(hit.path) }
        } else if json {
            for (rank, hit) in result.hits.enumerated() { print(jsonLine(hit, rank: offset + rank + 1, fallback: result.fellBackToAnyWord)) }
        } else {
            printHuman(result, terminal: terminal, seconds: Date().timeIntervalSince(started))
        }
        if result.total == 0 { throw ExitStatus.notFound.exitCode }
    }

    private func jsonLine(_ hit: Hit, rank: Int, fallback: Bool) -> String {
        var line = JSONLine()
        line.add("rank", rank)
        line.add("path", hit.path)
        line.add("title", hit.title)
        line.add("date", hit.date)
        line.add("section", hit.section)
        line.add("author", hit.author)
        line.add("url", hit.url)
        line.add("score", hit.score)
        line.add("snippet", hit.snippet)
        if fallback { line.add("any_word_fallback", true) }
        return line.text
    }

    private func printHuman(_ result: SearchResult, terminal: Terminal, seconds: Double) {
        for (number, hit) in result.hits.enumerated() {
            print("\(offset + number + 1). \(terminal.bold(hit.title.isEmpty ? hit.path : hit.title))")
            let details = [hit.date.prefix(10).description, hit.section, hit.path].filter { !$0.isEmpty }
            print("   " + terminal.dim(details.joined(separator: " · ")))
            if !hit.snippet.isEmpty { print("   " + hit.snippet) }
            print("")
        }
        let shown = result.hits.isEmpty ? "" : " (showing \(offset + 1)–\(offset + result.hits.count))"
        let noun = result.total == 1 ? "article matches" : "articles match"
        print("\(result.total) \(noun)\(shown) in \(String(format: "%.3f", seconds)) s")
    }
}

extension SearchRequest.Order: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}

/// True for `YYYY-MM-DD` (or a prefix `YYYY`, `YYYY-MM`).
func isISODate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
    return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
        && parts.dropFirst().allSatisfy { $0.count == 2 }
}
