import ArgumentParser
import FoundationEssentials
import IndexStore
import Query

/// `stichwort show PATH`: one indexed article.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one indexed article: its metadata and text.",
        discussion: """
            PATH is relative to the archive root, as `search` prints it, or the file's path on disk \
            inside the indexed archive. Exits 1 when it is not in the index.
            """)

    @Argument(help: "The article's path relative to the archive root (or its path on disk).") var path: String
    @OptionGroup var database: DatabaseOption
    @Flag(help: "Print one JSON object.") var json = false
    @Option(help: "Mark the words this query matches (bold on a terminal, [brackets] elsewhere).")
    var highlight: String?
    @Option(help: "Colour: auto, always or never.") var color: ColorChoice = .auto

    func run() throws {
        let index = try database.open(.read)
        let relative: String
        do {
            relative = try archiveRelativePath(path, in: index)
        } catch {
            throw fail(error.description)
        }
        let terminal = Terminal(color: json ? .never : color)
        let stored: StoredArticle?
        do {
            if let highlight {
                let markers = json ? ("[", "]") : terminal.highlight
                let expression = try Searcher(index: index).expression(for: highlight)
                stored = try index.highlightedArticle(
                    atPath: relative, expression: expression, open: markers.0, close: markers.1)
            } else {
                stored = try index.article(atPath: relative)
            }
        } catch let error as QueryError {
            throw fail(error.description)
        } catch let error as IndexError {
            throw fail(error.description)
        }
        guard let stored else { throw fail("\(relative) is not in the index", .notFound) }
        let printer = ArticlePrinter(terminal: terminal)
        let extra = [("path", stored.file.path)]
        print(json ? printer.json(stored.article, extra: extra) : printer.human(stored.article, extra: [("Path", stored.file.path)]))
    }
}

/// The path `index` stores for `path` as a user gives it: as `search` prints it (with or without
/// ./), or the file's path on disk, absolute or from the working directory, inside the archive the
/// index was made from. The path as given when neither is indexed.
func archiveRelativePath(_ path: String, in index: ArticleIndex) throws(IndexError) -> String {
    let given = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    guard try index.article(atPath: given) == nil, let root = try index.archiveRoot() else { return given }
    let onDisk = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    guard onDisk.hasPrefix(root + "/") else { return given }
    let inArchive = String(onDisk.dropFirst(root.count + 1))
    return try index.article(atPath: inArchive) == nil ? given : inArchive
}
