internal import CLibXML2

/// Builds an `HTMLDocument` from libxml2's SAX events (http://www.xmlsoft.org/html/libxml-parser.html#xmlSAXHandler).
///
/// The HTML parser closes omitted and misnested tags itself and reports every element it opens with
/// a matching end, so the events describe the same tree its DOM would hold. Elements that never
/// hold text (`droppedElements`, scripts other than JSON-LD) are skipped with all they contain;
/// elements nested deeper than `HTMLDocument.maximumDepth` become part of their ancestor's text.
struct TreeBuilder {
    private var nodes: [NodeRecord] = []
    private var text: [UInt8] = []
    private var attributes: [AttributeRecord] = []
    private var attributeBytes: [UInt8] = []
    private var names: [String] = []
    /// Name numbers by libxml2's interned name pointer (the parser's dictionary gives each name one address).
    private var nameNumbers = NameNumbersByAddress()
    /// The same by text, so two addresses of one name share a number.
    private var numbersByName: [String: Int32] = [:]
    /// What each name is to the builder, by number (worked out when the name is first seen).
    private var kinds: [NameKind] = []

    private struct NameKind {
        /// Never part of the tree, with all it holds.
        var isDropped = false
        var isScript = false
        /// Starts a new line when flattened.
        var isFlattenedBlock = false
        /// Its end tag closes whatever is still open inside it (HTML5's "pop until" end tags).
        var closesInner = false
        /// Bounds the search for an element to close (HTML5's scope markers).
        var isScopeMarker = false

        init(_ name: String) {
            isScript = name == "script"
            isDropped = TreeBuilder.droppedElements.contains(name)
            isFlattenedBlock = TreeBuilder.flattenedBlocks.contains(name)
            closesInner = TreeBuilder.innerClosingElements.contains(name)
            isScopeMarker = TreeBuilder.scopeMarkers.contains(name)
        }
    }

    /// What is open, innermost last.
    private var open: [OpenEntry] = []
    /// Open entries that are dropped: while above zero, nothing is recorded.
    private var droppedDepth = 0
    /// Open element nodes (not dropped, not flattened).
    private var elementDepth = 0

    private struct OpenEntry {
        enum Kind { case element, dropped, flattened }
        var kind: Kind
        var name: Int32
        /// The element's node index (elements only).
        var node: Int32
        /// Its last child so far, or -1 (elements only).
        var lastChild: Int32
        /// The position in `open` of the innermost element entry at or below this one, or -1: where
        /// text and children go, found without a search (a page may open 200,000 flattened divs).
        var element: Int
    }

    /// The position in `open` of the element that receives children and text, or -1.
    private var currentElement: Int { open.last?.element ?? -1 }

    init(expectedBytes: Int) {
        nodes.reserveCapacity(max(64, expectedBytes / 40))
        text.reserveCapacity(max(256, expectedBytes / 3))
    }

