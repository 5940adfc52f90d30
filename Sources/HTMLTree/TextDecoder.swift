/// Decodes plain-text files (`.txt` articles) in the encodings `EncodingDetector` reports.
public enum TextDecoder {
    /// `bytes` as a string; invalid sequences become U+FFFD, unknown encodings are read as windows-1252.
    public static func decode(_ bytes: [UInt8], as detection: EncodingDetector.Detection) -> String {
        let body = bytes.dropFirst(detection.bomLength)
        switch detection.name {
        case "UTF-8":
            return String(decoding: body, as: UTF8.self)
        case "UTF-16LE", "UTF-16BE":
            let littleEndian = detection.name == "UTF-16LE"
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var index = body.startIndex
            while index + 1 < body.endIndex {
                let a = UInt16(body[index])
                let b = UInt16(body[index + 1])
                units.append(littleEndian ? a | b << 8 : a << 8 | b)
                index += 2
            }
            return String(decoding: units, as: UTF16.self)
        default:
            var scalars = String.UnicodeScalarView()
            for byte in body {
                let value = byte >= 0x80 && byte <= 0x9F ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
            return String(scalars)
        }
    }
}

/// windows-1252's characters at 0x80…0x9F (https://encoding.spec.whatwg.org/index-windows-1252.txt).
private let windows1252High: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
    0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
    0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
]
