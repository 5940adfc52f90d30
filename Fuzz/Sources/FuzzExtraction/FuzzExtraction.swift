import ArticleExtraction
import FuzzDriver

/// Encoding detection, libxml2 parsing and extraction must end on any bytes, as HTML and as text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtraction(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let extractor = ArticleExtractor()
    if let article = try? extractor.extract(bytes, fileName: "page.html") {
        precondition(!article.title.isEmpty || !article.lead.isEmpty)
    }
    _ = try? extractor.extract(bytes, fileName: "article.txt")
    return 0
}

@_cdecl("FuzzExtraction_main")
public func fuzzExtractionMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzExtraction)
}
