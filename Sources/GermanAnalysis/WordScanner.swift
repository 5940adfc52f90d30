/// A word found by `WordScanner`: its byte range and what kinds of characters it has.
struct ScannedWord {
    var start: Int
    var end: Int
    var hasDigits: Bool
    /// The word has letters with no Latin form (Cyrillic, Greek, CJK …): it is kept as lower-case UTF-8.
    var hasWideLetters: Bool
    /// The word follows the previous one after a single hyphen ("Mail" in "E-Mail").
    var continuesHyphenChain = false
}

/// Finds words in UTF-8 bytes and folds their characters.
///
/// A word is a run of letters and digits. Soft hyphens and zero-width characters inside a word are
/// dropped, a combining diaeresis turns a/o/u into ä/ö/ü (NFD input reads like NFC), other combining
/// marks are dropped, and an apostrophe between letters is dropped ("gibt's" → "gibts").
/// Gender forms stay one word (Bürger*innen, Bürger:innen, Bürger_innen → bürgerinnen), and so do
/// numbers with thousands separators (10.000 → 10000). Everything else, and every invalid UTF-8 byte,
/// separates words.
struct WordScanner {
    let text: UnsafeBufferPointer<UInt8>
    var position = 0
    /// Where the last word ended, and whether a lone hyphen follows it.
    private var lastWordEnd = -1

    init(text: UnsafeBufferPointer<UInt8>) { self.text = text }

    /// Scans the next word into `latin` (one Latin-1 byte per character) and `wide` (lower-case UTF-8).
    ///
    /// With `keepLatin1`, Latin-1 letters such as é stay as they are instead of being folded to ASCII.
    mutating func nextWord(latin: inout [UInt8], wide: inout [UInt8], keepLatin1: Bool) -> ScannedWord? {
        var word = ScannedWord(start: -1, end: -1, hasDigits: false, hasWideLetters: false)
        var apostrophePending = false
        defer { if word.start >= 0 { lastWordEnd = word.end } }
        while position < text.count {
            // Most characters are ASCII letters: appended here, without decoding and classifying.
            let lower = asciiWordCharacter(text[position])
            if lower != 0 {
                if word.start < 0 {
                    word.start = position
                    word.continuesHyphenChain = isLoneHyphen(from: lastWordEnd, to: position)
                }
                apostrophePending = false
                latin.append(lower)
                if word.hasWideLetters { wide.append(lower) }
                if lower <= UInt8(ascii: "9") { word.hasDigits = true }
                position += 1
                word.end = position
                continue
            }
            // Other ASCII but the apostrophe separates words.
            if text[position] < 0x80 && text[position] != UInt8(ascii: "'") {
                let separator = position
                position += 1
                guard word.start >= 0 else { continue }
                if joinsWord(UInt32(text[separator]), at: separator, latin: latin, word: word) { continue }
                return word
            }
            let charStart = position
            let scalar = decodeScalar()
            let kind = classify(scalar, keepLatin1: keepLatin1)
            switch kind {
            case .separator:
                if word.start >= 0 {
                    if joinsWord(scalar, at: charStart, latin: latin, word: word) { continue }
                    return word
                }
            case .apostrophe:
                if word.start >= 0 {
                    if apostrophePending { return word }
                    apostrophePending = true
                }
            case .ignorable:
                continue
            case .combining:
                guard word.start >= 0 else { continue }
                if scalar == 0x0308, let last = latin.last, let umlaut = umlaut(of: last) {
                    latin[latin.count - 1] = umlaut
                    if word.hasWideLetters {
                        wide.removeLast()
                        appendUTF8(UInt32(umlaut), to: &wide)
                    }
                }
                word.end = position
            case .letter(let first, let second):
                if word.start < 0 {
                    word.start = charStart
                    word.continuesHyphenChain = isLoneHyphen(from: lastWordEnd, to: charStart)
                }
                apostrophePending = false
                latin.append(first)
                if second != 0 { latin.append(second) }
                if word.hasWideLetters {
                    appendUTF8(UInt32(first), to: &wide)
                    if second != 0 { appendUTF8(UInt32(second), to: &wide) }
                }
                if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") { word.hasDigits = true }
                word.end = position
            case .wideLetter:
                if word.start < 0 {
                    word.start = charStart
                    word.continuesHyphenChain = isLoneHyphen(from: lastWordEnd, to: charStart)
                }
                apostrophePending = false
                if !word.hasWideLetters {
                    // From here on the word is kept as UTF-8: convert what it has so far.
                    word.hasWideLetters = true
                    for byte in latin { appendUTF8(UInt32(byte), to: &wide) }
                }
                if let s = Unicode.Scalar(scalar) {
                    for lower in s.properties.lowercaseMapping.unicodeScalars {
                        appendUTF8(lower.value, to: &wide)
                    }
                }
                word.end = position
            }
        }
        return word.start >= 0 ? word : nil
    }

    /// True when the separator at `offset` stays inside the word: a gender mark before "in"/"innen"
    /// after a letter, or a thousands dot between digit groups.
    private func joinsWord(_ scalar: UInt32, at offset: Int, latin: [UInt8], word: ScannedWord) -> Bool {
        let next = offset + 1
        switch scalar {
        case 0x2A, 0x3A, 0x5F, 0x2F, 0xB7:  // * : _ / ·
            guard !word.hasDigits, let last = latin.last, last >= UInt8(ascii: "a"), next < text.count else { return false }
            for ending in ["innen", "in"] {
                let bytes = Array(ending.utf8)
                guard next + bytes.count <= text.count else { continue }
                let matches = (0..<bytes.count).allSatisfy { text[next + $0] | 0x20 == bytes[$0] }
                let after = next + bytes.count
                if matches && (after == text.count || !isASCIILetterOrDigit(text[after])) { return true }
            }
            return false
        case 0x2E:  // .
            guard word.hasDigits, latin.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                next + 3 <= text.count, (0..<3).allSatisfy({ isASCIIDigit(text[next + $0]) })
            else { return false }
            return next + 3 == text.count || !isASCIIDigit(text[next + 3])
        default:
            return false
        }
    }

