// In-process micro-benchmarks (run a release build; Scripts/bench calls them):
//   stichwort-bench extract DIR [--limit N]   pages/s of ArticleExtractor on one core
//   stichwort-bench tokenize DIR [--limit N]  MB/s of GermanAnalyzer on extracted text, directly and
//                                             through FTS5 (INSERT into a new index), cold and in
//                                             steady state (after half of the texts)
// Each measurement runs 5 times; the median is printed with the others.
// For profiling the tokenize benchmark: ANALYZER_ONLY=1 stops after the analyzer's measures,
// REPLAY=1 runs only the replay of tokens analysed ahead (30 times).
import ArticleExtraction
import ArticleModel
import Foundation
import GermanAnalysis
import IndexStore

func files(in directory: String, limit: Int) -> [String] {
    var result: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: directory)
    while let path = enumerator?.nextObject() as? String {
        let lower = path.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".txt") {
            result.append(directory + "/" + path)
        }
    }
    return Array(result.sorted().prefix(limit))
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

func measure(
    _ label: String, unit: String, amount: Double, runs: Int = 5, prepare: () throws -> Void = {}, _ body: () throws -> Void
) rethrows {
    var rates: [Double] = []
    for _ in 0..<runs {
        try prepare()
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        rates.append(amount / seconds)
    }
    let all = rates.map { String(format: "%.1f", $0) }.joined(separator: ", ")
    print(String(format: "%@: %.1f %@ (median of %d: %@)", label, median(rates), unit, runs, all))
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    print("usage: stichwort-bench extract|tokenize DIR [--limit N]")
    exit(64)
}
let limit = arguments.firstIndex(of: "--limit").flatMap { Int(arguments[$0 + 1]) } ?? 2_000
let paths = files(in: arguments[1], limit: limit)
guard !paths.isEmpty else {
    print("no .html, .htm or .txt files in \(arguments[1])")
    exit(66)
}
let pages = paths.compactMap { path in FileManager.default.contents(atPath: path).map { (path, [UInt8]($0)) } }
let extractor = ArticleExtractor()

