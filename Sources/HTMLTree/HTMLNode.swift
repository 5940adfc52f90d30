/// An element of a parsed HTML page: lower-case name, attributes and children in document order.
///
/// A handle into its `HTMLDocument` (which it keeps alive), so no libxml2 pointer leaves this module
/// and copying an element costs nothing.
public struct HTMLElement: Hashable, @unchecked Sendable {
    /// The document the element belongs to.
    public let document: HTMLDocument
    /// The element's position in document order.
    let index: Int32

    init(document: HTMLDocument, index: Int32) {
        self.document = document
        self.index = index
    }

    private var record: NodeRecord { document.nodes[Int(index)] }

    /// The element's position in document order (0 for the root): a stable way to order or break ties.
    public var documentOrder: Int { Int(index) }

    /// Lower-case tag name (`p`, `div`, `article` …).
    public var name: String { document.names[Int(record.name)] }

    /// The value of attribute `name` (lower-case), or nil.
    public subscript(attribute name: String) -> String? {
        let node = record
        for attribute in document.attributes[Int(node.start)..<Int(node.start + node.count)]
        where document.names[Int(attribute.name)] == name {
            return String(decoding: document.attributeBytes[Int(attribute.start)..<Int(attribute.start + attribute.count)], as: UTF8.self)
        }
        return nil
    }

    /// The enclosing element, or nil for the root.
    public var parent: HTMLElement? {
        let parent = record.parent
        return parent >= 0 ? HTMLElement(document: document, index: parent) : nil
    }

    /// Child elements and text, in document order.
    public var children: HTMLChildren { HTMLChildren(document: document, first: record.firstChild) }

