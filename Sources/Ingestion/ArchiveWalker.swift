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

/// What a walk finds.
public enum ArchiveEntry: Sendable, Equatable {
    /// An article file.
    case file(ArchiveFile)
    /// A folder (its path ends in `/`) or a name that cannot be read, and why.
    case unreadable(path: String, reason: String)
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

    /// The archive's files and unreadable entries one at a time, in path order: the byte order of
    /// the UTF-8 paths, which is SQLite's (`ArticleIndex.indexedFilesInPathOrder`), so a run can merge
    /// the two without holding either. Only the folders on the way to the current one are held,
    /// each as its sorted entries.
    public func start(root: String) throws(ArchiveError) -> ArchiveWalk {
        var info = stat()
        guard stat(root, &info) == 0 else {
            if errno == ENOENT { throw .missing(root) }
            throw .unreadable(root, reason: String(cString: strerror(errno)))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notADirectory(root) }
        var pending: [ArchiveEntry] = []
        var failure = ""
        guard let top = FolderEntry.list("", root: root, unreadable: &pending, failure: &failure) else {
            throw .unreadable(root, reason: failure)
        }
        return ArchiveWalk(root: root, top: top, pending: pending)
    }

    /// Calls `visit` with each entry in path order (see `start(root:)`) until it returns false.
    public func walk(root: String, _ visit: (ArchiveEntry) -> Bool) throws(ArchiveError) {
        var walk = try start(root: root)
        while let entry = walk.next(), visit(entry) {}
    }

    /// The files and all entries that could not be read, each list in path order.
    public func walk(root: String) throws(ArchiveError) -> (files: [ArchiveFile], unreadable: [(path: String, reason: String)]) {
        var files: [ArchiveFile] = []
        var unreadable: [(path: String, reason: String)] = []
        try walk(root: root) { entry in
            switch entry {
            case .file(let file): files.append(file)
            case .unreadable(let path, let reason): unreadable.append((path, reason))
            }
            return true
        }
        return (files, unreadable)
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

/// A walk in progress (`ArchiveWalker.start(root:)`).
public struct ArchiveWalk {
    private let root: String
    /// The folders being walked: each one's entries, sorted, and how far the walk is.
    private var stack: [(entries: [FolderEntry], next: Int)]
    /// Entries to give out first: names found in the last folder listed that are no UTF-8.
    private var pending: [ArchiveEntry]

    fileprivate init(root: String, top: [FolderEntry], pending: [ArchiveEntry]) {
        self.root = root
        stack = [(top, 0)]
        self.pending = pending
    }

    /// The next file or unreadable entry, or nil at the end.
    public mutating func next() -> ArchiveEntry? {
        while true {
            if !pending.isEmpty { return pending.removeFirst() }
            guard let top = stack.indices.last else { return nil }
            guard stack[top].next < stack[top].entries.count else {
                stack.removeLast()
                continue
            }
            let entry = stack[top].entries[stack[top].next]
            stack[top].next += 1
            switch entry.kind {
            case .file(let file):
                return .file(file)
            case .folder(let path):
                var failure = ""
                guard let listed = FolderEntry.list(path, root: root, unreadable: &pending, failure: &failure) else {
                    return .unreadable(path: path + "/", reason: "folder cannot be read: " + failure)
                }
                stack.append((listed, 0))
            }
        }
    }
}

/// An entry of a folder: an article file or a folder to walk.
private struct FolderEntry {
    enum Kind {
        case file(ArchiveFile)
        case folder(String)
    }
    /// The name's bytes, with `/` after a folder's: sorting siblings by it sorts the whole walk by
    /// path bytes ("a-b.html" before "a/x.html", as '-' < '/').
    var key: [UInt8]
    var kind: Kind

    /// The article files and folders in the folder `relative`, sorted, or nil with the reason in
    /// `failure` when it cannot be opened. Names that are no UTF-8 go to `unreadable`: they could
    /// not be stored, so nothing in the index can be under them.
    static func list(
        _ relative: String, root: String, unreadable: inout [ArchiveEntry], failure: inout String
    ) -> [FolderEntry]? {
        let directory = relative.isEmpty ? root : root + "/" + relative
        guard let handle = opendir(directory) else {
            failure = String(cString: strerror(errno))
            return nil
        }
        defer { closedir(handle) }
        var found: [FolderEntry] = []
        while let entry = readdir(handle) {
            let rawName = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
            guard let name = String(validating: rawName, as: UTF8.self) else {
                // Paths are stored as text; a name that is not UTF-8 cannot be stored or opened again.
                let shown = String(decoding: rawName, as: UTF8.self)
                unreadable.append(
                    .unreadable(path: relative.isEmpty ? shown : relative + "/" + shown, reason: "file name is not valid UTF-8"))
                continue
            }
            if name.hasPrefix(".") { continue }
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            var childInfo = stat()
            guard lstat(root + "/" + childRelative, &childInfo) == 0 else { continue }
            switch childInfo.st_mode & S_IFMT {
            case S_IFDIR:
                found.append(FolderEntry(key: rawName + [UInt8(ascii: "/")], kind: .folder(childRelative)))
            case S_IFREG where ArchiveWalker.isArticleName(name):
                let mtime = Int64(childInfo.st_mtim.tv_sec) * 1_000_000_000 + Int64(childInfo.st_mtim.tv_nsec)
                let file = ArchiveFile(path: childRelative, size: Int64(childInfo.st_size), mtime: mtime)
                found.append(FolderEntry(key: rawName, kind: .file(file)))
            default:
                continue
            }
        }
        found.sort { $0.key.lexicographicallyPrecedes($1.key) }
        return found
    }
}
