import ArticleExtraction
import ArticleModel
import Dispatch
import GermanAnalysis
import IndexStore

#if canImport(Glibc)
import Glibc
#endif

/// Brings an index up to date with an archive folder.
///
/// Unchanged files (same size and mtime) cost one `lstat`. Other files are read and hashed: the same
/// bytes as indexed mean a touched file (bookkeeping only); bytes that a vanished path had mean a move
/// (path updated, no re-analysis); otherwise the file is extracted on all cores and written. Files
/// commit with their FTS5 rows in transactions of `Options.transactionSize`, so an interrupted run
/// loses at most the open transaction, and the next run completes it.
public struct Indexer {
    /// Limits, batch and transaction sizes.
    public struct Options: Sendable {
        /// Files read, extracted and analysed together (while the previous batch is written).
        public var batchSize = 256
        /// Files per transaction, at least one batch: FTS5 writes its pending terms out as a segment
        /// at every commit, so larger transactions make fewer segments to merge. An interrupted run
        /// loses at most this many files' work, which the next run redoes.
        public var transactionSize = 4096
        /// Files larger than this are skipped with a warning.
        public var maximumFileSize = 20_000_000
        /// Article text beyond this many characters is cut.
        public var maximumTextLength = 1_000_000
        /// Let a run over an empty archive folder remove every indexed article (off: an empty folder
        /// is more often an unmounted disk than a deleted archive).
        public var allowEmptyArchive = false
        /// Creates the default options.
        public init() {}
    }

    /// Fatal failures of a run (a bad file is never fatal).
    public enum Failure: Error, CustomStringConvertible {
        case archive(ArchiveError)
        case index(IndexError)

        /// One line for the user.
        public var description: String {
            switch self {
            case .archive(let error): error.description
            case .index(let error): error.description
            }
        }
    }

    private let index: ArticleIndex
    private let options: Options

    /// Creates an indexer writing into `index`.
    public init(index: ArticleIndex, options: Options = Options()) {
        self.index = index
        self.options = options
    }

    /// Indexes the archive at `root`. `progress(done, total)` is called after each batch; `failed`
    /// as soon as a file fails, so it can be reported at once.
    public func run(
        root: String, progress: (Int, Int) -> Void = { _, _ in },
        failed: (String, String) -> Void = { _, _ in }
    ) throws(Failure) -> IndexReport {
        let started = monotonicSeconds()
        var report = IndexReport()
        var candidates: [Candidate] = []
        var vanished: [String: [IndexedFile]] = [:]
        var (walked, unchanged) = (0, 0)
        let indexed = try compare(root: root, report: &report, failed: failed) { file, old in
            if file != nil { walked += 1 }
            switch (file, old) {
            case (let file?, let old?) where old.size == file.size && old.mtime == file.mtime:
                unchanged += 1
            case (let file?, let old):
                candidates.append(Candidate(file: file, old: old))
            case (nil, let old?):
                // Gone, by hash: a candidate with the same bytes is the same article moved.
                vanished[old.hash, default: []].append(old)
            case (nil, nil):
                break
            }
        }
        report.unchanged = unchanged
        if walked == 0 && indexed > 0 && !options.allowEmptyArchive {
            throw .archive(.empty(root, indexed: indexed))
        }
        let moveSources = Set(vanished.keys)

        let extractor = ArticleExtractor(
            maximumFileSize: options.maximumFileSize, maximumTextLength: options.maximumTextLength)
        var done = 0
        // Batches are slices of `candidates`, so no file list is copied (memory at 200,000 files).
        let batches = stride(from: 0, to: candidates.count, by: options.batchSize).map {
            candidates[$0..<min($0 + options.batchSize, candidates.count)]
        }
        // While one batch is written (one SQLite writer), the next is read, extracted and analysed on
        // all cores; the writer's FTS5 tokenizer then only replays the tokens.
        let maximumFileSize = options.maximumFileSize
        let analyzers = AnalyzerPool()
        func startPreparing(_ batch: ArraySlice<Candidate>) -> PendingBatch {
            PendingBatch {
                Self.prepare(batch, root: root, moveSources: moveSources, extractor: extractor,
                             analyzers: analyzers, maximumFileSize: maximumFileSize)
            }
        }
        var next = batches.first.map(startPreparing)
        defer { next?.wait() }
        let batchesPerTransaction = max(1, options.transactionSize / max(1, options.batchSize))
        for first in stride(from: 0, to: batches.count, by: batchesPerTransaction) {
            do {
                try index.write {
                    for number in first..<min(first + batchesPerTransaction, batches.count) {
                        let outcomes = next!.wait()
                        next = number + 1 < batches.count ? startPreparing(batches[number + 1]) : nil
                        for (candidate, outcome) in zip(batches[number], outcomes) {
                            try apply(outcome, for: candidate, vanished: &vanished, root: root,
                                      extractor: extractor, report: &report, failed: failed)
                        }
                        done += batches[number].count
                        progress(done, candidates.count)
                    }
                }
            } catch { throw .index(error) }
        }
        let gone = vanished.values.flatMap { $0 }
        if !gone.isEmpty {
            // An unmounted or vanished archive must not empty the index.
            guard ArchiveWalker.isDirectory(root) else { throw .archive(.missing(root)) }
            do {
                try index.write {
                    for file in gone { try index.delete(id: file.id) }
                }
            } catch { throw .index(error) }
            report.removed += gone.count
        }
        do {
            if report.added + report.changed + report.removed > 0 { try index.mergeSegments() }
            report.documents = try index.documentCount()
            report.seconds = monotonicSeconds() - started
            try index.setLastRun(report.summary)
            try index.checkpoint()
        } catch { throw .index(error) }
        return report
    }

