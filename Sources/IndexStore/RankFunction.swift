internal import CSQLite

#if canImport(Glibc)
    import Glibc
#endif

/// `stichwort_rank(article_fts, titleWeight, leadWeight, bodyWeight, phraseWeights[, keep])`: FTS5's BM25
/// (https://sqlite.org/fts5.html#the_bm25_function, same k1 and b; the IDF is
/// `inverseDocumentFrequency`) over groups of phrases with
/// a weight per phrase (see `PhraseWeights`): a word and its look-up as a compound part score as one
/// term whose part matches count less. `phraseWeights` is text, `group*weight` per phrase in query
/// order ("0*1,0*0.5,1*1"); a phrase without an entry is a group of its own with weight 1. Like
/// bm25(), it returns the negated score: smaller is better.
///
/// An exact-form phrase (`group*weight*e`) adds its weighted matches to its group's frequency, except
/// in a query of one word: there the word's exact form scores as a term of its own, with the group's
/// IDF, times its weight. Within one saturated frequency an article with the word only in another
/// form (Kohl for Kohle) could outrank one with it as written, by a shorter text or a match in its
/// lead; the word as the reader typed it is what a one-word query names. In a longer question the
/// words' forms follow its grammar, and each word's own saturation is kept (XQuAD-de dropped from
/// 0.942 / 0.961 to 0.918 / 0.948 with the exact form scored apart in every query).
///
/// `keep`, when given, is how many of the best rows the caller reads (`ORDER BY … LIMIT keep`). A
/// row whose score could not reach the `keep`-th best seen so far even if it were empty of other
/// words (its BM25 with row length 0, an upper bound) is not scored exactly and gets 0, below every
/// match: reading its row length costs FTS5 a look-up of its own, half the time of a common word's
/// query, and the first `keep` rows come out the same (top-k pruning as in MaxScore).
///
/// Registered on every connection as an auxiliary function
/// (https://sqlite.org/fts5.html#custom_auxiliary_functions).
enum RankFunction {
    static let name = "stichwort_rank"

    static func register(on connection: Connection, api: UnsafeMutablePointer<fts5_api>) throws(SQLiteError) {
        let code = api.pointee.xCreateFunction(api, name, nil, rank, nil)
        guard code == SQLITE_OK else { throw SQLiteError(code: code, connection: connection.handle) }
    }

    /// BM25 parameters as FTS5 sets them.
    static let k1 = 1.2
    static let b = 0.75

    /// The IDF of a term found in `rows` of `total` rows: log(N / n), as in ATIRE's BM25 (Trotman,
    /// Puurula, Burgess 2014, "Improvements to BM25 and Language Models Examined"), not bm25()'s
    /// log((N − n + 0.5) / (n + 0.5)), which falls to nothing for a word in half the rows and below
    /// zero after (bm25() then clamps it to 1e-6). In a topic's cluster of articles the words they all
    /// share are exactly such words; log(N / n) keeps some weight for them, so an article that
    /// answers with the cluster's words and the question's rarer ones ranks first. XQuAD-de (1,190
    /// questions over 240 paragraphs) S@1 / MRR@10 0.935 / 0.957 → 0.938 / 0.958, both halves
    /// better; news eval unchanged. A term in no row gets 0 (it adds nothing to any row).
    static func inverseDocumentFrequency(rows: Double, of total: Double) -> Double {
        rows > 0 && total > 0 ? max(1e-6, log(total / rows)) : 0
    }
}

/// What stays the same for every row of one query: group and weight per phrase, IDF per group,
/// column weights and the average row length. Immutable once made, with a scratch buffer of its own:
/// the rank function runs once per matching row (tens of thousands for a common word), so it must
/// neither allocate nor pay for exclusivity checks on mutable properties.
private final class QueryStatistics {
    let phraseGroup: [Int]
    let phraseWeight: [Double]
    /// True for each phrase scored apart as its word's exact form (one-word queries only).
    let phraseIsSeparateExact: [Bool]
    let groupIDF: [Double]
    let columnWeights: [Double]
    let averageLength: Double
    /// Scratch space for one row's weighted frequency per group,
    let frequency: UnsafeMutableBufferPointer<Double>
    /// and for its column-weighted exact-form matches scored apart, with their weight.
    let exactFrequency: UnsafeMutableBufferPointer<Double>
    let exactWeight: UnsafeMutableBufferPointer<Double>
    /// The best scores so far (a min-heap of at most `keep`), when the caller reads only `keep` rows.
    let best: UnsafeMutableBufferPointer<Double>
    /// How many entries of `best` are filled.
    var bestCount = 0

