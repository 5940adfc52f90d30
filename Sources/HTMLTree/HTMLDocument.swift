internal import CLibXML2

/// A page parsed by libxml2's forgiving HTML parser (http://xmlsoft.org/html/libxml-HTMLparser.html),
/// turned into an `HTMLElement` tree.
///
/// The parser runs with RECOVER, NONET (no network), NOERROR/NOWARNING (no stderr noise), COMPACT and
/// IGNORE_ENC (the encoding we detected wins over the page's own `<meta>`, which would turn windows-1252
/// quotes into C1 controls); never HUGE, so libxml2 keeps its own limits. Scripts, styles and comments are dropped while the
/// tree is built.
public struct HTMLDocument: Sendable {
    /// The root element (`html`).
    public let root: HTMLElement

    /// Elements nested deeper than this are flattened into their text, so a hostile page cannot
    /// exhaust the stack.
    public static let maximumDepth = 256

    /// Parses `bytes` read in `encoding` (a name libxml2 knows, e.g. `UTF-8`, `windows-1252`).
    /// Returns nil when libxml2 produces no document.
    public static func parse(_ bytes: [UInt8], encoding: String) -> HTMLDocument? {
        initializeLibXML2
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        guard let context = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(context) }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NODEFDTD.rawValue
                | HTML_PARSE_IGNORE_ENC.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlCtxtReadMemory(context, pointer, Int32(buffer.count), "page.html", encoding, options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let rootNode = xmlDocGetRootElement(document) else { return nil }
        return HTMLDocument(root: TreeBuilder.element(from: rootNode, depth: 0))
    }

    /// The version of libxml2 this module was built with.
    public static var libxml2Version: String { String(cString: stichwort_xml_version()) }
}

/// `xmlInitParser` must run once before parsing on several threads.
private let initializeLibXML2: Void = { xmlInitParser() }()

/// Elements whose content never belongs to the text. JSON-LD scripts are kept: they carry metadata.
private let droppedElements: Set<String> = ["style", "noscript", "template", "svg", "math", "object", "embed"]

/// True for elements left out of the tree: the dropped kinds and every script but JSON-LD.
private func isDropped(_ node: xmlNodePtr, name: String) -> Bool {
    if name == "script" {
        return !(TreeBuilder.attribute("type", of: node)?.lowercased().contains("ld+json") ?? false)
    }
    return droppedElements.contains(name)
}

private enum TreeBuilder {
    static func element(from node: xmlNodePtr, depth: Int) -> HTMLElement {
        let name = lowercaseName(node)
        var children: [HTMLNode] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if isDropped(current, name: lowercaseName(current)) { break }
                if depth >= HTMLDocument.maximumDepth {
                    let text = flattenedText(current)
                    if !text.isEmpty { children.append(.text(text)) }
                } else {
                    children.append(.element(element(from: current, depth: depth + 1)))
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    children.append(.text(String(cString: content)))
                }
            default:
                break
            }
            child = current.pointee.next
        }
        return HTMLElement(name: name, attributes: attributes(of: node), children: children)
    }

    /// The text below `node`, gathered without recursion.
    static func flattenedText(_ node: xmlNodePtr) -> String {
        var result = ""
        var stack: [xmlNodePtr] = [node]
        while let current = stack.popLast() {
            if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
                result += String(cString: content)
                continue
            }
            guard current.pointee.type == XML_ELEMENT_NODE, !isDropped(current, name: lowercaseName(current))
            else { continue }
            var children: [xmlNodePtr] = []
            var child = current.pointee.children
            while let c = child {
                children.append(c)
                child = c.pointee.next
            }
            stack.append(contentsOf: children.reversed())
            if isBlock(lowercaseName(current)) { result += "\n" }
        }
        return result
    }

    static func isBlock(_ name: String) -> Bool {
        switch name {
        case "p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "section", "article":
            return true
        default: return false
        }
    }

    static func lowercaseName(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return lowercased(name)
    }

    /// A libxml2 name, lower-cased; names are ASCII nearly always, folded without the Unicode tables.
    static func lowercased(_ name: UnsafePointer<xmlChar>) -> String {
        var length = 0
        while name[length] != 0 { length += 1 }
        let bytes = UnsafeBufferPointer(start: name, count: length)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return String(decoding: bytes, as: UTF8.self).lowercased() }
        guard bytes.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(decoding: bytes.map(\.asciiLowercased), as: UTF8.self)
    }

    /// One attribute's value (`xmlGetProp` allocates, so the result is copied and freed).
    static func attribute(_ name: String, of node: xmlNodePtr) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { stichwort_xml_free(value) }
        return String(cString: value)
    }

    static func attributes(of node: xmlNodePtr) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            if let namePointer = current.pointee.name {
                let name = lowercased(namePointer)
                var value = ""
                var child = current.pointee.children
                while let text = child {
                    if let content = text.pointee.content { value += String(cString: content) }
                    child = text.pointee.next
                }
                if !result.contains(where: { $0.name == name }) { result.append((name, value)) }
            }
            attribute = current.pointee.next
        }
        return result
    }
}
