/// The stems compound splitting may use as parts, with their frequency and part of speech.
///
/// Built from `CompoundLexiconData.swift` (generated, see there for the sources) on first use, so a
/// process that never splits (a search) never pays for it. Keys are Snowball stems as Latin-1 bytes.
/// A process that splits only a few words (a query) looks them up in the sorted data instead
/// (`sortedData`), which needs no loading at all.
struct CompoundLexicon: @unchecked Sendable {
    /// A stem's facts. A plain value: the splitter reads thousands of them per word.
    struct Entry: Sendable {
        /// Zipf frequency × 10 of the word forms with this stem (0 when unknown).
        var frequency: Int
        /// True when the words are nouns.
        var isNoun: Bool
        /// What the base form adds to the stem, folded (`e` for drohn → Drohne): a range of the
        /// generated data's UTF-8 bytes (`endingBytes`), empty when there is none.
        var ending: Range<Int>
    }

    /// Stems by a 64-bit FNV-1a hash (84,000 stems in 2^64 values do not collide in practice), in an
    /// open-addressing table: no `Hasher` and no object per entry. A slot holds the hash and the
    /// entry packed beside it, so a found stem costs one cache miss, not two.
    private let slots: UnsafeBufferPointer<Slot>
    private let mask: Int

    /// A slot of the table: a stem's hash (0 when empty) and its entry, packed: frequency (8 bits),
    /// noun (1 bit), the ending's length (7 bits) and its offset in the data (from bit 16).
    private struct Slot {
        var hash: UInt64 = 0
        var packed: UInt64 = 0

        init() {}

        init(hash: UInt64, entry: Entry) {
            self.hash = hash
            packed = UInt64(entry.frequency) | (entry.isNoun ? 1 << 8 : 0) | UInt64(entry.ending.count) << 9
                | UInt64(entry.ending.lowerBound) << 16
        }

        var entry: Entry {
            let start = Int(packed >> 16)
            return Entry(
                frequency: Int(packed & 0xFF), isNoun: packed & (1 << 8) != 0,
                ending: start..<(start + Int((packed >> 9) & 0x7F)))
        }
    }

    /// Two bits per stem in 2^20 (128 KiB, which stays in the core's cache where the 4 MiB of
    /// slots do not): most substrings the splitter looks up are no stem and stop here.
    private let filter: UnsafeBufferPointer<UInt64>
    private static let filterBits = 20
    /// The first three letters of every stem that opens with three of a–z, one bit per triple
    /// (2 KiB): many substrings the splitter tries start where no stem does ("ngs", "tzt"), and need
    /// not be stemmed to know it.
    private let openings: UnsafeBufferPointer<UInt64>

    /// The lexicon of this analyzer version.
    ///
    /// Loaded once and kept for the life of the process, so its tables are plain pointers: copying
    /// the lexicon (the splitter does, for every look-up) costs no reference counting. That is also
    /// why it is a value with only a private initializer, used through `shared` alone; its tables are
    /// never written after loading, which makes it safe to share between threads.
    static let shared = CompoundLexicon()