    /// Child elements only, in document order.
    public var childElements: [HTMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// A small value for algorithms that walk the tree to remember per element (the extractor keeps
    /// its boilerplate verdicts here); this module never reads or writes it.
    public var annotation: UInt8 {
        get { document.annotations[Int(index)] }
        nonmutating set { document.annotations[Int(index)] = newValue }
    }

    /// The lower-cased tokens of the `class` and `id` attributes, each whole and, when it has
    /// several, split at `-` and `_` (`class="share-bar Top"` → share-bar, share, bar, top).
    /// Computed once: extraction asks for them on every visit of an element.
    public var classAndIDWords: [String] {
        if let known = document.classWords[Int(index)] { return known }
        let words = computeClassAndIDWords()
        document.classWords[Int(index)] = words
        return words
    }

    private func computeClassAndIDWords() -> [String] {
        var result: [String] = []
        let node = record
        for attribute in document.attributes[Int(node.start)..<Int(node.start + node.count)] {
            let attributeName = document.names[Int(attribute.name)]
            guard attributeName == "class" || attributeName == "id" else { continue }
            document.attributeBytes.withUnsafeBufferPointer { all in
                let value = UnsafeBufferPointer(rebasing: all[Int(attribute.start)..<Int(attribute.start + attribute.count)])
                var tokenStart = 0
                var position = 0
                // Each token whole (lower-cased), then its pieces when it has a - or _.
                while position <= value.count {
                    let atEnd = position == value.count
                    if atEnd || isClassSeparator(value[position]) {
                        if position > tokenStart {
                            let token = UnsafeBufferPointer(rebasing: value[tokenStart..<position])
                            result.append(lowercasedString(token))
                            if token.contains(where: isPieceSeparator) {
                                for piece in token.split(whereSeparator: isPieceSeparator) {
                                    result.append(lowercasedString(UnsafeBufferPointer(rebasing: piece)))
                                }
                            }
                        }
                        tokenStart = position + 1
                    }
                    position += 1
                }
            }
        }
        return result
    }

    /// All text below this element, concatenated as it stands in the page.
    public var textContent: String {
        var bytes: [UInt8] = []
        let nodes = document.nodes
        for position in Int(index + 1)..<Int(record.end) where nodes[position].isText {
            let node = nodes[position]
            bytes.append(contentsOf: document.text[Int(node.start)..<Int(node.start + node.count)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One past the document order of the last node below this element.
    public var subtreeEnd: Int { Int(record.end) }

    /// What `walk` does after visiting a node.
    public enum WalkStep {
        /// Go on with the node's children (for an element), then what follows.
        case descend
        /// Go on after the element, without its children.
        case skipChildren
        /// End the walk.
        case stop
    }

    /// Visits the nodes below this element in document order; `visit` decides whether the walk
    /// enters an element. No recursion and no allocation: nodes are stored in document order.
    public func walk(_ visit: (HTMLNode) -> WalkStep) {
        let nodes = document.nodes
        var position = Int(index) + 1
        let end = Int(record.end)
        while position < end {
            let node = nodes[position]
            let visited: HTMLNode = node.isText
                ? .text(HTMLText(document: document, index: Int32(position)))
                : .element(HTMLElement(document: document, index: Int32(position)))
            switch visit(visited) {
            case .stop: return
            case .skipChildren where !node.isText: position = Int(node.end)
            case .descend, .skipChildren: position += 1
            }
        }
    }

    /// The text runs below this element, in document order.
    public func descendantText() -> [HTMLText] {
        let nodes = document.nodes
        return (Int(index + 1)..<Int(record.end)).filter { nodes[$0].isText }.map { HTMLText(document: document, index: Int32($0)) }
    }

    /// Every element below this one (document order) for which `predicate` holds.
    public func descendants(where predicate: (HTMLElement) -> Bool) -> [HTMLElement] {
        var found: [HTMLElement] = []
        let nodes = document.nodes
        for position in Int(index + 1)..<Int(record.end) where !nodes[position].isText {
            let element = HTMLElement(document: document, index: Int32(position))
            if predicate(element) { found.append(element) }
        }
        return found
    }

    /// The first element below this one (document order) for which `predicate` holds.
    public func firstDescendant(where predicate: (HTMLElement) -> Bool) -> HTMLElement? {
        let nodes = document.nodes
        for position in Int(index + 1)..<Int(record.end) where !nodes[position].isText {
            let element = HTMLElement(document: document, index: Int32(position))
            if predicate(element) { return element }
        }
        return nil
    }

    public static func == (a: HTMLElement, b: HTMLElement) -> Bool { a.index == b.index && a.document === b.document }
    public func hash(into hasher: inout Hasher) { hasher.combine(index) }
}

/// A run of text in a parsed page.
public struct HTMLText: @unchecked Sendable {
    let document: HTMLDocument
    let index: Int32

    private var range: Range<Int> {
        let node = document.nodes[Int(index)]
        return Int(node.start)..<Int(node.start + node.count)
    }

    /// The text as a string.
    public var string: String { String(decoding: document.text[range], as: UTF8.self) }

    /// The text's position in document order.
    public var documentOrder: Int { Int(index) }

    /// Calls `body` with the text's UTF-8 bytes (valid UTF-8, as libxml2 hands it out).
    public func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let range = self.range
        return try document.text.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}

/// A node of the tree: an element or a run of text.
public enum HTMLNode: Sendable {
    case element(HTMLElement)
    case text(HTMLText)
}

/// The children of an element, in document order.
public struct HTMLChildren: Sequence {
    let document: HTMLDocument
    let first: Int32

    public func makeIterator() -> Iterator { Iterator(document: document, current: first) }

    /// Follows the sibling links.
    public struct Iterator: IteratorProtocol {
        let document: HTMLDocument
        var current: Int32

        public mutating func next() -> HTMLNode? {
            guard current >= 0 else { return nil }
            let index = current
            let node = document.nodes[Int(index)]
            current = node.next
            return node.isText ? .text(HTMLText(document: document, index: index)) : .element(HTMLElement(document: document, index: index))
        }
    }
}

private func isClassSeparator(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        || byte == 0x0C
}

private func isPieceSeparator(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") }

/// ASCII letters folded to lower case (class and id words are compared with ASCII keywords).
func lowercasedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: bytes.count) { target in
        for (offset, byte) in bytes.enumerated() { target[offset] = byte.asciiLowercased }
        return bytes.count
    }
}

extension UInt8 {
    /// The byte with A–Z folded to a–z: HTML names and attribute keywords are ASCII case-insensitive.
    @inlinable public var asciiLowercased: UInt8 {
        self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self + 32 : self
    }
}
