import ArticleModel

/// Prints an article for `show` and `extract`: metadata lines and the text, or one JSON object.
struct ArticlePrinter {
    let terminal: Terminal

    /// The article as one JSON line; `extra` fields come first (e.g. `path`).
    func json(_ article: Article, extra: [(String, String)] = []) -> String {
        var line = JSONLine()
        for (key, value) in extra { line.add(key, value) }
        line.addMetadata(
            title: article.title, date: article.date, section: article.section, author: article.author, url: article.url)
        line.add("language", article.language)
        line.add("lead", article.lead)
        line.add("text", article.text)
        return line.text
    }

    /// The article for reading: title, metadata lines, a blank line, the text.
    func human(_ article: Article, extra: [(String, String)] = []) -> String {
        var lines = [terminal.bold(article.title.isEmpty ? "(no title)" : article.title)]
        let fields = extra + [
            ("Date", article.date), ("Author", article.author), ("Section", article.section),
            ("URL", article.url), ("Language", article.language),
        ]
        for (name, value) in fields where !value.isEmpty { lines.append(terminal.dim("\(name): ") + value) }
        lines.append("")
        lines.append(article.text)
        return lines.joined(separator: "\n")
    }
}
