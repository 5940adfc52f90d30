import ArgumentParser
import GermanAnalysis

/// `stichwort analyze TEXT`: the tokens the analyzer makes.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show how text is analysed for the index: each word and the terms it becomes (+ marks a compound part, = an exact form).",
        discussion: """
            Without TEXT, reads standard input. --stem prints only the Snowball stem of each word \
            (lower-cased, nothing else folded); --lines analyses each input line on its own and prints \
            one output line per input line.
            """)

    @Argument(help: "The text (default: standard input).") var text: String?
    @Flag(help: "Print one JSON object per token (term, start and end byte offsets, original word).")
    var json = false
    @Flag(help: "Print only the Snowball stem of each word.") var stem = false
    @Flag(help: "Print each word's compound parts, lower-case, linking elements removed (a non-compound prints itself).")
    var split = false
    @Flag(help: "Treat each input line separately; print one line per input line.") var lines = false
    @Flag(help: "Analyse as a query term instead of article text.") var query = false

    func run() throws {
        let input: String
        if let text {
            input = text
        } else {
            let data = StandardStream.readInput()
            input = String(decoding: data, as: UTF8.self)
        }
        let analyzer = GermanAnalyzer()
        let mode: AnalysisMode = stem ? .stemOnly : (query ? .query : .document)
        var output = ""
        let units = lines ? input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) : [input]
        let trimmedUnits = lines && input.hasSuffix("\n") ? Array(units.dropLast()) : units
        let splitter = CompoundSplitter()
        for unit in trimmedUnits {
            if split {
                output += compoundParts(unit, splitter: splitter).joined(separator: " ") + "\n"
                continue
            }
            let tokens = analyzer.tokens(unit, mode: mode)
            if json {
                let utf8 = Array(unit.utf8)
                for token in tokens {
                    var line = JSONLine()
                    line.add("term", token.term)
                    line.add("start", token.start)
                    line.add("end", token.end)
                    line.add("original", String(decoding: utf8[token.start..<token.end], as: UTF8.self))
                    line.add("colocated", token.isColocated)
                    output += line.text + "\n"
                }
            } else if stem || lines {
                output += tokens.map(\.term).joined(separator: " ") + "\n"
            } else {
                let utf8 = Array(unit.utf8)
                for token in tokens {
                    let original = String(decoding: utf8[token.start..<token.end], as: UTF8.self)
                    // Terms at the previous word's position (compound parts, +drohn; joined hyphen
                    // forms) are indented under it.
                    output += "\(original)\t\(token.isColocated ? "  " : "")\(token.term)\n"
                }
            }
        }
        StandardStream.output(output)
    }

    /// Each word's parts (or the word), lower-case.
    private func compoundParts(_ text: String, splitter: CompoundSplitter) -> [String] {
        text.split(whereSeparator: { !$0.isLetter }).flatMap { word -> [String] in
            splitter.split(String(word)) ?? [word.lowercased()]
        }
    }
}
