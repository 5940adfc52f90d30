import ArticleModel
import FuzzDriver
import IndexStore
import Query

/// An in-memory index with a few articles, made once.
nonisolated(unsafe) private let index: ArticleIndex = {
    let index = try! ArticleIndex(path: ":memory:", access: .write)
    try! index.write {
        for (n, text) in ["Die Regierung in Wien", "Kampfdrohnen über dem Schwarzen Meer", "Straße in München"].enumerated() {
            try index.insert(
                Article(title: text, date: "2022-0\(n + 1)-01", section: "S\(n)", lead: text + " und mehr Text."),
                file: IndexedFile(path: "\(n).html", size: 1, mtime: 1, hash: "0000000000000000"))
        }
    }
    return index
}()

/// Any query text gives hits, no hits or a `QueryError`: never an SQLite error, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var options = SearchOptions()
    for any in [false, true] {
        options.anyWord = any
        do {
            _ = try Searcher(index: index).search(text, options: options)
        } catch is QueryError {
        } catch {
            fatalError("query \(text.debugDescription) failed: \(error)")
        }
    }
    return 0
}

@_cdecl("FuzzQuery_main")
public func fuzzQueryMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzQuery)
}
