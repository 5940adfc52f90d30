import ArgumentParser
import IndexStore
import Ingestion

/// `stichwort rebuild`: re-analyse every article.
struct RebuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Re-analyse every indexed article and rewrite the full-text index.",
        discussion: """
            Needed after an analyzer change (the index then refuses incremental updates) or when \
            `check` reports an inconsistent full-text index. Uses the stored text; the archive is not read.
            """)

    @OptionGroup var database: DatabaseOption
    @Flag(help: "Exit at once (code 4) when another run is updating the index.") var noWait = false

    func run() throws {
        let lock = try acquireWriterLock(database, noWait: noWait)
        defer { withExtendedLifetime(lock) {} }
        let index = try database.open(.maintain)
        do {
            try index.rebuild()
            print("rebuilt: \(try index.documentCount()) articles analysed by \(index.analyzerName)")
        } catch { throw fail(error.description) }
    }
}
