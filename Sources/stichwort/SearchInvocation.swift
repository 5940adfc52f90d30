import ArgumentParser
import FoundationEssentials
import IndexStore
import Query

/// One `search` run: the parsed options, and the work (search, then print).
///
/// `SearchCommand` builds it from swift-argument-parser; `fastParse` builds it straight from the
/// command line for the common cases, because the parser's reflection costs more than the search
/// itself (a whole `stichwort search` process should take a few milliseconds).
struct SearchInvocation {
    var query: [String]
    var databasePath: String
    var limit = 10
    var offset = 0
    var json = false
    var any = false
    var since: String?
    var until: String?
    var section: String?
    var author: String?
    var sort: SearchRequest.Order = .relevance
    var count = false
    var paths = false
    var color: ColorChoice = .auto

    func run() throws {
        let started = Date()
        let index: ArticleIndex
        do { index = try ArticleIndex(path: databasePath, access: .read) } catch { throw fail(error.description) }
        let terminal = Terminal(color: json ? .never : color)
        var options = SearchOptions()
        options.anyWord = any
        options.since = since
        options.until = until
        options.section = section
        options.author = author
        options.order = sort
        options.limit = limit
        options.offset = offset
        options.countOnly = count
        options.highlight = terminal.highlight
        let text = query.joined(separator: " ")
        let result: SearchResult
        do {
            result = try Searcher(index: index).search(text, options: options)
        } catch let error as QueryError {
            throw fail(error.description)
        } catch let error as IndexError {
            throw fail(error.description)
        }
        let human = !json && !count && !paths
        let suggestion = result.total == 0 || result.fellBackToAnyWord ? SpellingSuggester(index: index).suggestion(for: query.flatMap { $0.split(separator: " ").map(String.init) }) : nil
        if result.fellBackToAnyWord && human {
            writeStandardError("No article has all the words; showing articles with any of them.\n")
        }
        if let suggestion, !json { writeStandardError("Meinten Sie: \(suggestion)?\n") }
        // One write of the whole output: `print` boxes every item and casts it dynamically.
        var out = ""
        if count {
            out += String(result.total) + "\n"
        } else if paths {
            for hit in result.hits { out += hit.path + "\n" }
        } else if json {
            for (rank, hit) in result.hits.enumerated() {
                out += jsonLine(hit, rank: offset + rank + 1, fallback: result.fellBackToAnyWord, suggestion: suggestion) + "\n"
            }
            if result.hits.isEmpty, let suggestion {
                var line = JSONLine()
                line.add("suggestion", suggestion)
                out += line.text + "\n"
            }
        } else {
            out = humanOutput(result, terminal: terminal, seconds: Date().timeIntervalSince(started))
        }
        StandardStream.output(out)
        if result.total == 0 { throw ExitStatus.notFound.exitCode }
    }

    private func jsonLine(_ hit: Hit, rank: Int, fallback: Bool, suggestion: String?) -> String {
        var line = JSONLine()
        line.add("rank", rank)
        line.add("path", hit.path)
        line.addMetadata(title: hit.title, date: hit.date, section: hit.section, author: hit.author, url: hit.url)
        line.add("score", hit.score)
        line.add("snippet", hit.snippet)
        if fallback { line.add("any_word_fallback", true) }
        if let suggestion { line.add("suggestion", suggestion) }
        return line.text
    }

    private func humanOutput(_ result: SearchResult, terminal: Terminal, seconds: Double) -> String {
        var out = ""
        for (number, hit) in result.hits.enumerated() {
            out += "\(offset + number + 1). \(terminal.bold(hit.title.isEmpty ? hit.path : hit.title))\n"
            let details = [hit.date.prefix(10).description, hit.section, hit.path].filter { !$0.isEmpty }
            out += "   " + terminal.dim(details.joined(separator: " · ")) + "\n"
            if !hit.snippet.isEmpty { out += "   " + hit.snippet + "\n" }
            out += "\n"
        }
        let shown = result.hits.isEmpty ? "" : " (showing \(offset + 1)–\(offset + result.hits.count))"
        let noun = result.total == 1 ? "article matches" : "articles match"
        let milliseconds = Int((seconds * 1000).rounded())
        out += "\(result.total) \(noun)\(shown) in \(milliseconds / 1000).\(String(milliseconds % 1000 + 1000).dropFirst()) s\n"
        return out
    }
}

extension SearchInvocation {
    /// The invocation for `arguments` (as `QueryArguments.normalize` leaves them: `search`, options,
    /// `--`, query), or nil when anything needs the full parser: help, unknown options, bad values.
    static func fastParse(_ arguments: [String], environment: [String: String]) -> SearchInvocation? {
        guard arguments.first == "search" else { return nil }
        var invocation = SearchInvocation(
            query: [], databasePath: DatabaseOption.defaultPath(environment: environment))
        var index = 1
        func value() -> String? {
            guard index < arguments.count else { return nil }
            defer { index += 1 }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                invocation.query = Array(arguments[index...])
                break
            }
            var name = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            switch name {
            case "--json": invocation.json = true
            case "--any": invocation.any = true
            case "--count": invocation.count = true
            case "--paths": invocation.paths = true
            case "--db":
                guard let v = inline ?? value(), !v.isEmpty else { return nil }
                invocation.databasePath = v
            case "--limit", "-l":
                guard let v = Int(inline ?? value() ?? ""), v > 0 else { return nil }
                invocation.limit = v
            case "--offset":
                guard let v = Int(inline ?? value() ?? ""), v >= 0 else { return nil }
                invocation.offset = v
            case "--since", "--until":
                guard let v = inline ?? value(), isISODate(v) else { return nil }
                if name == "--since" { invocation.since = v } else { invocation.until = v }
            case "--section": invocation.section = inline ?? value()
            case "--author": invocation.author = inline ?? value()
            case "--sort":
                guard let v = SearchRequest.Order(rawValue: inline ?? value() ?? "") else { return nil }
                invocation.sort = v
            case "--color":
                guard let v = ColorChoice(rawValue: inline ?? value() ?? "") else { return nil }
                invocation.color = v
            default:
                return nil
            }
        }
        return invocation.query.isEmpty ? nil : invocation
    }
}
