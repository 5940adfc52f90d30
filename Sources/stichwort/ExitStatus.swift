import ArgumentParser

/// The documented exit codes of every subcommand.
enum ExitStatus: Int32 {
    /// Done.
    case success = 0
    /// Nothing found: no hits, PATH not in the index, or `check` found problems.
    case notFound = 1
    /// `index` skipped some files (each reported); everything else was indexed.
    case partial = 2
    /// The command could not do its job: missing, foreign or damaged database, missing archive,
    /// unreadable input file, a query with nothing to look for, full disk.
    case failure = 3
    /// Another `index` or `rebuild` holds the index's lock (with `--no-wait`).
    case busy = 4

    static let documentation = """
        Exit codes: 0 done; 1 nothing found (no hits, PATH not indexed, `check` found problems); \
        2 `index` skipped some files; 3 error (database, archive, input file or query unusable, disk full); \
        4 another run holds the index lock (--no-wait); 64 wrong command-line usage.
        """

    var exitCode: ExitCode { ExitCode(rawValue) }
}

/// Writes one line to standard error, prefixed with the program name.
func reportError(_ message: String) {
    StandardStream.error("stichwort: \(message)\n")
}

/// Reports `message` and returns the exit code to throw.
func fail(_ message: String, _ status: ExitStatus = .failure) -> ExitCode {
    reportError(message)
    return status.exitCode
}

/// Writes text to standard error without a prefix (progress, hints).
func writeStandardError(_ text: String) {
    StandardStream.error(text)
}
