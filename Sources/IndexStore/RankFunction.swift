internal import CSQLite

#if canImport(Glibc)
    import Glibc
#endif

/// `stichwort_rank(article_fts, titleWeight, leadWeight, bodyWeight, phraseWeights)`: FTS5's BM25
/// (https://sqlite.org/fts5.html#the_bm25_function, same k1, b and IDF) over groups of phrases with
/// a weight per phrase (see `PhraseWeights`): a word and its look-up as a compound part score as one
/// term whose part matches count less. `phraseWeights` is text, `group*weight` per phrase in query
/// order ("0*1,0*0.5,1*1"); a phrase without an entry is a group of its own with weight 1. Like
/// bm25(), it returns the negated score: smaller is better.
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
}

/// What stays the same for every row of one query: group and weight per phrase, IDF per group,
/// column weights and the average row length.
private final class QueryStatistics {
    var phraseGroup: [Int] = []
    var phraseWeight: [Double] = []
    var groupIDF: [Double] = []
    var columnWeights: [Double] = []
    var averageLength = 1.0
    /// Scratch space for one row's weighted frequency per group.
    var frequency: [Double] = []
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
    var instances: Int32 = 0
    var code = x.xInstCount!(fts, &instances)
    // The per-row frequencies live in the statistics object: no allocation per row.
    for group in statistics.frequency.indices { statistics.frequency[group] = 0 }
    var instance: Int32 = 0
    while code == SQLITE_OK && instance < instances {
        var phrase: Int32 = 0
        var column: Int32 = 0
        var offset: Int32 = 0
        code = x.xInst!(fts, instance, &phrase, &column, &offset)
        if code == SQLITE_OK && Int(phrase) < statistics.phraseGroup.count {
            let columnWeight = Int(column) < statistics.columnWeights.count ? statistics.columnWeights[Int(column)] : 1
            statistics.frequency[statistics.phraseGroup[Int(phrase)]] += columnWeight * statistics.phraseWeight[Int(phrase)]
        }
        instance += 1
    }
    var length: Int32 = 0
    if code == SQLITE_OK { code = x.xColumnSize!(fts, -1, &length) }
    guard code == SQLITE_OK else {
        sqlite3_result_error_code(context, code)
        return
    }
    let k1 = RankFunction.k1
    let normaliser = k1 * (1 - RankFunction.b + RankFunction.b * Double(length) / statistics.averageLength)
    var score = 0.0
    for (group, f) in statistics.frequency.enumerated() where f > 0 {
        score += statistics.groupIDF[group] * (f * (k1 + 1)) / (f + normaliser)
    }
    sqlite3_result_double(context, -score)
}

private func makeStatistics(
    _ api: UnsafePointer<Fts5ExtensionApi>, _ fts: OpaquePointer, count: Int,
    values: UnsafeMutablePointer<OpaquePointer?>?
) -> Result<QueryStatistics, APIFailure> {
    let x = api.pointee
    let statistics = QueryStatistics()
    var rowCount: Int64 = 0
    var tokens: Int64 = 0
    var code = x.xRowCount!(fts, &rowCount)
    if code == SQLITE_OK { code = x.xColumnTotalSize!(fts, -1, &tokens) }
    guard code == SQLITE_OK else { return .failure(APIFailure(code: code)) }
    statistics.averageLength = rowCount > 0 && tokens > 0 ? Double(tokens) / Double(rowCount) : 1
    let columns = Int(x.xColumnCount!(fts))
    statistics.columnWeights = (0..<columns).map { column in
        column < count ? sqlite3_value_double(values![column]) : 1
    }
    let weightText: String? =
        count > columns ? sqlite3_value_text(values![columns]).map { String(cString: $0) } : nil
    let given: [(group: Int, weight: Double)] = (weightText ?? "").split(separator: ",").map { entry in
        let pair = entry.split(separator: "*")
        return (pair.count == 2 ? Int(pair[0]) ?? -1 : -1, pair.count == 2 ? max(0, Double(pair[1]) ?? 1) : 1)
    }
    let phrases = Int(x.xPhraseCount!(fts))
    var groupOfGiven: [Int: Int] = [:]
    for phrase in 0..<phrases {
        // Groups are numbered densely in order of appearance; unknown phrases get their own.
        let key = phrase < given.count && given[phrase].group >= 0 ? given[phrase].group : -1 - phrase
        if groupOfGiven[key] == nil { groupOfGiven[key] = groupOfGiven.count }
        statistics.phraseGroup.append(groupOfGiven[key]!)
        statistics.phraseWeight.append(phrase < given.count ? given[phrase].weight : 1)
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
        let group = statistics.phraseGroup[phrase]
        rowsOfGroup[group] = rowsOfGroup[group].isEmpty ? rowids : mergedUnion(rowsOfGroup[group], rowids)
    }
    for rows in rowsOfGroup {
        let hits = Double(rows.count)
        // IDF as in bm25(): never below a tiny positive value, so a very common term still counts.
        let idf = log((Double(rowCount) - hits + 0.5) / (hits + 0.5))
        statistics.groupIDF.append(idf <= 0 ? 1e-6 : idf)
    }
    statistics.frequency = [Double](repeating: 0, count: statistics.groupIDF.count)
    return .success(statistics)
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
