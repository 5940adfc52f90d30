import IndexStore

extension Indexer {
    /// The archive's walk and the index's files side by side, both in path order (the byte order
    /// of the paths, see `ArchiveWalker.start(root:)`), one path at a time: no list of either is
    /// held, so a run over a large archive keeps only what changed. Indexed files in a folder that
    /// could not be read are passed over, not taken for deleted.
    struct PathMerge {
        /// A path's walked and indexed file (either may be nil), or an entry that cannot be read.
        enum Step {
            case pair(ArchiveFile?, IndexedFile?)
            case unreadable(path: String, reason: String)
        }

        private var walk: ArchiveWalk
        private let cursor: IndexedFileCursor
        private var indexed: IndexedFile?
        /// The walk's next entry, read ahead to compare with `indexed`.
        private var walked: ArchiveEntry?
        private var unreadableFolders: [String] = []
        /// True when the index had no files at the start.
        let indexIsEmpty: Bool
        /// Files walked and indexed files read so far.
        private(set) var walkedCount = 0
        private(set) var indexedCount = 0

        init(root: String, index: ArticleIndex) throws(Failure) {
            do throws(ArchiveError) { walk = try ArchiveWalker().start(root: root) } catch { throw .archive(error) }
            do throws(IndexError) {
                cursor = try index.indexedFilesInPathOrder()
                indexed = try cursor.next()
            } catch { throw .index(error) }
            indexIsEmpty = indexed == nil
        }

        /// The next step, or nil when both lists are done.
        mutating func next() throws(Failure) -> Step? {
            while true {
                if walked == nil { walked = walk.next() }
                switch walked {
                case .unreadable(let path, let reason)?:
                    walked = nil
                    if path.hasSuffix("/") { unreadableFolders.append(path) }
                    return .unreadable(path: path, reason: reason)
                case .file(let file)?:
                    if let old = indexed, old.path.utf8.lexicographicallyPrecedes(file.path.utf8) {
                        try advanceIndexed()
                        if isInUnreadableFolder(old) { continue }
                        return .pair(nil, old)
                    }
                    walked = nil
                    walkedCount += 1
                    if let old = indexed, old.path.utf8.elementsEqual(file.path.utf8) {
                        try advanceIndexed()
                        return .pair(file, old)
                    }
                    return .pair(file, nil)
                case nil:
                    guard let old = indexed else { return nil }
                    try advanceIndexed()
                    if isInUnreadableFolder(old) { continue }
                    return .pair(nil, old)
                }
            }
        }

        private mutating func advanceIndexed() throws(Failure) {
            indexedCount += 1
            do throws(IndexError) { indexed = try cursor.next() } catch { throw .index(error) }
        }

        private func isInUnreadableFolder(_ file: IndexedFile) -> Bool {
            unreadableFolders.contains { file.path.hasPrefix($0) }
        }
    }
}
