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
        var walk: (files: [ArchiveFile], unreadable: [(path: String, reason: String)])
        do { walk = try ArchiveWalker().walk(root: root) } catch { throw .archive(error) }
        for entry in walk.unreadable {
            report.failures.append(entry)
            failed(entry.path, entry.reason)
        }
        let known: [String: IndexedFile]
        do { known = try index.indexedFiles() } catch { throw .index(error) }
        if walk.files.isEmpty && !known.isEmpty && !options.allowEmptyArchive {
            throw .archive(.empty(root, indexed: known.count))
        }

        var candidates: [ArchiveFile] = []
        // Paths still in the archive, needed only to find indexed files that are gone.
        var present = Set<String>(minimumCapacity: known.isEmpty ? 0 : walk.files.count)
        for file in walk.files {
            if !known.isEmpty { present.insert(file.path) }
            if let old = known[file.path], old.size == file.size, old.mtime == file.mtime {
                report.unchanged += 1
            } else {
                candidates.append(file)
            }
        }
        // Files that are gone, by hash: a candidate with the same bytes is the same article moved.
        // Files in folders that could not be read this time are kept, not taken for deleted.
        walk.files = []  // the candidates are what is left to do; the full list can go
        let unreadableFolders = walk.unreadable.map(\.path).filter { $0.hasSuffix("/") }
        var vanished: [String: [IndexedFile]] = [:]
        for (path, file) in known where !present.contains(path) {
            if unreadableFolders.contains(where: { path.hasPrefix($0) }) { continue }
            vanished[file.hash, default: []].append(file)
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
        func startPreparing(_ batch: ArraySlice<ArchiveFile>) -> PendingBatch {
            PendingBatch {
                Self.prepare(batch, root: root, known: known, moveSources: moveSources, extractor: extractor,
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
                        for (file, outcome) in zip(batches[number], outcomes) {
                            try apply(outcome, for: file, known: known, vanished: &vanished, root: root,
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
        _ batch: ArraySlice<ArchiveFile>, root: String, known: [String: IndexedFile], moveSources: Set<String>,
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
            let file = batch[batch.startIndex + i]
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
                id: known[file.path]?.id ?? 0, path: file.path, size: contents.size, mtime: contents.mtime,
                hash: ContentHash.hex(contents.bytes))
            if let old = known[file.path], old.hash == record.hash {
                shared[i] = .touched(record)
            } else if known[file.path] == nil && moveSources.contains(record.hash) {
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
        _ outcome: Outcome, for file: ArchiveFile, known: [String: IndexedFile],
        vanished: inout [String: [IndexedFile]], root: String, extractor: ArticleExtractor,
        report: inout IndexReport, failed: (String, String) -> Void
    ) throws {
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
            if known[file.path] != nil {
                try index.replace(article, file: record, tokens: tokens)
                report.changed += 1
            } else {
                try index.insert(article, file: record, tokens: tokens)
                report.added += 1
            }
        case .vanished:
            // Removed with the other deletions at the end, once the archive root is known to be there.
            if let old = known[file.path] { vanished[old.hash, default: []].append(old) }
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
