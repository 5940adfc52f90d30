import GermanAnalysis

/// How each phrase of an FTS5 expression counts in `stichwort_rank`, in the order FTS5 numbers
/// phrases (the order of the quoted strings).
///
/// A phrase that looks a word up as a compound part (opened by `GermanAnalyzer.partQueryMarker`)
/// or in its exact form (`exactQueryMarker`) belongs to the group of the phrase before it, the word
/// itself, and weighs `partWeight` or `exactWeight`; every other phrase is a group of its own with weight 1. BM25 then scores each group as one term: its
/// IDF from the articles that match any of its phrases, its frequency the weighted sum of their
/// matches. So a compound part adds to the word's score as in a plain index, only less.
struct PhraseWeights: Equatable {
    /// The group of each phrase.
    var groups: [Int] = []
    /// The weight of each phrase.
    var weights: [Double] = []

    static func of(
        _ expression: String, partWeight: Double, exactWeight: Double, variantWeight: Double, weakVariantWeight: Double
    ) -> PhraseWeights {
        var result = PhraseWeights()
        var scalars = expression.unicodeScalars.makeIterator()
        let marker = GermanAnalyzer.partQueryMarker.unicodeScalars.first!
        let exactMarker = GermanAnalyzer.exactQueryMarker.unicodeScalars.first!
        let variantMarker = GermanAnalyzer.variantQueryMarker.unicodeScalars.first!
        let weakVariantMarker = GermanAnalyzer.weakVariantQueryMarker.unicodeScalars.first!
        var group = -1
        while let scalar = scalars.next() {
            guard scalar == "\"" else { continue }
            // A quoted string; "" inside it is an escaped quote.
            var first: Unicode.Scalar?
            var isFirst = true
            while let inner = scalars.next() {
                if inner == "\"" {
                    // Either the closing quote or the first half of an escaped one.
                    var lookahead = scalars
                    if lookahead.next() == "\"" {
                        scalars = lookahead
                    } else {
                        break
                    }
                }
                if isFirst { first = inner }
                isFirst = false
            }
            let isPart = first == marker && group >= 0
            let isExact = first == exactMarker && group >= 0
            let isVariant = first == variantMarker && group >= 0
            let isWeakVariant = first == weakVariantMarker && group >= 0
            if !isPart && !isExact && !isVariant && !isWeakVariant { group += 1 }
            result.groups.append(group)
            result.weights.append(
                isPart ? partWeight : isExact ? exactWeight : isVariant ? variantWeight : isWeakVariant ? weakVariantWeight : 1)
        }
        return result
    }

    /// The weights as `stichwort_rank` reads them: `group*weight` per phrase ("0*1,0*0.5,1*1").
    var text: String {
        zip(groups, weights).map { "\($0)*\($1 == 1 ? "1" : String($1))" }.joined(separator: ",")
    }
}
