/// An element of a parsed HTML page: lower-case name, attributes and children in document order.
///
/// A plain Swift tree, so no libxml2 pointer leaves this module.
public final class HTMLElement: @unchecked Sendable {
    /// Lower-case tag name (`p`, `div`, `article` …).
    public let name: String
    /// Attributes with lower-case names, in page order, each name once. A list, not a dictionary:
    /// elements have a few attributes, and a linear look-up is cheaper than hashing the name.
    public let attributeList: [(name: String, value: String)]
    /// Child elements and text, in document order.
    public internal(set) var children: [HTMLNode]
    /// A small value for algorithms that walk the tree to remember per element (the extractor keeps
    /// its boilerplate verdicts here); this module never reads or writes it.
    public var annotation: UInt8 = 0

    /// Creates an element.
    public init(name: String, attributes: [(name: String, value: String)] = [], children: [HTMLNode] = []) {
        self.name = name
        self.attributeList = attributes
        self.children = children
    }

    /// Attributes by lower-case name.
    public var attributes: [String: String] {
        Dictionary(attributeList.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The value of attribute `name`, or nil.
    public subscript(attribute name: String) -> String? {
        for attribute in attributeList where attribute.name == name { return attribute.value }
        return nil
    }

    /// The lower-cased tokens of the `class` and `id` attributes, each whole and, when it has
    /// several, split at `-` and `_` (`class="share-bar Top"` → share-bar, share, bar, top).
    /// Computed once: extraction asks for them on every visit of an element.
    public private(set) lazy var classAndIDWords: [String] = {
        var result: [String] = []
        for attribute in [self[attribute: "class"], self[attribute: "id"]] {
            guard let value = attribute, !value.isEmpty else { continue }
            // Byte by byte: this runs for every element of every page.
            var token: [UInt8] = []
            var pieces = 1
            func finish() {
                guard !token.isEmpty else { return }
                let whole = String(decoding: token, as: UTF8.self)
                result.append(whole)
                if pieces > 1 {
                    for part in token.split(whereSeparator: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) {
                        result.append(String(decoding: part, as: UTF8.self))
                    }
                }
                token.removeAll(keepingCapacity: true)
                pieces = 1
            }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0C:
                    finish()
                case UInt8(ascii: "-"), UInt8(ascii: "_"):
                    pieces += 1
                    token.append(byte)
                default:
                    token.append(byte.asciiLowercased)
                }
            }
            finish()
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

extension UInt8 {
    /// The byte with A–Z folded to a–z: HTML names and attribute keywords are ASCII case-insensitive.
    @inlinable public var asciiLowercased: UInt8 {
        self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self + 32 : self
    }
}
