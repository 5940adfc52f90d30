import GermanAnalysis

/// How each phrase of an FTS5 expression counts in `stichwort_rank`, in the order FTS5 numbers
/// phrases (the order of the quoted strings).
///
/// A phrase that looks a word up as a compound part (opened by `GermanAnalyzer.partQueryMarker`),
/// in its exact form (`exactQueryMarker`) or in another form (`variantQueryMarker`,
/// `weakVariantQueryMarker`) belongs to the group of the phrase before it, the word itself, and
/// weighs what its marker says; every other phrase is a group of its own with weight 1. BM25 then
/// scores each group as one term: its
/// IDF from the articles that match any of its phrases, its frequency the weighted sum of their
/// matches. So a compound part adds to the word's score as in a plain index, only less.
struct PhraseWeights: Equatable {
    /// The group of each phrase.
    var groups: [Int] = []
    /// The weight of each phrase.
    var weights: [Double] = []
    /// True for each phrase that looks its word up in its exact form.
    var isExact: [Bool] = []

    static func of(
        _ expression: String, partWeight: Double, exactWeight: Double, variantWeight: Double, weakVariantWeight: Double
    ) -> PhraseWeights {
        var result = PhraseWeights()
        var scalars = expression.unicodeScalars.makeIterator()
        // The weight of a phrase opened by each marker; every such phrase joins the word before it.
        let markerWeights: [Unicode.Scalar: Double] = [
            GermanAnalyzer.partQueryMarker.unicodeScalars.first!: partWeight,
            GermanAnalyzer.exactQueryMarker.unicodeScalars.first!: exactWeight,
            GermanAnalyzer.variantQueryMarker.unicodeScalars.first!: variantWeight,
            GermanAnalyzer.weakVariantQueryMarker.unicodeScalars.first!: weakVariantWeight,
        ]
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
            let markerWeight = group >= 0 ? first.flatMap { markerWeights[$0] } : nil
            if markerWeight == nil { group += 1 }
            result.groups.append(group)
            result.weights.append(markerWeight ?? 1)
            result.isExact.append(markerWeight != nil && first == GermanAnalyzer.exactQueryMarker.unicodeScalars.first!)
        }
        return result
    }

    /// The weights as `stichwort_rank` reads them: `group*weight` per phrase, `group*weight*e` for an
    /// exact-form phrase ("0*1,0*2.0*e,0*0.5,1*1").
    var text: String {
        groups.indices.map { phrase in
            let weight = weights[phrase]
            return "\(groups[phrase])*\(weight == 1 ? "1" : String(weight))\(isExact[phrase] ? "*e" : "")"
        }.joined(separator: ",")
    }
}
