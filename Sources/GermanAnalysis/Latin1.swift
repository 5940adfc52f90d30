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

    /// `letters` (lower-case Latin-1) with ä ö ü as a o u and ß as ss, as Snowball's stems have them.
    static func foldingUmlauts(_ letters: [UInt8]) -> [UInt8] {
        var folded: [UInt8] = []
        folded.reserveCapacity(letters.count + 2)
        for byte in letters {
            switch byte {
            case 0xE4: folded.append(UInt8(ascii: "a"))
            case 0xF6: folded.append(UInt8(ascii: "o"))
            case 0xFC: folded.append(UInt8(ascii: "u"))
            case 0xDF: folded.append(contentsOf: [UInt8(ascii: "s"), UInt8(ascii: "s")])
            default: folded.append(byte)
            }
        }
        return folded
    }
}