    init(
        phraseGroup: [Int], phraseWeight: [Double], phraseIsSeparateExact: [Bool], groupIDF: [Double],
        columnWeights: [Double], averageLength: Double, keep: Int
    ) {
        self.phraseGroup = phraseGroup
        self.phraseWeight = phraseWeight
        self.phraseIsSeparateExact = phraseIsSeparateExact
        self.groupIDF = groupIDF
        self.columnWeights = columnWeights
        self.averageLength = averageLength
        frequency = .allocate(capacity: max(1, groupIDF.count))
        frequency.initialize(repeating: 0)
        exactFrequency = .allocate(capacity: max(1, groupIDF.count))
        exactFrequency.initialize(repeating: 0)
        exactWeight = .allocate(capacity: max(1, groupIDF.count))
        exactWeight.initialize(repeating: 0)
        for (phrase, group) in phraseGroup.enumerated() where phraseIsSeparateExact[phrase] {
            exactWeight[group] = phraseWeight[phrase]
        }
        best = .allocate(capacity: max(0, keep))
    }

    deinit {
        frequency.deallocate()
        exactFrequency.deallocate()
        exactWeight.deallocate()
        best.deallocate()
    }

    /// True when a row whose score is at most `bound` cannot be among the best `best.count` rows.
    func cannotReach(_ bound: Double) -> Bool {
        best.count > 0 && bestCount == best.count && bound < best[0]
    }

    /// Records a row's exact score among the best.
    func record(_ score: Double) {
        guard best.count > 0 else { return }
        if bestCount < best.count {
            // Sift up.
            var child = bestCount
            bestCount += 1
            while child > 0, score < best[(child - 1) / 2] {
                best[child] = best[(child - 1) / 2]
                child = (child - 1) / 2
            }
            best[child] = score
        } else if score > best[0] {
            // Replace the smallest and sift down.
            var parent = 0
            while true {
                var child = 2 * parent + 1
                guard child < bestCount else { break }
                if child + 1 < bestCount, best[child + 1] < best[child] { child += 1 }
                guard best[child] < score else { break }
                best[parent] = best[child]
                parent = child
            }
            best[parent] = score
        }
    }
}

/// An FTS5 API call that failed, with its SQLite result code.
private struct APIFailure: Error {
    let code: Int32
}

private func rank(
    _ api: UnsafePointer<Fts5ExtensionApi>?, _ fts: OpaquePointer?, _ context: OpaquePointer?, _ count: Int32,
    _ values: UnsafeMutablePointer<OpaquePointer?>?
) {
    guard let api, let fts, let context else { return }
    let x = api.pointee
    let statistics: QueryStatistics
    if let stored = x.xGetAuxdata!(fts, 0) {
        statistics = Unmanaged<QueryStatistics>.fromOpaque(stored).takeUnretainedValue()
    } else {
        switch makeStatistics(api, fts, count: Int(count), values: values) {
        case .success(let made): statistics = made
        case .failure(let failure):
            sqlite3_result_error_code(context, failure.code)
            return
        }
        let code = x.xSetAuxdata!(fts, Unmanaged.passRetained(statistics).toOpaque()) { pointer in
            if let pointer { Unmanaged<QueryStatistics>.fromOpaque(pointer).release() }
        }
        guard code == SQLITE_OK else {
            sqlite3_result_error_code(context, code)
            return
        }
    }
    // Each phrase's instances in this row, read straight from its position list: xInstCount would
    // first merge all phrases' lists into one sorted array (https://sqlite.org/fts5.html#xPhraseFirst).
    let frequency = statistics.frequency
    let exactFrequency = statistics.exactFrequency
    for group in 0..<statistics.groupIDF.count {
        frequency[group] = 0
        exactFrequency[group] = 0
    }
    var code = SQLITE_OK
    for phrase in 0..<statistics.phraseGroup.count {
        let group = statistics.phraseGroup[phrase]
        let weight = statistics.phraseWeight[phrase]
        let isSeparateExact = statistics.phraseIsSeparateExact[phrase]
        var iterator = Fts5PhraseIter()
        var column: Int32 = 0
        var offset: Int32 = 0
        code = x.xPhraseFirst!(fts, Int32(phrase), &iterator, &column, &offset)
        guard code == SQLITE_OK else { break }
        while column >= 0 {
            let columnWeight = Int(column) < statistics.columnWeights.count ? statistics.columnWeights[Int(column)] : 1
            if isSeparateExact { exactFrequency[group] += columnWeight } else { frequency[group] += columnWeight * weight }
            x.xPhraseNext!(fts, &iterator, &column, &offset)
        }
    }
    guard code == SQLITE_OK else {
        sqlite3_result_error_code(context, code)
        return
    }
    let k1 = RankFunction.k1
    func score(normaliser: Double) -> Double {
        var score = 0.0
        for group in 0..<statistics.groupIDF.count where frequency[group] > 0 {
            let f = frequency[group]
            score += statistics.groupIDF[group] * (f * (k1 + 1)) / (f + normaliser)
            let e = exactFrequency[group]
            if e > 0 { score += statistics.exactWeight[group] * statistics.groupIDF[group] * (e * (k1 + 1)) / (e + normaliser) }
        }
        return score
    }
    // The largest score this row could have: the normaliser is smallest for a row of length 0.
    if statistics.cannotReach(score(normaliser: k1 * (1 - RankFunction.b))) {
        sqlite3_result_double(context, 0)
        return
    }
    var length: Int32 = 0
    code = x.xColumnSize!(fts, -1, &length)
    guard code == SQLITE_OK else {
        sqlite3_result_error_code(context, code)
        return
    }
    let exact = score(normaliser: k1 * (1 - RankFunction.b + RankFunction.b * Double(length) / statistics.averageLength))
    statistics.record(exact)
    sqlite3_result_double(context, -exact)
}

