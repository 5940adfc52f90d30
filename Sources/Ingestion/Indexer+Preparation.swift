import ArticleExtraction
import ArticleModel
import Dispatch
import GermanAnalysis
import IndexStore
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Preparation, the stage before the writer: files read, hashed, extracted and analysed in batches
/// on all cores (see `Indexer`).
extension Indexer {
    /// A batch being prepared on a background queue.
    final class PendingBatch: @unchecked Sendable {
        /// The files being prepared.
        let batch: ArraySlice<Candidate>
        private var outcomes: [Outcome] = []
        private let ready = DispatchSemaphore(value: 0)
        private var taken = false

        /// Starts `work` on `queue`, a serial queue: one batch after another (each on all cores).
        /// Batches prepared side by side would only share the same cores, with more analyzers whose
        /// caches each warm up again.
        init(_ batch: ArraySlice<Candidate>, on queue: DispatchQueue, _ work: @escaping @Sendable () -> [Outcome]) {
            self.batch = batch
            queue.async {
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
    enum Outcome: Sendable {
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

    /// Analyzers kept across batches (each keeps a cache of its words' terms). An analyzer is not
    /// thread-safe: a worker borrows one for its share of a batch, so no two threads ever hold the
    /// same one, however batches are scheduled.
    final class AnalyzerPool: Sendable {
        let workers = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        /// An analyzer handed from thread to thread, used by one at a time.
        private struct Idle: @unchecked Sendable {
            let analyzer: GermanAnalyzer
        }
        private let idle = Mutex<[Idle]>([])

        /// Runs `body` with an analyzer no other thread uses meanwhile.
        func withAnalyzer<T>(_ body: (GermanAnalyzer) -> T) -> T {
            let analyzer = idle.withLock { $0.popLast() }?.analyzer ?? GermanAnalyzer()
            defer { idle.withLock { $0.append(Idle(analyzer: analyzer)) } }
            return body(analyzer)
        }
    }

    /// Reads, hashes and (when needed) extracts and analyses a batch on all cores.
    static func prepare(
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
        // Worker w reads and extracts files w, w + workers, …, then analyses their articles with an
        // analyzer of its own: one after another, the analyzer's term cache stays in the core's
        // cache, where an extraction between two analyses evicted it (8 % less CPU per run).
        DispatchQueue.concurrentPerform(iterations: analyzers.workers) { worker in
            var extracted: [(index: Int, file: IndexedFile, article: Article)] = []
            for i in stride(from: worker, to: batch.count, by: analyzers.workers) {
                if let article = prepareFile(i) { extracted.append(article) }
            }
            analyzers.withAnalyzer { analyzer in
                for (i, record, article) in extracted {
                    shared[i] = .extracted(record, article, PreparedTokens(article, analyzer: analyzer))
                }
            }
        }
        @Sendable func prepareFile(_ i: Int) -> (index: Int, file: IndexedFile, article: Article)? {
            let (file, old) = (batch[batch.startIndex + i].file, batch[batch.startIndex + i].old)
            let contents: FileReader.Contents
            switch Result(catching: { () throws(FileReader.Failure) in
                try FileReader.read(root + "/" + file.path, maximumSize: maximumFileSize)
            }) {
            case .success(let read): contents = read
            case .failure(.vanished):
                shared[i] = .vanished
                return nil
            case .failure(let error):
                shared[i] = .failed(error.description)
                return nil
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
                    return (i, record, try extractor.extract(contents.bytes, fileName: file.path))
                } catch {
                    shared[i] = .failed("\(error)")
                }
            }
            return nil
        }
        return Array(results)
    }
}
