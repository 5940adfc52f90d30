import ArgumentParser
import IndexStore

/// `stichwort show PATH`: one indexed article.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one indexed article: its metadata and text.",
        discussion: "PATH is relative to the archive root, as `search` prints it. Exits 1 when it is not in the index.")

    @Argument(help: "The article's path relative to the archive root.") var path: String
    @OptionGroup var database: DatabaseOption
    @Flag(help: "Print one JSON object.") var json = false
    @Option(help: "Colour: auto, always or never.") var color: ColorChoice = .auto

    func run() throws {
        let index = try database.open(.read)
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        let stored: StoredArticle?
        do { stored = try index.article(atPath: relative) } catch { throw fail(error.description) }
        guard let stored else { throw fail("\(relative) is not in the index", .notFound) }
        let printer = ArticlePrinter(terminal: Terminal(color: json ? .never : color))
        let extra = [("path", stored.file.path)]
        print(json ? printer.json(stored.article, extra: extra) : printer.human(stored.article, extra: [("Path", stored.file.path)]))
    }
}
