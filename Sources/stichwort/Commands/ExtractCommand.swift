import ArgumentParser
import ArticleExtraction
import ArticleModel
import FoundationEssentials

/// `stichwort extract FILE`: what ingestion keeps of one file.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the article text and metadata ingestion keeps of one file, without indexing it.",
        discussion: """
            HTML pages are decoded (BOM, declared charset, UTF-8 validity, else windows-1252), parsed by \
            libxml2, and the article is kept without navigation, share and follow widgets, teasers and \
            image credits. A .txt file may start with header lines (Title:, Date:, Author:, Section:, \
            URL:) and a blank line; otherwise its first line is the title.
            """)

    @Argument(help: "An HTML page or a .txt article.") var file: String
    @Flag(help: "Print one JSON object (title, date, author, section, url, language, lead, text).") var json = false
    @Option(help: "Colour: auto, always or never.") var color: ColorChoice = .auto

    func run() throws {
        var isDirectory = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw fail("\(file) does not exist")
        }
        guard !isDirectory else { throw fail("\(file) is a folder, not a file") }
        guard let data = FileManager.default.contents(atPath: file) else { throw fail("cannot read \(file)") }
        let article: Article
        do {
            article = try ArticleExtractor().extract([UInt8](data), fileName: file)
        } catch {
            throw fail("\(file): \(error.description)")
        }
        let printer = ArticlePrinter(terminal: Terminal(color: json ? .never : color))
        print(json ? printer.json(article) : printer.human(article))
    }
}
