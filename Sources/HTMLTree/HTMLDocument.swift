internal import CLibXML2

/// A page parsed by libxml2's forgiving HTML parser (https://gnome.pages.gitlab.gnome.org/libxml2/devhelp/libxml2-HTMLparser.html),
/// held as a compact tree: every node is a record in one array, in document order, and all text
/// lives in one byte buffer. Elements and text runs are small handles into it (`HTMLElement`,
/// `HTMLText`), so a page costs a few allocations, not one per node.
///
/// libxml2 reports the page through SAX callbacks (`TreeBuilder`); it never builds its own DOM, which
/// took as long as the parse itself. The parser runs with RECOVER, NONET (no network),
/// NOERROR/NOWARNING (no stderr noise) and IGNORE_ENC (the encoding we detected wins over the page's
/// own `<meta>`, which would turn windows-1252 quotes into C1 controls); never HUGE, so libxml2 keeps
/// its own limits. Scripts (but JSON-LD), styles, comments and other non-text elements are dropped.
public final class HTMLDocument: @unchecked Sendable {
    /// The nodes in document order; a subtree is the contiguous range `index..<end`.
    let nodes: [NodeRecord]
    /// The UTF-8 bytes of all text runs.
    let text: [UInt8]
    /// Attribute records of all elements.
    let attributes: [AttributeRecord]
    /// The UTF-8 bytes of all attribute values.
    let attributeBytes: [UInt8]
    /// Tag and attribute names by number, lower-case.
    let names: [String]
    /// One byte per node for the algorithms that walk the tree (see `HTMLElement.annotation`).
    /// Raw memory: it is written on every visit, and an array in a class would check exclusivity each time.
    let annotations: UnsafeMutablePointer<UInt8>
    /// `HTMLElement.classAndIDWords` by node, computed on first use (raw memory, as `annotations`).
    let classWords: UnsafeMutablePointer<[String]?>

    /// Elements nested deeper than this are flattened into their text, so a hostile page cannot
    /// exhaust the stack of a recursive walk.
    public static let maximumDepth = 256

    init(nodes: [NodeRecord], text: [UInt8], attributes: [AttributeRecord], attributeBytes: [UInt8], names: [String]) {
        self.nodes = nodes
        self.text = text
        self.attributes = attributes
        self.attributeBytes = attributeBytes
        self.names = names
        annotations = .allocate(capacity: max(1, nodes.count))
        annotations.initialize(repeating: 0, count: max(1, nodes.count))
        classWords = .allocate(capacity: max(1, nodes.count))
        classWords.initialize(repeating: nil, count: max(1, nodes.count))
    }

    deinit {
        annotations.deallocate()
        classWords.deinitialize(count: max(1, nodes.count))
        classWords.deallocate()
    }

    /// The root element (`html`).
    public var root: HTMLElement { HTMLElement(document: self, index: 0) }

    /// Parses `bytes` read in `encoding` (a name libxml2 knows, e.g. `UTF-8`, `windows-1252`).
    /// Returns nil when libxml2 reports no element at all.
    public static func parse(_ bytes: [UInt8], encoding: String) -> HTMLDocument? {
        initializeLibXML2
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        guard let context = htmlNewParserCtxt() else { return nil }
        defer { htmlFreeParserCtxt(context) }
        let builder = TreeBuilder.Box(TreeBuilder(expectedBytes: bytes.count))
        TreeBuilder.install(in: context)
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let unmanaged = Unmanaged.passRetained(builder)
        context.pointee._private = unmanaged.toOpaque()
        defer {
            context.pointee._private = nil
            unmanaged.release()
        }
        // The callbacks build the tree; libxml2 returns no document, as none was started.
        let leftover = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlCtxtReadMemory(context, pointer, Int32(buffer.count), "page.html", encoding, options)
            }
        }
        if let leftover { xmlFreeDoc(leftover) }
        return builder.state.document()
    }

    /// The version of libxml2 this module was built with.
    public static var libxml2Version: String { String(cString: stichwort_xml_version()) }
}

/// One node of the tree: an element (`name >= 0`) or a run of text (`name == -1`).
struct NodeRecord {
    /// Index into `HTMLDocument.names`, or -1 for text.
    var name: Int32
    /// The parent element's index (-1 for the root).
    var parent: Int32
    /// The next sibling's index, or -1.
    var next: Int32 = -1
    /// The first child's index, or -1.
    var firstChild: Int32 = -1
    /// One past the last node of the subtree.
    var end: Int32
    /// Elements: the first attribute record; text: the first byte in `HTMLDocument.text`.
    var start: Int32
    /// Elements: the number of attributes; text: the number of bytes.
    var count: Int32

    var isText: Bool { name < 0 }
}

/// An attribute: its name's number and its value's bytes in `HTMLDocument.attributeBytes`.
struct AttributeRecord {
    var name: Int32
    var start: Int32
    var count: Int32
}

/// `xmlInitParser` must run once before parsing on several threads.
private let initializeLibXML2: Void = { xmlInitParser() }()
