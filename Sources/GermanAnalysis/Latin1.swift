/// Conversions between strings and the one-byte-per-character (Latin-1) words the stemmer, the
/// compound splitter and the lexicon work on.
enum Latin1 {
    /// The characters of `text` as Latin-1 bytes, or nil when one lies beyond U+00FF.
    static func bytes<S: StringProtocol>(_ text: S) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            guard scalar.value < 0x100 else { return nil }
            bytes.append(UInt8(scalar.value))
        }
        return bytes
    }

    /// The string of Latin-1 `bytes`.
    static func string(_ bytes: [UInt8]) -> String {
        String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
