/// An element of a parsed HTML page: lower-case name, attributes and children in document order.
///
/// A plain Swift tree, so no libxml2 pointer leaves this module.
public final class HTMLElement: @unchecked Sendable {
    /// Lower-case tag name (`p`, `div`, `article` …).
    public let name: String
    /// Attributes by lower-case name.
    public let attributes: [String: String]
    /// Child elements and text, in document order.
    public internal(set) var children: [HTMLNode]

    /// Creates an element.
    public init(name: String, attributes: [String: String] = [:], children: [HTMLNode] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    /// The value of attribute `name`, or nil.
    public subscript(attribute name: String) -> String? { attributes[name] }

    /// The lower-cased tokens of the `class` and `id` attributes, each whole and, when it has
    /// several, split at `-` and `_` (`class="share-bar Top"` → share-bar, share, bar, top).
    /// Computed once: extraction asks for them on every visit of an element.
    public private(set) lazy var classAndIDWords: [String] = {
        var result: [String] = []
        for attribute in [attributes["class"], attributes["id"]] {
            guard let value = attribute, !value.isEmpty else { continue }
            for token in lowercasedASCIIFirst(value).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                result.append(String(token))
                let parts = token.split(whereSeparator: { $0 == "-" || $0 == "_" })
                if parts.count > 1 { result.append(contentsOf: parts.map(String.init)) }
            }
        }
        return result
    }()

    /// Child elements only.
    public var childElements: [HTMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// All text below this element, concatenated as it stands in the page.
    public var textContent: String {
        var result = ""
        appendText(to: &result)
        return result
    }

    private func appendText(to result: inout String) {
        for child in children {
            switch child {
            case .text(let text): result += text
            case .element(let element): element.appendText(to: &result)
            }
        }
    }

    /// Every element below this one (depth first, document order) for which `predicate` holds.
    public func descendants(where predicate: (HTMLElement) -> Bool) -> [HTMLElement] {
        var found: [HTMLElement] = []
        var stack: [HTMLElement] = [self]
        while let element = stack.popLast() {
            if element !== self && predicate(element) { found.append(element) }
            for child in element.children.reversed() {
                if case .element(let e) = child { stack.append(e) }
            }
        }
        return found
    }

    /// The first element below this one (document order) for which `predicate` holds.
    public func firstDescendant(where predicate: (HTMLElement) -> Bool) -> HTMLElement? {
        var stack: [HTMLElement] = [self]
        while let element = stack.popLast() {
            if element !== self && predicate(element) { return element }
            for child in element.children.reversed() {
                if case .element(let e) = child { stack.append(e) }
            }
        }
        return nil
    }
}

/// A node of the tree: an element or a run of text.
public enum HTMLNode: Sendable {
    case element(HTMLElement)
    case text(String)
}

/// Lower-cased; class names are nearly always ASCII, which is folded without the Unicode tables.
private func lowercasedASCIIFirst(_ text: String) -> String {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.lowercased() }
    guard text.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return text }
    return String(decoding: text.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }, as: UTF8.self)
}
