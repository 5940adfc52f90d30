import ArgumentParser
import FoundationEssentials
import IndexStore
import Ingestion

/// `stichwort index DIR`: index an archive or bring its index up to date.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Index an archive folder, or update its index with what changed.",
        discussion: """
            Indexes every .html, .htm and .txt file below DIR (hidden files and symbolic links are \
            skipped). A re-run reads only new and changed files, notices moved files by their content \
            and removes deleted ones. Bad files are reported one per line and skipped. Prints one \
            summary line. Only one run writes an index at a time; a second waits (or, with --no-wait, \
            exits with code 4).

            \(ExitStatus.documentation)
            """)

    @Argument(help: "The archive folder.") var directory: String
    @OptionGroup var database: DatabaseOption
    @Flag(help: "Exit at once (code 4) when another run is updating the index, instead of waiting.")
    var noWait = false
    @Flag(name: .shortAndLong, help: "Print nothing but errors.") var quiet = false
    @Flag(name: .shortAndLong, help: "Also print every skipped file's details and the run's counts.")
    var verbose = false
    @Option(help: "Skip files larger than this many bytes.") var maxFileSize = 20_000_000
    @Option(help: "Keep at most this many characters of an article's text.") var maxText = 1_000_000
    @Flag(help: "Allow an empty archive folder to remove every indexed article.") var allowEmpty = false

    func validate() throws {
        guard maxFileSize > 0, maxText > 0 else { throw ValidationError("--max-file-size and --max-text must be positive") }
    }

    func run() throws {
        let root = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        let lock = try acquireWriterLock(database, noWait: noWait)
        defer { withExtendedLifetime(lock) {} }
        let index = try database.open(.write)
        do {
            if let indexedRoot = try index.archiveRoot(), indexedRoot != root {
                throw IndexError.otherArchive(path: database.path, indexedRoot: indexedRoot, requestedRoot: root)
            }
            try index.setArchiveRoot(root)
        } catch let error as IndexError {
            throw fail(error.description)
        }
        var options = Indexer.Options()
        options.maximumFileSize = maxFileSize
        options.maximumTextLength = maxText
        options.allowEmptyArchive = allowEmpty
        let showProgress = !quiet && Terminal.standardErrorIsTerminal
        let report: IndexReport
        do {
            report = try Indexer(index: index, options: options).run(
                root: root,
                progress: showProgress
                    ? { done, total in writeStandardError("\r\u{1B}[Kindexing: \(done)/\(total) files") } : nil,
                failed: { path, reason in
                    if showProgress { writeStandardError("\r\u{1B}[K") }
                    reportError("skipped \(path): \(reason)")
                })
        } catch {
            if showProgress { writeStandardError("\r\u{1B}[K") }
            throw fail(error.description)
        }
        if showProgress { writeStandardError("\r\u{1B}[K") }
        if !quiet { print(report.summary) }
        if verbose {
            print("touched (same content, new time): \(report.touched); unchanged: \(report.unchanged)")
        }
        if !report.failures.isEmpty { throw ExitStatus.partial.exitCode }
    }
}
