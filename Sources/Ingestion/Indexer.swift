import ArticleExtraction
import ArticleModel
import Dispatch
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
///
/// The walk and the index's files are compared in path order, one path at a time (`PathMerge`), so a
/// run holds only the files that changed, not a list of the archive: memory does not grow with it.
public struct Indexer {
    /// Limits, batch and transaction sizes.
    public struct Options: Sendable {
        /// Files read, extracted and analysed together (while earlier batches are written).
        public var batchSize = 256
        /// Batches prepared ahead of the writer: with one, the cores that prepare sit idle whenever
        /// they finish before the writer does.
        public var batchesAhead = 2
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

    /// Indexes the archive at `root`. `progress(done, total)`, when given, is called after each
    /// batch; `failed` as soon as a file fails, so it can be reported at once.
    public func run(
        root: String, progress: ((Int, Int) -> Void)? = nil,
        failed: (String, String) -> Void = { _, _ in }
    ) throws(Failure) -> IndexReport {
        let started = monotonicSeconds()
        var report = IndexReport()
        var merge = try PathMerge(root: root, index: index)
        // Over an empty index every file is new and none can be a move: files are read as the walk
        // finds them, so a first run holds no list of the archive either (only its count, for
        // progress, when it is shown: counting walks the archive once more).
        let streams = merge.indexIsEmpty
        var candidates: [Candidate] = []
        var vanished: [String: [IndexedFile]] = [:]
        var total = 0
        if streams {
            if progress != nil {
                do throws(ArchiveError) {
                    try ArchiveWalker().walk(root: root) { entry in
                        if case .file = entry { total += 1 }
                        return true
                    }
                } catch { throw .archive(error) }
            }
        } else {
            while let step = try merge.next() {
                switch step {
                case .unreadable(let path, let reason):
                    report.failures.append((path, reason))
                    failed(path, reason)
                case .pair(let file?, let old?) where old.size == file.size && old.mtime == file.mtime:
                    report.unchanged += 1
                case .pair(let file?, let old):
                    candidates.append(Candidate(file: file, old: old))
                case .pair(nil, let old?):
                    // Gone, by hash: a candidate with the same bytes is the same article moved.
                    vanished[old.hash, default: []].append(old)
                case .pair(nil, nil):
                    break
                }
            }
            if merge.walkedCount == 0 && merge.indexedCount > 0 && !options.allowEmptyArchive {
                throw .archive(.empty(root, indexed: merge.indexedCount))
            }
            total = candidates.count
        }
        let moveSources = Set(vanished.keys)

        // The next batch: a slice of the candidates, or the next files the walk finds.
        var taken = 0
        var streamFailure: Failure?
        func nextBatch() -> ArraySlice<Candidate>? {
            guard streams else {
                guard taken < candidates.count else { return nil }
                defer { taken = min(taken + options.batchSize, candidates.count) }
                return candidates[taken..<min(taken + options.batchSize, candidates.count)]
            }
            var batch: [Candidate] = []
            do throws(Failure) {
                while batch.count < options.batchSize, let step = try merge.next() {
                    switch step {
                    case .unreadable(let path, let reason):
                        report.failures.append((path, reason))
                        failed(path, reason)
                    case .pair(let file?, _):
                        batch.append(Candidate(file: file, old: nil))
                    case .pair(nil, _):
                        break  // nothing is indexed, so nothing can be gone
                    }
                }
            } catch {
                streamFailure = error
            }
            return batch.isEmpty ? nil : batch[...]
        }

        let extractor = ArticleExtractor(
            maximumFileSize: options.maximumFileSize, maximumTextLength: options.maximumTextLength)
        var done = 0
        // While one batch is written (one SQLite writer), the next ones (`batchesAhead`) are read,
        // extracted and analysed on all cores; the writer's FTS5 tokenizer then only replays the tokens.
        let maximumFileSize = options.maximumFileSize
        let analyzers = AnalyzerPool()
        let preparation = DispatchQueue(label: "stichwort.prepare", qos: .userInitiated)
        func startPreparing(_ batch: ArraySlice<Candidate>) -> PendingBatch {
            PendingBatch(batch, on: preparation) {
                Self.prepare(batch, root: root, moveSources: moveSources, extractor: extractor,
                             analyzers: analyzers, maximumFileSize: maximumFileSize)
            }
        }
        // Batches being prepared, oldest first; refilled as each is taken.
        var ahead: [PendingBatch] = []
        func prepareAhead() {
            while ahead.count < max(1, options.batchesAhead), let batch = nextBatch() { ahead.append(startPreparing(batch)) }
        }
        prepareAhead()
        defer { ahead.forEach { $0.wait() } }
        let batchesPerTransaction = max(1, options.transactionSize / max(1, options.batchSize))
        while !ahead.isEmpty {
            do {
                try index.write {
                    for _ in 0..<batchesPerTransaction {
                        guard !ahead.isEmpty else { break }
                        let pending = ahead.removeFirst()
                        let outcomes = pending.wait()
                        prepareAhead()
                        for (candidate, outcome) in zip(pending.batch, outcomes) {
                            try apply(outcome, for: candidate, vanished: &vanished, root: root,
                                      extractor: extractor, report: &report, failed: failed)
                        }
                        done += pending.batch.count
                        progress?(done, max(total, done))
                    }
                }
            } catch { throw .index(error) }
        }
        if let streamFailure { throw streamFailure }
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
    struct Candidate: Sendable {
        var file: ArchiveFile
        var old: IndexedFile?
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