    /// A file to read: new, or changed since it was indexed as `old`.
    private struct Candidate: Sendable {
        var file: ArchiveFile
        /// Boxed: a full index holds a candidate per file, nearly all new, and an inline optional
        /// record would more than double each one's size.
        private let indexed: IndexedRecord?

        init(file: ArchiveFile, old: IndexedFile?) {
            self.file = file
            indexed = old.map(IndexedRecord.init)
        }

        var old: IndexedFile? { indexed?.file }
    }

    private final class IndexedRecord: Sendable {
        let file: IndexedFile
        init(_ file: IndexedFile) { self.file = file }
    }

    /// Walks the archive and reads the index side by side, both in path order, and calls `pair` with
    /// each path's walked file and indexed file (either may be nil): no list of either is held, so a
    /// run over a large archive keeps only what changed. Unreadable entries are reported; indexed
    /// files in a folder that could not be read are kept, not taken for deleted. Returns the number
    /// of indexed files.
    private func compare(
        root: String, report: inout IndexReport, failed: (String, String) -> Void,
        _ pair: (ArchiveFile?, IndexedFile?) -> Void
    ) throws(Failure) -> Int {
        var count = 0
        let cursor: IndexedFileCursor
        var indexed: IndexedFile?
        do {
            cursor = try index.indexedFilesInPathOrder()
            indexed = try cursor.next()
        } catch { throw .index(error) }
        var unreadableFolders: [String] = []
        var readFailure: IndexError?
        // Passes the indexed files that sort before `path` (all when nil) as gone.
        func passIndexed(before path: String?) -> Bool {
            while let file = indexed, path.map({ file.path.utf8.lexicographicallyPrecedes($0.utf8) }) ?? true {
                count += 1
                if !unreadableFolders.contains(where: { file.path.hasPrefix($0) }) { pair(nil, file) }
                do throws(IndexError) { indexed = try cursor.next() } catch {
                    readFailure = error
                    return false
                }
            }
            return true
        }
        do throws(ArchiveError) {
            try ArchiveWalker().walk(root: root) { entry in
                switch entry {
                case .unreadable(let path, let reason):
                    report.failures.append((path, reason))
                    failed(path, reason)
                    if path.hasSuffix("/") { unreadableFolders.append(path) }
                    return true
                case .file(let file):
                    guard passIndexed(before: file.path) else { return false }
                    if let same = indexed, same.path.utf8.elementsEqual(file.path.utf8) {
                        count += 1
                        pair(file, same)
                        do throws(IndexError) { indexed = try cursor.next() } catch {
                            readFailure = error
                            return false
                        }
                    } else {
                        pair(file, nil)
                    }
                    return true
                }
            }
        } catch { throw .archive(error) }
        if readFailure == nil { _ = passIndexed(before: nil) }
        if let readFailure { throw .index(readFailure) }
        return count
    }

    /// A batch being prepared on a background queue.
    private final class PendingBatch: @unchecked Sendable {
        private var outcomes: [Outcome] = []
        private let ready = DispatchSemaphore(value: 0)
        private var taken = false

        init(_ work: @escaping @Sendable () -> [Outcome]) {
            DispatchQueue.global(qos: .userInitiated).async {
                self.outcomes = work()
                self.ready.signal()
            }
        }

