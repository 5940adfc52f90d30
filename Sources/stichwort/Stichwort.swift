import ArgumentParser

/// The `stichwort` command: a search engine for German news archives.
@main
struct Stichwort: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stichwort",
        abstract: "Search a German news archive (a folder of HTML articles) from the command line.",
        discussion: """
            Start with `stichwort index DIR`, then `stichwort search WORDS`.
            The index is one SQLite file: --db PATH, else $STICHWORT_DB, else ./stichwort.db.

            \(ExitStatus.documentation)
            """,
        subcommands: [
            IndexCommand.self, SearchCommand.self, ShowCommand.self, ExtractCommand.self,
            AnalyzeCommand.self, StatsCommand.self, CheckCommand.self, RebuildCommand.self,
        ])

    static func main() {
        main(QueryArguments.normalize(Array(CommandLine.arguments.dropFirst())))
    }
}
