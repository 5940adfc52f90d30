import ArgumentParser
import IndexStore

/// `stichwort stats`: counts and sizes.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Print the index's counts and sizes.")

    @OptionGroup var database: DatabaseOption
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let index = try database.open(.read)
        let stats: IndexStatistics
        do { stats = try index.statistics() } catch { throw fail(error.description) }
        if json {
            var line = JSONLine()
            line.add("documents", stats.documents)
            line.add("terms", stats.terms)
            line.add("text_bytes", stats.textBytes)
            line.add("database_bytes", Int(stats.databaseBytes))
            var sections = JSONLine()
            for section in stats.sections { sections.add(section.name, section.documents) }
            line.add("sections", object: sections)
            line.add("first_date", stats.dateRange?.first ?? "")
            line.add("last_date", stats.dateRange?.last ?? "")
            line.add("analyzer", stats.analyzer)
            line.add("archive_root", stats.archiveRoot)
            line.add("last_run", stats.lastRun)
            line.add("sqlite_version", stats.sqliteVersion)
            print(line.text)
            return
        }
        print("Index:      \(database.path) (\(megabytes(stats.databaseBytes)))")
        print("Archive:    \(stats.archiveRoot.isEmpty ? "-" : stats.archiveRoot)")
        print("Articles:   \(stats.documents)")
        print("Terms:      \(stats.terms)")
        print("Text:       \(megabytes(Int64(stats.textBytes)))")
        if let range = stats.dateRange { print("Dates:      \(range.first.prefix(10)) – \(range.last.prefix(10))") }
        if !stats.sections.isEmpty {
            print("Sections:   " + stats.sections.prefix(12).map { "\($0.name) \($0.documents)" }.joined(separator: ", "))
        }
        print("Analyzer:   \(stats.analyzer) (SQLite \(stats.sqliteVersion))")
        if !stats.lastRun.isEmpty { print("Last run:   \(stats.lastRun)") }
    }

    private func megabytes(_ bytes: Int64) -> String {
        bytes < 1_000_000 ? "\(bytes / 1000) kB" : "\((Double(bytes) / 100_000).rounded() / 10) MB"
    }
}
