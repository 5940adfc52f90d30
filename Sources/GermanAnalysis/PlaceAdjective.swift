/// The place name of an adjective in -anisch (südafrikanische → südafrika, kenianisch → kenia),
/// which Snowball stems apart from it (sudafrikan against sudafrika).
///
/// A wrong guess names no place and finds nothing (mexikanisch → mexika, republikanisch →
/// republika); any-word queries (questions) use it, weighed below the word.
public enum PlaceAdjective {
    /// The adjective's endings, longest first.
    private static let endings = ["anischen", "anisches", "anischem", "anischer", "anische", "anisch"]

    /// The place name, lower-case, or nil when `word` does not end in -anisch (with its inflection).
    public static func placeName(of word: String) -> String? {
        let lowered = word.lowercased()
        guard lowered.allSatisfy(\.isLetter),
            let ending = endings.first(where: { lowered.hasSuffix($0) && lowered.count >= $0.count + 3 })
        else { return nil }
        return lowered.dropLast(ending.count) + "a"
    }
}
