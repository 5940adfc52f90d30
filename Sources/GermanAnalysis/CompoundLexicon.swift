/// The stems compound splitting may use as parts, with their frequency and part of speech.
///
/// Built from `CompoundLexiconData.swift` (generated, see there for the sources) on first use, so a
/// process that never splits (a search) never pays for it. Keys are Snowball stems as Latin-1 bytes.
/// A process that splits only a few words (a query) looks them up in the sorted data instead
/// (`sortedData`), which needs no loading at all.
struct CompoundLexicon: Sendable {
    struct Entry: Sendable {
        /// Zipf frequency × 10 of the word forms with this stem (0 when unknown).
        var frequency: Int
        /// True when the words are nouns.
        var isNoun: Bool
        /// What the base form adds to the stem, folded (`e` for drohn → Drohne), or empty.
        var ending: [UInt8]
    }

    /// Keyed by a 64-bit FNV-1a hash of the stem: hashing a byte array through `Hasher` was the
    /// splitter's largest cost, and 84,000 stems in 2^64 values do not collide in practice.
    private let entries: [UInt64: Entry]

    /// The lexicon of this analyzer version.
    static let shared = CompoundLexicon(data: compoundLexiconData)

    init(data: String) {
        var entries: [UInt64: Entry] = [:]
        entries.reserveCapacity(40_000)
        for line in data.utf8.split(separator: UInt8(ascii: "\n")) {
            guard let tab = line.firstIndex(of: UInt8(ascii: "\t")) else { continue }
            guard let key = Latin1.bytes(String(decoding: line[line.startIndex..<tab], as: UTF8.self)) else { continue }
            entries[Self.key(key)] = Array(line[line.index(after: tab)...]).withUnsafeBufferPointer(Self.parseEntry)
        }
        self.entries = entries
    }

    /// The entry for a stem.
    func entry(_ stem: [UInt8]) -> Entry? { entries[Self.key(stem)] }

    /// The entry for a stem found by binary search in the generated data (sorted by code point,
    /// which UTF-8 byte order preserves): a microsecond per look-up, nothing to load.
    static func sortedEntry(_ stem: [UInt8]) -> Entry? {
        var key: [UInt8] = []
        for byte in stem { appendUTF8(UInt32(byte), to: &key) }
        var data = compoundLexiconData
        return data.withUTF8 { bytes -> Entry? in
            var low = 0
            var high = bytes.count
            while low < high {
                // The line around the middle.
                var start = (low + high) / 2
                while start > low && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
                var tab = start
                while tab < bytes.count && bytes[tab] != UInt8(ascii: "\t") && bytes[tab] != UInt8(ascii: "\n") { tab += 1 }
                var end = tab
                while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let order = compare(UnsafeBufferPointer(rebasing: bytes[start..<tab]), key)
                if order == 0 { return parseEntry(UnsafeBufferPointer(rebasing: bytes[(tab + 1)..<end])) }
                if order < 0 { low = end + 1 } else { high = start }
            }
            return nil
        }
    }

    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Int {
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    /// The fields after the tab: frequency digits, `n` for nouns, `:ending`.
    private static func parseEntry(_ fields: UnsafeBufferPointer<UInt8>) -> Entry {
        var frequency = 0
        var isNoun = false
        var ending: [UInt8] = []
        var inEnding = false
        for byte in fields {
            if inEnding {
                ending.append(byte)
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                frequency = frequency * 10 + Int(byte - UInt8(ascii: "0"))
            } else if byte == UInt8(ascii: "n") {
                isNoun = true
            } else if byte == UInt8(ascii: ":") {
                inEnding = true
            }
        }
        return Entry(frequency: frequency, isNoun: isNoun, ending: ending)
    }

    @inline(__always) static func key(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Number of stems.
    var count: Int { entries.count }
}
