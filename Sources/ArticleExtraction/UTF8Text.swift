/// Byte-level text helpers: extraction runs on every page of an archive, and the `String` methods
/// of the standard library (grapheme breaking, `_StringProcessing` searchers) were its hot spots.

/// What a UTF-8 sequence is to the collector.
enum ByteClass { case space, control, visible }

/// White space and invisible characters by their UTF-8 bytes: ASCII and Unicode spaces (no-break,
/// en/em and thin spaces, line and paragraph separators, ideographic space); C0/C1
/// controls, soft hyphens and zero-width characters, which are dropped ("Mes\u{AD}sen\u{AD}ger" reads
/// "Messenger").
@inline(__always) func classifyUTF8(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> ByteClass {
    let lead = bytes[i]
    if lead < 0x80 {
        switch lead {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B: return .space
        case 0..<0x20, 0x7F: return .control
        default: return .visible
        }
    }
    if length == 2 && lead == 0xC2 {
        let next = bytes[i + 1]
        if next == 0xA0 || next == 0x85 { return .space }  // no-break space, next line
        if next < 0xA0 || next == 0xAD { return .control }  // C1 controls, soft hyphen
        return .visible
    }
    if length == 3 {
        let b1 = bytes[i + 1], b2 = bytes[i + 2]
        // Zero-width space, non-joiner and joiner, word joiner, byte order mark: invisible inside words.
        if lead == 0xE2 && ((b1 == 0x80 && (0x8B...0x8D).contains(b2)) || (b1 == 0x81 && b2 == 0xA0)) { return .control }
        if lead == 0xEF && b1 == 0xBB && b2 == 0xBF { return .control }
        if lead == 0xE2 && b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) { return .space }
        if lead == 0xE2 && b1 == 0x81 && b2 == 0x9F { return .space }  // medium mathematical space
        if lead == 0xE3 && b1 == 0x80 && b2 == 0x80 { return .space }  // ideographic space
        if lead == 0xE1 && b1 == 0x9A && b2 == 0x80 { return .space }  // ogham space mark
    }
    return .visible
}

/// The length of the UTF-8 sequence that starts with `lead`.
@inline(__always) func utf8SequenceLength(_ lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
}

/// Reads `bytes` as `String.collapsingWhitespace()` does: `visit` gets each visible character's
/// bytes, and nil for the one space that stands for white space between two of them.
@inline(__always) func forEachCollapsedCharacter(_ bytes: UnsafeBufferPointer<UInt8>, _ visit: (Range<Int>?) -> Void) {
    var pendingSpace = false
    var started = false
    var i = 0
    while i < bytes.count {
        let end = min(i + utf8SequenceLength(bytes[i]), bytes.count)
        switch classifyUTF8(bytes, at: i, length: end - i) {
        case .space: pendingSpace = true
        case .control: break
        case .visible:
            if pendingSpace && started { visit(nil) }
            pendingSpace = false
            started = true
            visit(i..<end)
        }
        i = end
    }
}

/// How many characters (Unicode scalars) `bytes` has with white space collapsed and trimmed, without
/// making the string.
func collapsedLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    forEachCollapsedCharacter(bytes) { _ in count += 1 }
    return count
}

/// Calls `visit` with each scalar of `text` lower-cased, as `text.lowercased().unicodeScalars` gives
/// them (Swift lower-cases scalar by scalar), without making the lower-cased string.
@inline(__always) func forEachLowercasedScalar(of text: String, _ visit: (Unicode.Scalar) -> Void) {
    for scalar in text.unicodeScalars {
        let value = scalar.value
        if value < 0x80 {
            visit(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value) + 0x20) : scalar)
        } else {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars { visit(lower) }
        }
    }
}

extension String {
    /// `lowercased()`, without its Unicode tables for ASCII text (tag attributes, most titles).
    func fastLowercased() -> String {
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return lowercased() }
        guard utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return self }
        return String(decoding: utf8.map(\.asciiLowercased), as: UTF8.self)
    }

    /// White space (and control characters) collapsed to single spaces, trimmed.
    func collapsingWhitespace() -> String {
        var text = self
        return text.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            forEachCollapsedCharacter(bytes) { range in
                if let range { result.append(contentsOf: bytes[range]) } else { result.append(0x20) }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// The byte offsets at which `needle` occurs, without overlaps.
    func byteRanges(of needle: String) -> [Range<Int>] {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty else { return [] }
        var text = self
        return text.withUTF8 { bytes in
            var found: [Range<Int>] = []
            var i = 0
            while i + pattern.count <= bytes.count {
                if bytes[i] == pattern[0] && pattern.indices.allSatisfy({ bytes[i + $0] == pattern[$0] }) {
                    found.append(i..<i + pattern.count)
                    i += pattern.count
                } else {
                    i += 1
                }
            }
            return found
        }
    }

    /// True when `needle` occurs in the string (compared byte by byte).
    func containsBytes(_ needle: String) -> Bool { !byteRanges(of: needle).isEmpty }

    /// The pieces between occurrences of `separator`, empty pieces included (as Foundation's
    /// `components(separatedBy:)`).
    func parts(separatedBy separator: String) -> [String] {
        let ranges = byteRanges(of: separator)
        guard !ranges.isEmpty else { return [self] }
        let bytes = Array(utf8)
        var result: [String] = []
        var start = 0
        for range in ranges {
            result.append(String(decoding: bytes[start..<range.lowerBound], as: UTF8.self))
            start = range.upperBound
        }
        result.append(String(decoding: bytes[start...], as: UTF8.self))
        return result
    }
}