private func makeStatistics(
    _ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, count: Int,
    values: UnsafeMutablePointer<OpaquePointer?>?
) -> Result<QueryStatistics, APIFailure> {
    let x = api.pointee
    var rowCount: Int64 = 0
    var tokens: Int64 = 0
    var code = x.xRowCount!(fts, &rowCount)
    if code == SQLITE_OK { code = x.xColumnTotalSize!(fts, -1, &tokens) }
    guard code == SQLITE_OK else { return .failure(APIFailure(code: code)) }
    let averageLength = rowCount > 0 && tokens > 0 ? Double(tokens) / Double(rowCount) : 1
    let columns = Int(x.xColumnCount!(fts))
    let columnWeights = (0..<columns).map { column in
        column < count ? sqlite3_value_double(values![column]) : 1
    }
    let weightText: String? =
        count > columns ? sqlite3_value_text(values![columns]).map { String(cString: $0) } : nil
    let given: [(group: Int, weight: Double, isExact: Bool)] = (weightText ?? "").split(separator: ",").map { entry in
        let fields = entry.split(separator: "*")
        guard fields.count == 2 || fields.count == 3 else { return (-1, 1, false) }
        return (Int(fields[0]) ?? -1, max(0, Double(fields[1]) ?? 1), fields.count == 3 && fields[2] == "e")
    }
    let phrases = Int(x.xPhraseCount!(fts))
    var groupOfGiven: [Int: Int] = [:]
    var phraseGroup: [Int] = []
    var phraseWeight: [Double] = []
    for phrase in 0..<phrases {
        // Groups are numbered densely in order of appearance; unknown phrases get their own.
        let key = phrase < given.count && given[phrase].group >= 0 ? given[phrase].group : -1 - phrase
        if groupOfGiven[key] == nil { groupOfGiven[key] = groupOfGiven.count }
        phraseGroup.append(groupOfGiven[key]!)
        phraseWeight.append(phrase < given.count ? given[phrase].weight : 1)
    }
    // The rows that contain any phrase of a group, counted as FTS5's bm25() counts a phrase's rows.
    var rowsOfGroup = [[Int64]](repeating: [], count: groupOfGiven.count)
    for phrase in 0..<phrases {
        var rowids: [Int64] = []
        code = withUnsafeMutablePointer(to: &rowids) { pointer in
            x.xQueryPhrase!(fts, Int32(phrase), pointer) { api, rowContext, userData in
                let list = userData!.assumingMemoryBound(to: [Int64].self)
                list.pointee.append(api!.pointee.xRowid!(rowContext))
                return SQLITE_OK
            }
        }
        guard code == SQLITE_OK else { return .failure(APIFailure(code: code)) }
        let group = phraseGroup[phrase]
        rowsOfGroup[group] = rowsOfGroup[group].isEmpty ? rowids : mergedUnion(rowsOfGroup[group], rowids)
    }
    // A query of one word scores its exact form apart (see `RankFunction`).
    let isOneWord = groupOfGiven.count == 1
    let phraseIsSeparateExact = (0..<phrases).map { phrase in isOneWord && phrase < given.count && given[phrase].isExact }
    let groupIDF = rowsOfGroup.map { rows in
        RankFunction.inverseDocumentFrequency(rows: Double(rows.count), of: Double(rowCount))
    }
    return .success(
        QueryStatistics(
            phraseGroup: phraseGroup, phraseWeight: phraseWeight, phraseIsSeparateExact: phraseIsSeparateExact,
            groupIDF: groupIDF, columnWeights: columnWeights,
            averageLength: averageLength, keep: pruningDepth(count > columns + 1 ? sqlite3_value_int64(values![columns + 1]) : 0)))
}

/// How many best scores to keep for pruning when the caller reads `keep` rows: none (score every row
/// exactly) for a page beyond the first 10,000 rows, where the heap would cost more than it saves.
private func pruningDepth(_ keep: Int64) -> Int {
    (1...10_000).contains(keep) ? Int(keep) : 0
}

/// The union of two ascending rowid lists, ascending and without duplicates.
private func mergedUnion(_ a: [Int64], _ b: [Int64]) -> [Int64] {
    var result: [Int64] = []
    result.reserveCapacity(a.count + b.count)
    var i = 0
    var j = 0
    while i < a.count || j < b.count {
        if j == b.count || (i < a.count && a[i] < b[j]) {
            result.append(a[i]); i += 1
        } else if i == a.count || b[j] < a[i] {
            result.append(b[j]); j += 1
        } else {
            result.append(a[i]); i += 1; j += 1
        }
    }
    return result
}
