import FoundationEssentials
import Glibc

/// Whether and how to style output: colour only on a terminal, never with `NO_COLOR` (https://no-color.org).
struct Terminal {
    /// True when ANSI styles may be written to standard output.
    let styled: Bool

    /// The choice for `--color auto|always|never`.
    init(color: ColorChoice = .auto) {
        switch color {
        case .always: styled = true
        case .never: styled = false
        case .auto:
            let environment = environmentVariables(["NO_COLOR", "TERM"])
            let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            styled = isatty(STDOUT_FILENO) == 1 && !noColor && environment["TERM"] != "dumb"
        }
    }

    /// True when standard error is a terminal (progress is shown only there).
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    func bold(_ text: String) -> String { styled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { styled ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    /// Markers around matched words: bold yellow on a terminal, brackets elsewhere.
    var highlight: (open: String, close: String) { styled ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("[", "]") }
}

/// `--color` values.
enum ColorChoice: String, CaseIterable {
    case auto, always, never
}