switch arguments[0] {
case "extract":
    let megabytes = Double(pages.reduce(0) { $0 + $1.1.count }) / 1e6
    print("\(pages.count) pages, \(String(format: "%.1f", megabytes)) MB")
    try measure("extraction, one core", unit: "pages/s", amount: Double(pages.count)) {
        for (path, bytes) in pages { _ = try? extractor.extract(bytes, fileName: path) }
    }
case "tokenize":
    // Cold: a new analyzer meets every word for the first time. Steady state: a new analyzer first
    // reads half of the articles (not timed), then the other half is timed, as when an archive is
    // indexed and most words have been seen before. Both directly and through FTS5 (INSERT into a
    // new index in one transaction, the tokenizer analysing).
    let articles = pages.compactMap { try? extractor.extract($0.1, fileName: $0.0) }
    let texts = articles.map { Array(($0.title + "\n" + $0.text).utf8) }
    let half = texts.count / 2
    func megabytes(_ part: ArraySlice<[UInt8]>) -> Double { Double(part.reduce(0) { $0 + $1.count }) / 1e6 }
    print("\(texts.count) texts, \(String(format: "%.1f", megabytes(texts[...]))) MB; steady state measured on the second half (\(String(format: "%.1f", megabytes(texts[half...]))) MB)")
    func analyse(_ part: ArraySlice<[UInt8]>, with analyzer: GermanAnalyzer) {
        var count = 0
        for text in part {
            text.withUnsafeBufferPointer { buffer in
                analyzer.analyze(buffer, mode: .document) { _, _, _, _ in
                    count += 1
                    return true
                }
            }
        }
        precondition(count > 0)
    }
    // Cold and steady state start without the process's cached compound splits.
    if getenv("REPLAY") == nil { measure("analyzer, cold", unit: "MB/s", amount: megabytes(texts[...]), runs: 3, prepare: CompoundSplitter.forgetCachedSplits) {
        analyse(texts[...], with: GermanAnalyzer())
    } }
    var warmed = GermanAnalyzer()
    measure("analyzer, steady state", unit: "MB/s", amount: megabytes(texts[half...]), runs: 5, prepare: {
        CompoundSplitter.forgetCachedSplits()
        warmed = GermanAnalyzer()
        analyse(texts[..<half], with: warmed)
    }) {
        analyse(texts[half...], with: warmed)
    }
    // The path of a word met before (a cache hit), what most words of a large archive take.
    try measure("analyzer, all words seen", unit: "MB/s", amount: megabytes(texts[half...]), runs: 5) {
        analyse(texts[half...], with: warmed)
    }
    // ANALYZER_ONLY=1 stops here (for profiling the analyzer alone).
    if getenv("ANALYZER_ONLY") != nil { exit(0) }
    // The tokenizer path through FTS5: each tokenizer looked up and called through FTS5's C API
    // (xFindTokenizer, xCreate, xTokenize with a callback per token), as FTS5 calls it for every
    // document, without FTS5's postings; unicode61 beside it on the same text.
    let scratch = try Connection(path: ":memory:", mode: .create)
    func tokenizeThroughFTS5(_ part: ArraySlice<[UInt8]>, with tokenizer: FTS5Tokenizer) throws {
        var count = 0
        for text in part { count += try text.withUnsafeBufferPointer { try tokenizer.countTokens(in: $0) } }
        precondition(count > 0)
    }
    let unicode61 = try FTS5Tokenizer("unicode61", arguments: ["remove_diacritics", "2"], on: scratch)
    try measure("FTS5 tokenizer API, unicode61", unit: "MB/s", amount: megabytes(texts[...]), runs: 5) {
        try tokenizeThroughFTS5(texts[...], with: unicode61)
    }
    var german = try FTS5Tokenizer(AnalyzerVersion.tokenizerName, on: scratch)
    if getenv("REPLAY") == nil { try measure("FTS5 tokenizer API, \(AnalyzerVersion.tokenizerName), cold", unit: "MB/s", amount: megabytes(texts[...]), runs: 3, prepare: {
        CompoundSplitter.forgetCachedSplits()
        german = try FTS5Tokenizer(AnalyzerVersion.tokenizerName, on: scratch)
    }) {
        try tokenizeThroughFTS5(texts[...], with: german)
    } }
    try measure("FTS5 tokenizer API, \(AnalyzerVersion.tokenizerName), steady state", unit: "MB/s", amount: megabytes(texts[half...]), runs: 5, prepare: {
        CompoundSplitter.forgetCachedSplits()
        german = try FTS5Tokenizer(AnalyzerVersion.tokenizerName, on: scratch)
        try tokenizeThroughFTS5(texts[..<half], with: german)
    }) {
        try tokenizeThroughFTS5(texts[half...], with: german)
    }
    try measure("FTS5 tokenizer API, \(AnalyzerVersion.tokenizerName), all words seen", unit: "MB/s", amount: megabytes(texts[half...]), runs: 5) {
        try tokenizeThroughFTS5(texts[half...], with: german)
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("stichwort-bench-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var run = 0
    func newIndex() throws -> ArticleIndex {
        run += 1
        return try ArticleIndex(path: directory.appendingPathComponent("\(run).db").path, access: .write)
    }
    func insert(_ range: Range<Int>, into index: ArticleIndex, tokens: [PreparedTokens]? = nil) throws {
        try index.write {
            for n in range {
                try index.insert(
                    articles[n], file: IndexedFile(path: "\(n)", size: 0, mtime: 0, hash: "0000000000000000"),
                    tokens: tokens?[n])
            }
        }
    }
    if getenv("REPLAY") == nil { try measure("through FTS5, cold", unit: "MB/s", amount: megabytes(texts[...]), runs: 3, prepare: CompoundSplitter.forgetCachedSplits) {
        try insert(0..<articles.count, into: try newIndex())
    } }
    // A plain FTS5 table (no article rows) with `tokenizer`, at `path` (in WAL mode) or in memory,
    // with FTS5's default `hashsize` or `pendingTermsSize`; `range`'s articles inserted in one transaction.
    func plainTable(
        _ tokenizer: String, _ range: Range<Int>, path: String = ":memory:", into connection: Connection? = nil,
        pendingTermsSize: Int? = nil
    ) throws -> Connection {
        let connection = try connection ?? {
            let fresh = try Connection(path: path, mode: .create)
            if path != ":memory:" { try fresh.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;") }
            try fresh.execute("CREATE VIRTUAL TABLE t USING fts5(title, lead, body, tokenize='\(tokenizer)')")
            if let pendingTermsSize { try fresh.execute("INSERT INTO t(t, rank) VALUES ('hashsize', \(pendingTermsSize))") }
            return fresh
        }()
        let insert = try connection.prepare("INSERT INTO t(title, lead, body) VALUES (?, ?, ?)")
        try connection.execute("BEGIN")
        for article in articles[range] { try insert.run(.text(article.title), .text(article.lead), .text(article.body)) }
        try connection.execute("COMMIT")
        return connection
    }
    // FTS5's own cost on this text, for scale: a plain FTS5 table with the built-in unicode61 tokenizer.
    try measure("FTS5 with unicode61, for scale", unit: "MB/s", amount: megabytes(texts[...]), runs: 5) {
        run += 1
        _ = try plainTable(
            "unicode61 remove_diacritics 2", 0..<articles.count, path: directory.appendingPathComponent("\(run).db").path)
    }
    // The issue's measure: INSERT into a plain FTS5 table in memory (no article rows, no disk), so
    // the tokenizer and FTS5's postings are all that is timed; unicode61 beside it on the same text.
    try measure("in-memory FTS5 table, unicode61", unit: "MB/s", amount: megabytes(texts[...]), runs: 5) {
        _ = try plainTable("unicode61 remove_diacritics 2", 0..<articles.count)
    }
    try measure("in-memory FTS5 table, \(AnalyzerVersion.tokenizerName), cold", unit: "MB/s", amount: megabytes(texts[...]), runs: 5, prepare: CompoundSplitter.forgetCachedSplits) {
        _ = try plainTable(AnalyzerVersion.tokenizerName, 0..<articles.count)
    }
    var memory: Connection?
    // Steady state with FTS5's default hashsize (1 MiB) and with the index's, which writes fewer segments.
    for size in [nil, ArticleIndex.pendingTermsSize] {
        let setting = size.map { ", hashsize \($0 >> 20) MiB" } ?? ""
        if size != nil {
            try measure("in-memory FTS5 table, unicode61\(setting)", unit: "MB/s", amount: megabytes(texts[...]), runs: 5) {
                _ = try plainTable("unicode61 remove_diacritics 2", 0..<articles.count, pendingTermsSize: size)
            }
        }
        try measure("in-memory FTS5 table, \(AnalyzerVersion.tokenizerName), steady state\(setting)", unit: "MB/s", amount: megabytes(texts[half...]), runs: 5, prepare: {
            CompoundSplitter.forgetCachedSplits()
            memory = try plainTable(AnalyzerVersion.tokenizerName, 0..<half, pendingTermsSize: size)
        }) {
            _ = try plainTable(AnalyzerVersion.tokenizerName, half..<articles.count, into: memory)
        }
    }
    // What the index writer does while ingestion analyses on the other cores: FTS5 replays tokens
    // analysed ahead of time (the storage of rows and postings without the analysis).
    let analyzer = GermanAnalyzer()
    let prepared = articles.map { PreparedTokens($0, analyzer: analyzer) }
    try measure("through FTS5, tokens analysed ahead", unit: "MB/s", amount: megabytes(texts[...]), runs: getenv("REPLAY") != nil ? 30 : 5) {
        try insert(0..<articles.count, into: try newIndex(), tokens: prepared)
    }
    if getenv("REPLAY") != nil { exit(0) }
    var index = try newIndex()
    try measure("through FTS5, steady state", unit: "MB/s", amount: megabytes(texts[half...]), runs: 5, prepare: {
        CompoundSplitter.forgetCachedSplits()
        index = try newIndex()
        try insert(0..<half, into: index)
    }) {
        try insert(half..<articles.count, into: index)
    }
default:
    print("unknown benchmark \(arguments[0])")
    exit(64)
}
