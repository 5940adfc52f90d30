#if canImport(Glibc)
import Glibc
#endif

/// A file of the archive: its path relative to the archive root and what `lstat` says of it.
public struct ArchiveFile: Sendable, Equatable {
    /// Path relative to the root, `/`-separated.
    public var path: String
    /// Size in bytes.
    public var size: Int64
    /// Modification time in nanoseconds since 1970.
    public var mtime: Int64
}

/// Why a walk could not start.
public enum ArchiveError: Error, Sendable, CustomStringConvertible {
    /// The archive root does not exist.
    case missing(String)
    /// The archive root is not a directory.
    case notADirectory(String)
    /// The archive root cannot be read.
    case unreadable(String, reason: String)
    /// The archive root holds no articles although the index has some.
    case empty(String, indexed: Int)

    /// One line for the user.
    public var description: String {
        switch self {
        case .missing(let path): "archive folder \(path) does not exist"
        case .notADirectory(let path): "\(path) is not a folder"
        case .unreadable(let path, let reason): "cannot read archive folder \(path): \(reason)"
        case .empty(let path, let indexed):
            "archive folder \(path) has no articles; refusing to remove all \(indexed) indexed ones "
                + "(is a disk unmounted? use --allow-empty to empty the index)"
        }
    }
}

/// Lists the articles of an archive: regular files ending in `.html`, `.htm` or `.txt`, in every
/// folder below the root.
///
/// Hidden files and folders (names starting with `.`) are skipped. Symbolic links are not followed
/// (so link loops cannot trap the walk, and nothing outside the root is indexed); FIFOs, sockets and
/// devices are never opened. Folders that cannot be read are reported and skipped.
public struct ArchiveWalker: Sendable {
    /// File name endings that are indexed (lower-case, compared case-insensitively).
    public static let extensions = [".html", ".htm", ".txt"]

    /// Creates a walker.
    public init() {}

    /// The archive's files, sorted by path, and the entries that could not be read, with the reason.
    public func walk(root: String) throws(ArchiveError) -> (files: [ArchiveFile], unreadable: [(path: String, reason: String)]) {
        var info = stat()
        guard stat(root, &info) == 0 else {
            if errno == ENOENT { throw .missing(root) }
            throw .unreadable(root, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notADirectory(root) }

        guard let top = opendir(root) else { throw .unreadable(root, reason: String(cString: strerror(errno))) }
        closedir(top)
        var files: [ArchiveFile] = []
        var unreadable: [(path: String, reason: String)] = []
        var pending: [String] = [""]
        while let relative = pending.popLast() {
            let directory = relative.isEmpty ? root : root + "/" + relative
            guard let handle = opendir(directory) else {
                unreadable.append((relative + "/", "folder cannot be read: " + String(cString: strerror(errno))))
                continue
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let rawName = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
                guard let name = String(validating: rawName, as: UTF8.self) else {
                    // Paths are stored as text; a name that is not UTF-8 cannot be stored or opened again.
                    let shown = String(decoding: rawName, as: UTF8.self)
                    unreadable.append((relative.isEmpty ? shown : relative + "/" + shown, "file name is not valid UTF-8"))
                    continue
                }
                if name.hasPrefix(".") { continue }
                let childRelative = relative.isEmpty ? name : relative + "/" + name
                var childInfo = stat()
                guard lstat(root + "/" + childRelative, &childInfo) == 0 else { continue }
                switch childInfo.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append(childRelative)
                case S_IFREG where Self.isArticleName(name):
                    let mtime = Int64(childInfo.st_mtim.tv_sec) * 1_000_000_000 + Int64(childInfo.st_mtim.tv_nsec)
                    files.append(ArchiveFile(path: childRelative, size: Int64(childInfo.st_size), mtime: mtime))
                default:
                    continue
                }
            }
        }
        files.sort { $0.path < $1.path }
        return (files, unreadable.sorted { $0.path < $1.path })
    }

    /// True when `path` is a directory now.
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// True when `name` ends in one of the indexed extensions.
    public static func isArticleName(_ name: String) -> Bool {
        let lower = name.lowercased()
        return extensions.contains { lower.hasSuffix($0) }
    }
}
