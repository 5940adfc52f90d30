/// Keeps query words that start with `-` (`-Putin`, `-Apotheke`) out of option parsing.
///
/// swift-argument-parser would read `-Apotheke` as the short flags `-A -p … -h` (and show help) or
/// reject it. Before parsing, `search`'s known options are kept in front and every other argument is
/// passed after `--`, in its order, as part of the query.
enum QueryArguments {
    /// `search` options that take a value.
    static let valued: [String] = [
        "--db", "--limit", "-l", "--offset", "--since", "--until", "--section", "--author", "--sort", "--color",
    ]
    /// `search` flags.
    static let flags: [String] = ["--json", "--any", "--count", "--paths", "--help", "-h"]

    /// The arguments (without the program name) with `search`'s query words moved behind `--`.
    static func normalize(_ arguments: [String]) -> [String] {
        guard let command = arguments.firstIndex(where: { !$0.hasPrefix("-") }), arguments[command] == "search"
        else { return arguments }
        var options = Array(arguments[...command])
        var query: [String] = []
        var index = command + 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                query.append(contentsOf: arguments[index...])
                break
            }
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if flags.contains(argument) {
                options.append(argument)
            } else if valued.contains(name) {
                options.append(argument)
                if name == argument && index < arguments.count {
                    options.append(arguments[index])
                    index += 1
                }
            } else {
                query.append(argument)
            }
        }
        return query.isEmpty ? options : options + ["--"] + query
    }
}
