/// JSON-LD blocks (https://json-ld.org/) with schema.org article metadata
/// (https://schema.org/NewsArticle): the objects of a `<script type="application/ld+json">`.
enum JSONLD {
    /// Every object in `text`, including the members of `@graph` lists, in document order.
    static func objects(in text: String) -> [JSONValue] {
        guard let value = JSONValue.parse(text) else { return [] }
        var result: [JSONValue] = []
        func collect(_ value: JSONValue) {
            switch value {
            case .object:
                result.append(value)
                if let graph = value["@graph"] { collect(graph) }
            case .array(let elements): elements.forEach(collect)
            default: break
            }
        }
        collect(value)
        return result
    }

    /// True when the object's `@type` is an article kind (NewsArticle, BlogPosting, Report …).
    static func isArticle(_ object: JSONValue) -> Bool {
        let types: [String]
        switch object["@type"] {
        case .string(let type): types = [type]
        case .array(let elements): types = elements.compactMap(\.stringValue)
        default: types = []
        }
        return types.contains { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "Report" }
    }

    /// A text value: the string itself, an object's `@id`, `name` or `url`, or an array's first such value.
    static func string(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s): return s
        case .object(let members): return string(members["@id"] ?? members["name"] ?? members["url"])
        case .array(let elements): return elements.lazy.compactMap { string($0) }.first
        default: return nil
        }
    }

    /// The author names: a string, a Person's `name`, or a list of either joined by commas.
    static func author(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s): return s
        case .object(let members): return members["name"]?.stringValue
        case .array(let elements):
            let names = elements.compactMap { author($0) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        default: return nil
        }
    }
}
