import ArgumentParser
import FoundationEssentials
import Glibc

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
        let arguments = QueryArguments.normalize(Array(CommandLine.arguments.dropFirst()))
        if let search = SearchInvocation.fastParse(arguments, environment: environmentVariables(["STICHWORT_DB"])) {
            do {
                try search.run()
            } catch let code as ExitCode {
                Glibc.exit(code.rawValue)
            } catch {
                exit(withError: error)
            }
            return
        }
        main(arguments)
    }
}
