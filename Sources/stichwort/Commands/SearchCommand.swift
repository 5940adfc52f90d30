import ArgumentParser
import FoundationEssentials
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
    @Flag(help: "Any word may match (ranked by BM25, stopwords ignored; for questions: participles also find their verb, Doctor finds Doktor).") var any = false
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
        let invocation = SearchInvocation(
            query: query, databasePath: database.path, limit: limit, offset: offset, json: json, any: any,
            since: since, until: until, section: section, author: author, sort: sort, count: count, paths: paths,
            color: color)
        try invocation.run()
    }
}

extension SearchRequest.Order: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}

/// True for `YYYY-MM-DD` (or a prefix `YYYY`, `YYYY-MM`).
func isISODate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
    guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
        parts.dropFirst().allSatisfy({ $0.count == 2 })
    else { return false }
    // A month and a day that exist in some year (2016-13-45 is a typing error, not a range end).
    let numbers = parts.compactMap { Int($0) }
    return (numbers.count < 2 || (1...12).contains(numbers[1])) && (numbers.count < 3 || (1...31).contains(numbers[2]))
}
