import Glibc

/// The lower-cased UTF-8 bytes of a line's opening, compared with lists of boilerplate openings.
///
/// Made once per text block and shared by every rule that looks at the opening. Lower-casing is
/// done on bytes: ASCII and the Latin-1 capitals (Ä Ö Ü …), which is all the lists need.
struct LineOpening {
    /// The lower-cased bytes of the first `maximumLength` bytes (or as many as asked for, cut at a
    /// character boundary).
    let bytes: [UInt8]
    /// The line's whole length in UTF-8 bytes.
    let lineLength: Int

    static let maximumLength = 96

    init(_ line: String, length: Int = maximumLength) {
        var result: [UInt8] = []
        result.reserveCapacity(min(line.utf8.count, length))
        var afterC3 = false
        for byte in line.utf8 {
            if result.count >= length && byte & 0xC0 != 0x80 { break }
            if afterC3 && byte >= 0x80 && byte <= 0x9E && byte != 0x97 {
                result.append(byte + 0x20)  // À–Þ → à–þ (but ×)
            } else {
                result.append(byte.asciiLowercased)
            }
            afterC3 = byte == 0xC3
        }
        bytes = result
        lineLength = line.utf8.count
    }

    /// True when the opening starts with `prefix` (lower-case UTF-8).
    func starts(with prefix: [UInt8]) -> Bool {
        prefix.count <= bytes.count && bytes.withUnsafeBufferPointer { opening in
            prefix.withUnsafeBufferPointer { memcmp(opening.baseAddress!, $0.baseAddress!, $0.count) == 0 }
        }
    }

    /// True when the opening contains `needle` (lower-case UTF-8) anywhere.
    func contains(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= bytes.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            var k = 1
            while k < needle.count && bytes[start + k] == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }
}

/// A list of lower-case openings, grouped by first byte so that a line is compared only with the
/// openings that can match it.
struct OpeningList {
    private var byFirstByte: [[[UInt8]]] = Array(repeating: [], count: 256)

    init(_ openings: [String]) {
        for opening in openings where !opening.isEmpty {
            let bytes = Array(opening.utf8)
            byFirstByte[Int(bytes[0])].append(bytes)
        }
    }

    /// True when `line` starts with one of the openings.
    func matches(_ line: LineOpening) -> Bool {
        guard let first = line.bytes.first else { return false }
        return byFirstByte[Int(first)].contains { line.starts(with: $0) }
    }
}
