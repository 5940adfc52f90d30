/// Lists of byte strings by a byte-string key: the analyzer keeps each word's terms here, the
/// compound splitter each word's parts. A text repeats its words, and stemming and compound
/// splitting cost far more than a look-up.
///
/// An open-addressing hash table over one byte arena (no object per entry, no `Hasher`), so a hit
/// costs a hash of the key, a probe or two and a comparison. Bounded: when it holds
/// `maximumEntries` keys it starts again empty, so memory stays the same whatever the archive.
struct ByteStringCache {
    /// A slot of the table: where an entry's key and values lie in the arena (`offset` 0 means empty).
    private struct Slot {
        var hash: UInt32 = 0
        var offset: UInt32 = 0
    }

    private var slots: [Slot]
    /// Entries back to back: key length (1 byte), key, value count (1 byte), then each value as
    /// length (1 byte) and bytes. Offset 0 is never used, so it marks an empty slot.
    private var arena: [UInt8] = [0]
    private(set) var count = 0
    let maximumEntries: Int

    /// Creates a cache for up to `maximumEntries` keys.
    init(maximumEntries: Int = 100_000) {
        self.maximumEntries = maximumEntries
        slots = Array(repeating: Slot(), count: 1 << 12)
    }

    /// A cache that holds nothing and allocates nothing, to stand in while the real one is in use.
    static let placeholder = ByteStringCache(placeholderWith: ())

    private init(placeholderWith _: Void) {
        maximumEntries = 0
        slots = []
        arena = []
    }

    /// The FNV-1a hash of `key`, as the table uses it.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in key {
            hash ^= UInt32(byte)
            hash &*= 0x0100_0193
        }
        return hash | 1  // never 0, so a slot's hash alone can tell it is used
    }

    /// Calls `body` with the byte strings stored for `key` (in order) and returns true, or returns
    /// false when `key` is not cached.
    func withValues(
        of key: UnsafeBufferPointer<UInt8>, hash: UInt32, _ body: (ByteStrings) -> Void
    ) -> Bool {
        guard let offset = find(key, hash: hash).offset else { return false }
        arena.withUnsafeBufferPointer { bytes in
            let keyLength = Int(bytes[offset])
            body(ByteStrings(bytes: bytes, start: offset + 1 + keyLength))
        }
        return true
    }

    /// Stores `values` for `key`; keys and values longer than 255 bytes, or more than 255 values, are not kept.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32, values: [[UInt8]]) {
        guard key.count <= 255, values.count <= 255, values.allSatisfy({ $0.count <= 255 }) else { return }
        if count >= maximumEntries || arena.count > Int(UInt32.max / 2) { removeAll() }
        if (count + 1) * 2 > slots.count { grow() }
        let found = find(key, hash: hash)
        guard found.offset == nil else { return }
        let offset = arena.count
        arena.append(UInt8(key.count))
        arena.append(contentsOf: key)
        arena.append(UInt8(values.count))
        for value in values {
            arena.append(UInt8(value.count))
            arena.append(contentsOf: value)
        }
        slots[found.slot] = Slot(hash: hash, offset: UInt32(offset))
        count += 1
    }

    /// Empties the cache.
    mutating func removeAll() {
        slots = Array(repeating: Slot(), count: 1 << 12)
        arena = [0]
        count = 0
    }

    /// The arena offset of `key`'s entry (nil when absent) and the slot it has or would take.
    private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> (offset: Int?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        return slots.withUnsafeBufferPointer { table in
            arena.withUnsafeBufferPointer { bytes in
                while true {
                    let candidate = table[slot]
                    if candidate.offset == 0 { return (nil, slot) }
                    if candidate.hash == hash {
                        let offset = Int(candidate.offset)
                        let length = Int(bytes[offset])
                        if length == key.count && equal(bytes.baseAddress! + offset + 1, key.baseAddress!, length) {
                            return (offset, slot)
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    @inline(__always) private func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        for k in 0..<count where a[k] != b[k] { return false }
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry.offset != 0 {
            var slot = Int(entry.hash) & mask
            while slots[slot].offset != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}

/// The byte strings of one cache entry, read in place.
struct ByteStrings {
    fileprivate let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let start: Int

    /// The number of byte strings.
    var count: Int { Int(bytes[start]) }

    /// Calls `body` with each byte string in order until it returns false; returns false when stopped.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var position = start + 1
        for _ in 0..<count {
            let length = Int(bytes[position])
            let value = UnsafeBufferPointer(rebasing: bytes[(position + 1)..<(position + 1 + length)])
            if !body(value) { return false }
            position += 1 + length
        }
        return true
    }
}
