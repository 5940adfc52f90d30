import ArgumentParser
import IndexStore

/// `stichwort check`: verifies the index.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the index: SQLite's checks, FTS5's integrity-check, articles against the full-text index.",
        discussion: "Exits 0 when the index is sound, 1 when problems were found (each printed), 3 when it cannot be opened.")

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let index = try database.open(.maintain)
        let problems: [String]
        let documents: Int
        do {
            problems = try index.check()
            documents = try index.documentCount()
        } catch { throw fail(error.description) }
        if problems.isEmpty {
            print("ok: \(documents) articles, full-text index consistent")
            return
        }
        for problem in problems { reportError(problem) }
        throw fail("\(problems.count) problem\(problems.count == 1 ? "" : "s") found", .notFound)
    }
}