    /// A copy of `array` that is never freed.
    private static func immortal<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
        let storage = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
        _ = storage.initialize(from: array)
        return UnsafeBufferPointer(storage)
    }

    /// Loads the generated data (`compoundLexiconData`), which the entries' endings point into.
    private init() {
        var loaded: [(UInt64, Entry)] = []
        loaded.reserveCapacity(90_000)
        var openings = [UInt64](repeating: 0, count: (26 * 26 * 26 + 63) / 64)
        Self.withData { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                var tab = lineStart
                while tab < lineEnd && bytes[tab] != UInt8(ascii: "\t") { tab += 1 }
                if tab < lineEnd,
                    let key = Latin1.bytes(String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<tab]), as: UTF8.self))
                {
                    loaded.append((Self.key(key), Self.parseEntry(bytes, fields: (tab + 1)..<lineEnd)))
                    if key.count >= 3, let triple = Self.opening(key[0], key[1], key[2]) {
                        openings[triple >> 6] |= 1 << UInt64(triple & 63)
                    }
                }
                lineStart = lineEnd + 1
            }
        }
        var capacity = 1
        while capacity < loaded.count * 2 { capacity <<= 1 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        for (hash, entry) in loaded {
            // 0 marks an empty slot; a stem hashing to 0 is stored as 1 (and looked up the same way).
            let stored = hash == 0 ? 1 : hash
            var slot = Int(truncatingIfNeeded: stored) & (capacity - 1)
            while slots[slot].hash != 0 && slots[slot].hash != stored { slot = (slot + 1) & (capacity - 1) }
            // A stem listed twice keeps its last line. Frequencies are below 100, endings short.
            precondition(entry.frequency < 256 && entry.ending.count < 128, "lexicon entry out of range")
            slots[slot] = Slot(hash: stored, entry: entry)
        }
        self.slots = Self.immortal(slots)
        mask = capacity - 1
        var filter = [UInt64](repeating: 0, count: (1 << Self.filterBits) / 64)
        for (hash, _) in loaded {
            let bits = Self.filterPositions(hash == 0 ? 1 : hash)
            filter[bits.0 >> 6] |= 1 << UInt64(bits.0 & 63)
            filter[bits.1 >> 6] |= 1 << UInt64(bits.1 & 63)
        }
        self.filter = Self.immortal(filter)
        self.openings = Self.immortal(openings)
    }

    /// False when no stem starts with the letters `a`, `b`, `c` (each of a–z).
    func hasStem(opening a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        guard let triple = Self.opening(a, b, c) else { return true }
        return openings[triple >> 6] & (1 << UInt64(triple & 63)) != 0
    }

    /// The number of three letters of a–z (0 ..< 26³), nil for other bytes.
    private static func opening(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        let base = UInt8(ascii: "a")
        guard (base...UInt8(ascii: "z")).contains(a), (base...UInt8(ascii: "z")).contains(b),
            (base...UInt8(ascii: "z")).contains(c)
        else { return nil }
        return (Int(a - base) * 26 + Int(b - base)) * 26 + Int(c - base)
    }

    /// The entry for a stem.
    func entry(_ stem: [UInt8]) -> Entry? { entry(hash: Self.key(stem)) }

    /// The entry for a stem's hash (`key`).
    func entry(hash: UInt64) -> Entry? {
        let stored = hash == 0 ? 1 : hash
        let bits = Self.filterPositions(stored)
        guard filter[bits.0 >> 6] & (1 << UInt64(bits.0 & 63)) != 0,
            filter[bits.1 >> 6] & (1 << UInt64(bits.1 & 63)) != 0
        else { return nil }
        var slot = Int(truncatingIfNeeded: stored) & mask
        while true {
            let candidate = slots[slot].hash
            if candidate == stored { return slots[slot].entry }
            if candidate == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Calls `body` with the UTF-8 bytes of the generated data, which entries' endings point into.
    static func withData<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var data = compoundLexiconData
        return data.withUTF8(body)
    }

    /// The bytes of an entry's ending.
    static func endingBytes<R>(_ entry: Entry, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withData { body(UnsafeBufferPointer(rebasing: $0[entry.ending])) }
    }

    /// The entry for a stem found by binary search in the generated data (sorted by code point,
    /// which UTF-8 byte order preserves): a microsecond per look-up, nothing to load.
    static func sortedEntry(_ stem: [UInt8]) -> Entry? {
        var key: [UInt8] = []
        for byte in stem { appendUTF8(UInt32(byte), to: &key) }
        return withData { bytes -> Entry? in
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
                if order == 0 { return parseEntry(bytes, fields: (tab + 1)..<end) }
                if order < 0 { low = end + 1 } else { high = start }
            }
            return nil
        }
    }

    /// The base form (the stem and its ending, folded as stems are) of the noun the sorted data lists
    /// with this stem, or nil when it lists none: how query variants check that a form they guess is
    /// a noun as written (Referendum, Problem).
    static func nounBaseForm(ofStem stem: [UInt8]) -> [UInt8]? {
        guard let entry = sortedEntry(stem), entry.isNoun else { return nil }
        return endingBytes(entry) { stem + Array($0) }
    }

    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Int {
        for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    /// The fields after the tab (`range` of `bytes`): frequency digits, `n` for nouns, `:ending`.
    private static func parseEntry(_ bytes: UnsafeBufferPointer<UInt8>, fields range: Range<Int>) -> Entry {
        var frequency = 0
        var isNoun = false
        var ending = range.upperBound..<range.upperBound
        for position in range {
            let byte = bytes[position]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                frequency = frequency * 10 + Int(byte - UInt8(ascii: "0"))
            } else if byte == UInt8(ascii: "n") {
                isNoun = true
            } else if byte == UInt8(ascii: ":") {
                ending = (position + 1)..<range.upperBound
                break
            }
        }
        return Entry(frequency: frequency, isNoun: isNoun, ending: ending)
    }

    @inline(__always) static func key(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer(key)
    }

    /// The 64-bit FNV-1a hash a stem is looked up by.
    @inline(__always) static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The two filter bits of a stem's hash (taken from its high bits; the table's slot uses the low ones).
    @inline(__always) private static func filterPositions(_ hash: UInt64) -> (Int, Int) {
        let mask: UInt64 = (1 << UInt64(filterBits)) - 1
        return (Int(truncatingIfNeeded: hash >> UInt64(64 - filterBits)), Int(truncatingIfNeeded: (hash >> 24) & mask))
    }

    /// Number of stems.
    var count: Int { slots.reduce(0) { $0 + ($1.hash == 0 ? 0 : 1) } }
}
