import FuzzDriver
import GermanAnalysis

/// The analyzer must end on any bytes, with offsets inside the text and in order, and no empty term.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTokenizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = UnsafeBufferPointer(start: data, count: size)
    let analyzer = GermanAnalyzer()
    for mode in [AnalysisMode.document, .query, .queryPrefix, .stemOnly, .foldOnly] {
        var lastStart = -1
        var lastEnd = 0
        analyzer.analyze(text, mode: mode) { term, start, end, colocated in
            precondition(!term.isEmpty, "empty term")
            if colocated {
                // A compound part shares its compound's position and offsets.
                precondition(mode == .document && start == lastStart && end == lastEnd, "colocated \(start)-\(end)")
            } else {
                precondition(start >= lastEnd && start < end && end <= size, "offsets \(start)-\(end) of \(size)")
            }
            lastStart = start
            lastEnd = end
            return true
        }
    }
    return 0
}

@_cdecl("FuzzTokenizer_main")
public func fuzzTokenizerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzTokenizer)
}
