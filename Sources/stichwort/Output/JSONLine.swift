/// Builds one JSON object with keys in the order they are added (for JSON Lines output).
struct JSONLine {
    private var fields: [String] = []

    mutating func add(_ key: String, _ value: String) { fields.append(Self.quote(key) + ":" + Self.quote(value)) }
    mutating func add(_ key: String, _ value: Int) { fields.append(Self.quote(key) + ":" + String(value)) }
    mutating func add(_ key: String, _ value: Double) {
        let rounded = (value * 10_000).rounded() / 10_000
        fields.append(Self.quote(key) + ":" + (rounded.isFinite ? String(rounded) : "0"))
    }
    mutating func add(_ key: String, _ value: Bool) { fields.append(Self.quote(key) + ":" + (value ? "true" : "false")) }
    mutating func add(_ key: String, object: JSONLine) { fields.append(Self.quote(key) + ":" + object.text) }
    mutating func add(_ key: String, array: [JSONLine]) {
        fields.append(Self.quote(key) + ":[" + array.map(\.text).joined(separator: ",") + "]")
    }
    mutating func add(_ key: String, strings: [String]) {
        fields.append(Self.quote(key) + ":[" + strings.map(Self.quote).joined(separator: ",") + "]")
    }

    /// The metadata fields every article-shaped object carries, in the documented order.
    mutating func addMetadata(title: String, date: String, section: String, author: String, url: String) {
        add("title", title)
        add("date", date)
        add("section", section)
        add("author", author)
        add("url", url)
    }

    /// The object as one line of JSON.
    var text: String { "{" + fields.joined(separator: ",") + "}" }

    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
    static func quote(_ string: String) -> String {
        var result = "\""
        result.reserveCapacity(string.utf8.count + 2)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
