/// Works out a page's character encoding before libxml2 sees it, because libxml2 alone guesses
/// wrong on pages without a declaration (it assumes Latin-1) and on declarations after comments.
///
/// Order: byte-order mark; UTF-16 without BOM (NUL patterns); bytes that are valid UTF-8 and not
/// plain ASCII; the declared charset (`<meta charset>`, `http-equiv` Content-Type, XML declaration)
/// anywhere in the first 16 KB; else windows-1252. Labels that mean Latin-1 or ASCII are read as
/// windows-1252, as browsers do (https://encoding.spec.whatwg.org/#names-and-labels), so „“ and –
/// survive.
public enum EncodingDetector {
    /// A detected encoding: a name libxml2 understands and how many leading bytes (a BOM) to skip.
    public struct Detection: Sendable, Equatable {
        /// The encoding's name, e.g. `UTF-8`, `windows-1252`, `UTF-16LE`.
        public var name: String
        /// Bytes of byte-order mark at the start.
        public var bomLength: Int
        /// How it was found: `bom`, `utf-16`, `utf-8`, `declared`, `default`.
        public var source: String
    }

    /// How many bytes are searched for a declaration.
    static let declarationWindow = 16 * 1024

    /// The encoding of `bytes`.
    public static func detect(_ bytes: [UInt8]) -> Detection {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Detection(name: "UTF-8", bomLength: 3, source: "bom") }
        if bytes.starts(with: [0xFF, 0xFE]) { return Detection(name: "UTF-16LE", bomLength: 2, source: "bom") }
        if bytes.starts(with: [0xFE, 0xFF]) { return Detection(name: "UTF-16BE", bomLength: 2, source: "bom") }
        if let utf16 = utf16WithoutBOM(bytes) { return Detection(name: utf16, bomLength: 0, source: "utf-16") }
        let validity = utf8Validity(bytes)
        if validity == .validWithNonASCII { return Detection(name: "UTF-8", bomLength: 0, source: "utf-8") }
        if let declared = declaredCharset(bytes) {
            let name = canonicalName(declared)
            // A UTF-8 label on bytes that are not UTF-8 is wrong; such pages are nearly always windows-1252.
            if !(name == "UTF-8" && validity == .invalid) {
                return Detection(name: name, bomLength: 0, source: "declared")
            }
        }
        return Detection(
            name: validity == .invalid ? "windows-1252" : "UTF-8", bomLength: 0, source: "default")
    }

    /// Maps a charset label to the name passed to libxml2.
    public static func canonicalName(_ label: String) -> String {
        let lower = label.lowercased().trimmingASCIIWhitespace()
        switch lower {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "UTF-8"
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
            "windows-1252", "cp1252", "x-cp1252", "iso-8859-1:1987", "cp819", "ibm819":
            return "windows-1252"
        case "utf-16", "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "iso-8859-15", "latin9", "latin-9": return "ISO-8859-15"
        default:
            // Labels browsers know (https://encoding.spec.whatwg.org/#names-and-labels) are passed on;
            // anything else — unknown names, UTF-7 — is read as windows-1252, as browsers do.
            return knownLabels.contains(lower) ? lower : "windows-1252"
        }
    }

    /// Encodings that may be named by a page and handed to libxml2 as they are.
    private static let knownLabels: Set<String> = [
        "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8",
        "iso-8859-9", "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-16", "windows-1250", "windows-1251",
        "windows-1253", "windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258",
        "koi8-r", "koi8-u", "shift_jis", "euc-jp", "iso-2022-jp", "gbk", "gb2312", "gb18030", "big5", "euc-kr",
        "macintosh", "ibm866", "cp1250", "cp1251",
    ]

    private enum UTF8Validity { case ascii, validWithNonASCII, invalid }

    private static func utf8Validity(_ bytes: [UInt8]) -> UTF8Validity {
        bytes.withUnsafeBufferPointer(utf8Validity)
    }

    private static func utf8Validity(_ bytes: UnsafeBufferPointer<UInt8>) -> UTF8Validity {
        var i = 0
        var sawNonASCII = false
        let n = bytes.count
        while i < n {
            // Eight ASCII bytes at a time: most of a page is markup.
            if i + 8 <= n,
                UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                i += 8
                continue
            }
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            sawNonASCII = true
            let length: Int
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return .invalid
            }
            // A sequence cut off by the end of a truncated file still counts as UTF-8.
            if i + length > n { return .validWithNonASCII }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return .invalid }
            if length == 3 {
                let b1 = bytes[i + 1]
                if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F) { return .invalid }
            } else if length == 4 {
                let b1 = bytes[i + 1]
                if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 > 0x8F) { return .invalid }
            }
            i += length
        }
        return sawNonASCII ? .validWithNonASCII : .ascii
    }

    /// UTF-16 text without a BOM shows a NUL in every other byte of its ASCII characters.
    private static func utf16WithoutBOM(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(512)
        guard sample.count >= 8 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for (index, byte) in sample.enumerated() where byte == 0 {
            if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let half = sample.count / 2
        if oddZeros > half * 7 / 10 && evenZeros < half / 10 { return "UTF-16LE" }
        if evenZeros > half * 7 / 10 && oddZeros < half / 10 { return "UTF-16BE" }
        return nil
    }

    /// The charset named by a `<meta>` or XML declaration in the first bytes, if any.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let window = bytes.prefix(declarationWindow)
        let lower = window.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        // <?xml version="1.0" encoding="…"?>
        if lower.starts(with: Array("<?xml".utf8)), let end = find(Array("?>".utf8), in: lower, from: 0) {
            let declaration = Array(lower[0..<end])
            if let value = attributeValue(named: "encoding", in: declaration) { return value }
        }
        var position = 0
        while let meta = find(Array("<meta".utf8), in: lower, from: position) {
            let end = find([UInt8(ascii: ">")], in: lower, from: meta) ?? lower.count
            let tag = Array(lower[meta..<end])
            position = end
            if let charset = attributeValue(named: "charset", in: tag), !charset.isEmpty { return charset }
            if let content = attributeValue(named: "content", in: tag) {
                let bytes = Array(content.utf8)
                if let index = find(Array("charset=".utf8), in: bytes, from: 0) {
                    let value = bytes[(index + 8)...].prefix { $0 != 0x3B && $0 != 0x20 && $0 != 0x22 }
                    if !value.isEmpty { return String(decoding: value, as: UTF8.self) }
                }
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// The value of `name=…` (quoted or not) inside a tag's bytes.
    private static func attributeValue(named name: String, in tag: [UInt8]) -> String? {
        let key = Array(name.utf8)
        var from = 0
        while let index = find(key, in: tag, from: from) {
            from = index + key.count
            // The name must start an attribute: preceded by space, quote or '/'.
            if index > 0 {
                let before = tag[index - 1]
                guard before == 0x20 || before == 0x09 || before == 0x0A || before == 0x0D || before == 0x2F
                    || before == 0x22 || before == 0x27 || before == 0x3B
                else { continue }
            }
            var i = from
            while i < tag.count && (tag[i] == 0x20 || tag[i] == 0x09) { i += 1 }
            guard i < tag.count && tag[i] == UInt8(ascii: "=") else { continue }
            i += 1
            while i < tag.count && (tag[i] == 0x20 || tag[i] == 0x09) { i += 1 }
            guard i < tag.count else { return nil }
            var value: [UInt8] = []
            if tag[i] == 0x22 || tag[i] == 0x27 {
                let quote = tag[i]
                i += 1
                while i < tag.count && tag[i] != quote { value.append(tag[i]); i += 1 }
            } else {
                while i < tag.count && tag[i] != 0x20 && tag[i] != 0x2F && tag[i] != 0x3E && tag[i] != 0x3B
                    && tag[i] != 0x22 && tag[i] != 0x27
                {
                    value.append(tag[i])
                    i += 1
                }
            }
            return String(decoding: value, as: UTF8.self)
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing ASCII white space.
    func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }
}