    /// Points the parser context's SAX handler at the callbacks of a builder; the context's `_private`
    /// must hold that builder (a `Box`) while it parses.
    static func install(in context: htmlParserCtxtPtr) {
        guard let sax = context.pointee.sax else { return }
        sax.pointee.startDocument = nil
        sax.pointee.endDocument = nil
        sax.pointee.internalSubset = nil
        sax.pointee.externalSubset = nil
        sax.pointee.comment = nil
        sax.pointee.processingInstruction = nil
        sax.pointee.reference = nil
        sax.pointee.ignorableWhitespace = nil
        sax.pointee.startElementNs = nil
        sax.pointee.endElementNs = nil
        sax.pointee.startElement = { context, name, attributes in
            guard let name else { return }
            TreeBuilder.from(context)?.state.start(name, attributes)
        }
        sax.pointee.endElement = { context, name in
            guard let name else { return }
            TreeBuilder.from(context)?.state.end(name)
        }
        sax.pointee.characters = { context, bytes, length in
            guard let bytes, length > 0 else { return }
            TreeBuilder.from(context)?.state.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        // libxml2 ignores an end tag that would close an element it ranks higher (`</nav>` over an
        // open `<div>`); the error it raises lets the builder close what HTML5 closes.
        sax.pointee.initialized = UInt32(XML_SAX2_MAGIC)
        sax.pointee.serror = { context, error in
            guard let error, error.pointee.code == Int32(XML_ERR_TAG_NAME_MISMATCH.rawValue),
                let name = error.pointee.str1
            else { return }
            TreeBuilder.from(context)?.state.endTagIgnored(UnsafeRawPointer(name).assumingMemoryBound(to: xmlChar.self))
        }
        // Script and style content; only JSON-LD scripts are kept open to receive it.
        sax.pointee.cdataBlock = { context, bytes, length in
            guard let bytes, length > 0 else { return }
            TreeBuilder.from(context)?.state.characters(UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
    }

    /// A builder the parser context can point to. Each callback mutates its state in one access,
    /// not one per array operation, which dynamic exclusivity checks would make costly.
    final class Box {
        var state: TreeBuilder
        init(_ state: TreeBuilder) { self.state = state }
    }

    /// The builder behind a SAX callback's context (the parser context, whose `_private` holds it).
    private static func from(_ context: UnsafeMutableRawPointer?) -> Box? {
        guard let parser = context?.assumingMemoryBound(to: xmlParserCtxt.self), let builder = parser.pointee._private
        else { return nil }
        return Unmanaged<Box>.fromOpaque(builder).takeUnretainedValue()
    }

    /// The finished document, or nil when the parser reported no element.
    mutating func document() -> HTMLDocument? {
        guard !nodes.isEmpty else { return nil }
        // Close what the parser left open (it should have closed everything).
        while !open.isEmpty { pop() }
        return HTMLDocument(nodes: nodes, text: text, attributes: attributes, attributeBytes: attributeBytes, names: names)
    }

    // MARK: - Events

    mutating func start(_ namePointer: UnsafePointer<xmlChar>, _ attributePairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let name = number(of: namePointer)
        if droppedDepth > 0 || isDropped(name, attributePairs) {
            open.append(OpenEntry(kind: .dropped, name: name, node: -1, lastChild: -1, element: currentElement))
            droppedDepth += 1
            return
        }
        if elementDepth >= HTMLDocument.maximumDepth || nodes.count >= Int(Int32.max) - 1 {
            open.append(OpenEntry(kind: .flattened, name: name, node: -1, lastChild: -1, element: currentElement))
            // A flattened block element still separates words.
            if kinds[Int(name)].isFlattenedBlock { appendText(newline) }
            return
        }
        let index = Int32(nodes.count)
        let firstAttribute = Int32(attributes.count)
        if let attributePairs { record(attributePairs) }
        let parent = attach(index)
        nodes.append(
            NodeRecord(
                name: name, parent: parent, end: index + 1, start: firstAttribute,
                count: Int32(attributes.count) - firstAttribute))
        open.append(OpenEntry(kind: .element, name: name, node: index, lastChild: -1, element: open.count))
        elementDepth += 1
    }

    mutating func end(_ namePointer: UnsafePointer<xmlChar>) {
        let name = number(of: namePointer)
        // The parser ends what it started, innermost first; a mismatch closes up to the match.
        guard let match = open.lastIndex(where: { $0.name == name }) else { return }
        while open.count > match { pop() }
    }

    /// An end tag libxml2 ignored because an element it ranks higher is still open inside (a `<div>`
    /// left open inside `<nav>`). HTML5 closes everything up to the element (https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inbody,
    /// "An end tag whose tag name is one of: … div … nav …"); without that, the rest of the page would
    /// stay inside the navigation. libxml2 keeps those elements open: their later end events find
    /// nothing to close here, or close what HTML5 would close.
    mutating func endTagIgnored(_ namePointer: UnsafePointer<xmlChar>) {
        // The error holds a copy of the name, freed after the callback: looked up by its text, never by address.
        let name = number(of: namePointer, interned: false)
        guard kinds[Int(name)].closesInner else { return }
        var position = open.count - 1
        while position >= 0 {
            let entry = open[position]
            if entry.name == name {
                while open.count > position { pop() }
                return
            }
            if kinds[Int(entry.name)].isScopeMarker { return }
            position -= 1
        }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard droppedDepth == 0 else { return }
        appendText(bytes)
    }

    // MARK: - Building

    private mutating func pop() {
        let entry = open.removeLast()
        switch entry.kind {
        case .dropped: droppedDepth -= 1
        case .flattened: break
        case .element:
            elementDepth -= 1
            nodes[Int(entry.node)].end = Int32(nodes.count)
        }
    }

    /// Links node `index` as the last child of the innermost open element; returns that element.
    private mutating func attach(_ index: Int32) -> Int32 {
        let parentEntry = currentElement
        guard parentEntry >= 0 else { return -1 }
        let parent = open[parentEntry].node
        let previous = open[parentEntry].lastChild
        if previous >= 0 {
            nodes[Int(previous)].next = index
        } else {
            nodes[Int(parent)].firstChild = index
        }
        open[parentEntry].lastChild = index
        return parent
    }

    /// Appends text to the innermost open element, joining it to a text run that ends there
    /// (entities and flattened elements split one run into several events).
    private mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard text.count + bytes.count < Int(Int32.max), nodes.count < Int(Int32.max) - 1 else { return }
        // Text before any element has no place in the tree (the parser opens <html> first).
        guard currentElement >= 0 else { return }
        let lastChild = open[currentElement].lastChild
        if lastChild >= 0, lastChild == Int32(nodes.count - 1), nodes[Int(lastChild)].isText {
            text.append(contentsOf: bytes)
            nodes[Int(lastChild)].count += Int32(bytes.count)
            return
        }
        let index = Int32(nodes.count)
        let parent = attach(index)
        nodes.append(NodeRecord(name: -1, parent: parent, end: index + 1, start: Int32(text.count), count: Int32(bytes.count)))
        text.append(contentsOf: bytes)
    }

    private mutating func appendText(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { appendText($0) }
    }

    private let newline: [UInt8] = [0x0A]

    /// Records the attributes of a start tag, each name once (the first wins).
    private mutating func record(_ pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>) {
        let first = attributes.count
        var i = 0
        while let namePointer = pairs[i] {
            let name = number(of: namePointer)
            let valuePointer = pairs[i + 1]
            i += 2
            if attributes[first...].contains(where: { $0.name == name }) { continue }
            let start = attributeBytes.count
            if let valuePointer {
                var length = 0
                while valuePointer[length] != 0 { length += 1 }
                guard start + length < Int(Int32.max) else { continue }
                attributeBytes.append(contentsOf: UnsafeBufferPointer(start: valuePointer, count: length))
            }
            attributes.append(AttributeRecord(name: name, start: Int32(start), count: Int32(attributeBytes.count - start)))
        }
    }

    /// The number of a tag or attribute name, lower-cased; libxml2 interns names, so their address
    /// finds a name already seen without reading it.
    private mutating func number(of pointer: UnsafePointer<xmlChar>, interned: Bool = true) -> Int32 {
        let address = UnsafeRawPointer(pointer)
        if interned, let known = nameNumbers.number(at: address) { return known }
        var length = 0
        while pointer[length] != 0 { length += 1 }
        let name = lowercasedName(UnsafeBufferPointer(start: pointer, count: length))
        let number: Int32
        if let existing = numbersByName[name] {
            number = existing
        } else {
            number = Int32(names.count)
            names.append(name)
            numbersByName[name] = number
            kinds.append(NameKind(name))
        }
        if interned { nameNumbers.insert(number, at: address) }
        return number
    }

    /// A name with ASCII letters folded (libxml2 lower-cases HTML names already; this is for the odd one).
    private func lowercasedName(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return String(decoding: bytes, as: UTF8.self).lowercased() }
        return lowercasedString(bytes)
    }

    // MARK: - What is dropped

    /// Elements whose content never belongs to the text. JSON-LD scripts are kept: they carry metadata.
    private static let droppedElements: Set<String> = ["style", "noscript", "template", "svg", "math", "object", "embed"]

    /// End tags that close the elements left open inside them, as in HTML5.
    private static let innerClosingElements: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
        "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "pre",
        "section", "summary", "ul", "li", "dd", "dt", "p",
    ]