        /// Waits for the batch (once; later calls return at once with nothing).
        @discardableResult
        func wait() -> [Outcome] {
            guard !taken else { return [] }
            taken = true
            ready.wait()
            return outcomes
        }
    }

    /// What was found for one candidate file before writing.
    private enum Outcome: Sendable {
        /// Same bytes as indexed at this path.
        case touched(IndexedFile)
        /// Bytes of a vanished file: maybe a move (decided when writing).
        case possibleMove(IndexedFile, bytes: [UInt8])
        /// Extracted content, analysed.
        case extracted(IndexedFile, Article, PreparedTokens)
        /// Gone between the walk and the read: it counts as deleted.
        case vanished
        case failed(String)
    }

    /// Analyzers kept across batches (each keeps a cache of compound splits), one per worker.
    private final class AnalyzerPool: @unchecked Sendable {
        let workers = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let analyzers: [GermanAnalyzer]
        init() { analyzers = (0..<workers).map { _ in GermanAnalyzer() } }
    }

    /// Reads, hashes and (when needed) extracts and analyses a batch on all cores.
    private static func prepare(
        _ batch: ArraySlice<Candidate>, root: String, moveSources: Set<String>,
        extractor: ArticleExtractor, analyzers: AnalyzerPool, maximumFileSize: Int
    ) -> [Outcome] {
        let results = UnsafeMutableBufferPointer<Outcome>.allocate(capacity: batch.count)
        results.initialize(repeating: .failed("not processed"))
        defer {
            results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let shared = results
        // Worker w takes files w, w + workers, …, so that it alone uses analyzer w.
        DispatchQueue.concurrentPerform(iterations: analyzers.workers) { worker in
            for i in stride(from: worker, to: batch.count, by: analyzers.workers) {
                prepareFile(i, worker: worker)
            }
        }
        @Sendable func prepareFile(_ i: Int, worker: Int) {
            let (file, old) = (batch[batch.startIndex + i].file, batch[batch.startIndex + i].old)
            let contents: FileReader.Contents
            switch Result(catching: { () throws(FileReader.Failure) in
                try FileReader.read(root + "/" + file.path, maximumSize: maximumFileSize)
            }) {
            case .success(let read): contents = read
            case .failure(.vanished):
                shared[i] = .vanished
                return
            case .failure(let error):
                shared[i] = .failed(error.description)
                return
            }
            let record = IndexedFile(
                id: old?.id ?? 0, path: file.path, size: contents.size, mtime: contents.mtime,
                hash: ContentHash.hex(contents.bytes))
            if let old, old.hash == record.hash {
                shared[i] = .touched(record)
            } else if old == nil && moveSources.contains(record.hash) {
                shared[i] = .possibleMove(record, bytes: contents.bytes)
            } else {
                do {
                    let article = try extractor.extract(contents.bytes, fileName: file.path)
                    shared[i] = .extracted(record, article, PreparedTokens(article, analyzer: analyzers.analyzers[worker]))
                } catch {
                    shared[i] = .failed("\(error)")
                }
            }
        }
        return Array(results)
    }

    private func apply(
        _ outcome: Outcome, for candidate: Candidate,
        vanished: inout [String: [IndexedFile]], root: String, extractor: ArticleExtractor,
        report: inout IndexReport, failed: (String, String) -> Void
    ) throws {
        let file = candidate.file
        switch outcome {
        case .touched(let record):
            try index.updateFile(record)
            report.touched += 1
        case .possibleMove(var record, let bytes):
            if var sources = vanished[record.hash], let source = sources.popLast() {
                vanished[record.hash] = sources.isEmpty ? nil : sources
                record.id = source.id
                try index.updateFile(record)
                report.moved += 1
            } else {
                // Its twin already claimed the move: this is a new copy.
                do {
                    let article = try extractor.extract(bytes, fileName: file.path)
                    try index.insert(article, file: record)
                    report.added += 1
                } catch let error as ExtractionError {
                    report.failures.append((file.path, error.description))
                    failed(file.path, error.description)
                }
            }
        case .extracted(let record, let article, let tokens):
            if candidate.old != nil {
                try index.replace(article, file: record, tokens: tokens)
                report.changed += 1
            } else {
                try index.insert(article, file: record, tokens: tokens)
                report.added += 1
            }
        case .vanished:
            // Removed with the other deletions at the end, once the archive root is known to be there.
            if let old = candidate.old { vanished[old.hash, default: []].append(old) }
        case .failed(let reason):
            report.failures.append((file.path, reason))
            failed(file.path, reason)
        }
    }
}

/// Seconds on the monotonic clock.
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
