import ArgumentParser
import FoundationEssentials
import Glibc
import IndexStore

/// The `--db` option shared by every subcommand that uses an index.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: "The index file (default: $STICHWORT_DB, else ./stichwort.db).")
    var db: String?

    /// The path in effect.
    var path: String {
        if let db, !db.isEmpty { return db }
        return Self.defaultPath(environment: environmentVariables(["STICHWORT_DB"]))
    }

    /// `$STICHWORT_DB`, else `stichwort.db`.
    static func defaultPath(environment: [String: String]) -> String {
        if let path = environment["STICHWORT_DB"], !path.isEmpty { return path }
        return "stichwort.db"
    }

    /// Opens the index, turning failures into one line and exit code 3.
    func open(_ access: ArticleIndex.Access) throws -> ArticleIndex {
        do {
            return try ArticleIndex(path: path, access: access)
        } catch {
            throw fail(error.description)
        }
    }
}

/// The named environment variables that are set (`getenv`: building the whole environment
/// dictionary is measurable in a command that should take a few milliseconds).
func environmentVariables(_ names: [String]) -> [String: String] {
    var result: [String: String] = [:]
    for name in names {
        if let value = getenv(name) { result[name] = String(cString: value) }
    }
    return result
}