    /// Elements an end tag never closes across.
    private static let scopeMarkers: Set<String> = [
        "html", "table", "td", "th", "caption", "object", "template", "marquee", "applet", "button",
    ]

    /// Block elements whose flattened text starts on a new line.
    private static let flattenedBlocks: Set<String> = [
        "p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "section", "article",
    ]

    private mutating func isDropped(_ name: Int32, _ attributePairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
        let kind = kinds[Int(name)]
        guard kind.isScript else { return kind.isDropped }
        var i = 0
        while let pairs = attributePairs, let attributeName = pairs[i] {
            defer { i += 2 }
            guard names[Int(number(of: attributeName))] == "type", let value = pairs[i + 1] else { continue }
            return !String(cString: value).lowercased().contains("ld+json")
        }
        return true
    }
}

/// Name numbers by the address of libxml2's interned name: an open-addressing table with a
/// multiplicative hash of the address. Every element and attribute looks its name up here, and
/// `Dictionary`'s seeded hashing of each address was a tenth of building the tree.
private struct NameNumbersByAddress {
    private var addresses: [UInt] = Array(repeating: 0, count: 256)
    private var numbers: [Int32] = Array(repeating: 0, count: 256)
    private var count = 0

    /// The number stored for `address`, if any.
    func number(at address: UnsafeRawPointer) -> Int32? {
        let key = UInt(bitPattern: address)
        var slot = Self.slot(key, mask: addresses.count - 1)
        while true {
            let stored = addresses[slot]
            if stored == key { return numbers[slot] }
            if stored == 0 { return nil }
            slot = (slot + 1) & (addresses.count - 1)
        }
    }

    /// Stores `number` for `address` (not stored yet).
    mutating func insert(_ number: Int32, at address: UnsafeRawPointer) {
        if 2 * (count + 1) > addresses.count { grow() }
        let key = UInt(bitPattern: address)
        var slot = Self.slot(key, mask: addresses.count - 1)
        while addresses[slot] != 0 && addresses[slot] != key { slot = (slot + 1) & (addresses.count - 1) }
        if addresses[slot] == 0 { count += 1 }
        addresses[slot] = key
        numbers[slot] = number
    }

    private mutating func grow() {
        let old = zip(addresses, numbers).filter { $0.0 != 0 }
        addresses = Array(repeating: 0, count: 2 * addresses.count)
        numbers = Array(repeating: 0, count: addresses.count)
        count = 0
        for (key, number) in old { insert(number, at: UnsafeRawPointer(bitPattern: key)!) }
    }

    @inline(__always) private static func slot(_ key: UInt, mask: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(key) &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }
}
