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