    /// True when the bytes between two words are exactly one hyphen.
    private func isLoneHyphen(from end: Int, to start: Int) -> Bool {
        guard end >= 0, start > end else { return false }
        if start - end == 1 { return text[end] == UInt8(ascii: "-") }
        // U+2010 hyphen, U+2011 non-breaking hyphen.
        return start - end == 3 && text[end] == 0xE2 && text[end + 1] == 0x80 && (text[end + 2] == 0x90 || text[end + 2] == 0x91)
    }

    /// Decodes one scalar at `position` and advances; an invalid byte decodes as U+FFFD (a separator).
    private mutating func decodeScalar() -> UInt32 {
        let b0 = text[position]
        if b0 < 0x80 {
            position += 1
            return UInt32(b0)
        }
        let length: Int
        var value: UInt32
        switch b0 {
        case 0xC2...0xDF: length = 2; value = UInt32(b0 & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(b0 & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(b0 & 0x07)
        default:
            position += 1
            return 0xFFFD
        }
        guard position + length <= text.count else {
            position += 1
            return 0xFFFD
        }
        for k in 1..<length {
            let b = text[position + k]
            guard b & 0xC0 == 0x80 else {
                position += 1
                return 0xFFFD
            }
            value = value << 6 | UInt32(b & 0x3F)
        }
        // Reject overlong forms, surrogates and values beyond U+10FFFF.
        let minimum: UInt32 = length == 3 ? 0x800 : (length == 4 ? 0x10000 : 0x80)
        if value < minimum || (0xD800...0xDFFF).contains(value) || value > 0x10FFFF {
            position += 1
            return 0xFFFD
        }
        position += length
        return value
    }
}

private enum CharacterKind {
    case separator
    case ignorable
    case combining
    case apostrophe
    /// A Latin letter or digit, folded to one or two Latin-1 bytes (second is 0 when absent).
    case letter(UInt8, UInt8)
    case wideLetter
}

@inline(__always) private func classify(_ c: UInt32, keepLatin1: Bool) -> CharacterKind {
    if c < 0x80 {
        switch c {
        case 0x30...0x39, 0x61...0x7A: return .letter(UInt8(c), 0)
        case 0x41...0x5A: return .letter(UInt8(c | 0x20), 0)
        case 0x27: return .apostrophe
        default: return .separator
        }
    }
    if keepLatin1 && c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7 {
        return .letter(UInt8(c <= 0xDE ? c + 0x20 : c), 0)
    }
    let entry: UInt32
    switch c {
    case 0x80...0x24F: entry = foldTable0000[Int(c)]
    case 0x1E00...0x1EFF: entry = foldTable1E00[Int(c - 0x1E00)]
    case 0x2019, 0x02BC: return .apostrophe
    case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
        return .combining
    case 0x200B...0x200D, 0x2060, 0xFEFF: return .ignorable
    // Punctuation, spaces, dashes, quotes, currency and arrows: common in German text, and cheaper
    // to answer here than through the Unicode property tables.
    case 0x2000...0x20CF, 0x2190...0x23FF, 0x2500...0x27BF, 0x3000...0x303F, 0xFFFD: return .separator
    default:
        guard let scalar = Unicode.Scalar(c) else { return .separator }
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType == .decimal { return .wideLetter }
        return .separator
    }
    switch entry {
    case 0: return .separator
    case 1: return .ignorable
    case 2: return .combining
    case 3: return .wideLetter
    default: return .letter(UInt8(entry & 0xFF), UInt8((entry >> 8) & 0xFF))
    }
}

@inline(__always) private func umlaut(of c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "a"): return 0xE4
    case UInt8(ascii: "o"): return 0xF6
    case UInt8(ascii: "u"): return 0xFC
    default: return nil
    }
}

@inline(__always) func appendUTF8(_ value: UInt32, to buffer: inout [UInt8]) {
    switch value {
    case 0..<0x80:
        buffer.append(UInt8(value))
    case 0x80..<0x800:
        buffer.append(0xC0 | UInt8(value >> 6))
        buffer.append(0x80 | UInt8(value & 0x3F))
    case 0x800..<0x10000:
        buffer.append(0xE0 | UInt8(value >> 12))
        buffer.append(0x80 | UInt8((value >> 6) & 0x3F))
        buffer.append(0x80 | UInt8(value & 0x3F))
    default:
        buffer.append(0xF0 | UInt8(value >> 18))
        buffer.append(0x80 | UInt8((value >> 12) & 0x3F))
        buffer.append(0x80 | UInt8((value >> 6) & 0x3F))
        buffer.append(0x80 | UInt8(value & 0x3F))
    }
}

/// An ASCII letter lower-cased or a digit as it is; 0 for any other byte.
@inline(__always) private func asciiWordCharacter(_ byte: UInt8) -> UInt8 {
    if byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 { return byte }
    if byte &- UInt8(ascii: "A") < 26 { return byte | 0x20 }
    return 0
}

@inline(__always) private func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

@inline(__always) private func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
    isASCIIDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
}
