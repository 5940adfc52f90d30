import HTMLTree

/// A paragraph-like piece of text from the page, with how much of it is link text.
struct TextBlock {
    var text: String
    var linkCharacters: Int
    /// The block's element name (`p`, `h2`, `li` …).
    var kind: String

    var linkDensity: Double {
        text.isEmpty ? 0 : Double(linkCharacters) / Double(text.count)
    }
}

/// Collects the text blocks of an element: block elements start new blocks, inline elements never
/// split a word, `<br>` breaks a line, white space is collapsed. Boilerplate subtrees are skipped.
struct BlockCollector {
    private(set) var blocks: [TextBlock] = []
    private var current = ""
    private var currentLinks = 0
    private var currentKind = "p"
    private var pendingSpace = false
    private var lastWasBreak = false

    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
        "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "caption",
        "figure", "address", "center", "hr", "body", "details", "summary", "hgroup",
    ]

    /// Whether class and id words mark boilerplate (see `BoilerplateRules.isBoilerplate`).
    var useClassWords = true

    /// Collects the blocks of `element`.
    static func blocks(of element: HTMLElement, classWords: Bool = true) -> [TextBlock] {
        var collector = BlockCollector()
        collector.useClassWords = classWords
        collector.visit(element, inLink: false)
        collector.flush()
        return collector.blocks
    }

    private mutating func visit(_ element: HTMLElement, inLink: Bool) {
        if BoilerplateRules.isBoilerplate(element, classWords: useClassWords) {
            if Self.blockTags.contains(element.name) { flush() } else { pendingSpace = true }
            return
        }
        let isBlock = Self.blockTags.contains(element.name)
        if isBlock {
            flush()
            currentKind = element.name
        }
        if element.name == "br" {
            // One <br> breaks a line inside the paragraph; two in a row end the paragraph.
            if lastWasBreak { flush() } else { pendingSpace = true }
            lastWasBreak = true
            return
        }
        if element.name == "img" {
            pendingSpace = true
            return
        }
        let link = inLink || element.name == "a"
        for child in element.children {
            switch child {
            case .text(let text): append(text, inLink: link)
            case .element(let e): visit(e, inLink: link)
            }
        }
        if isBlock { flush() }
    }

    private mutating func append(_ text: String, inLink: Bool) {
        var added = 0
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = true
                continue
            }
            if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) { continue }
            if pendingSpace && !current.isEmpty {
                current.unicodeScalars.append(" ")
            }
            pendingSpace = false
            lastWasBreak = false
            current.unicodeScalars.append(scalar)
            added += 1
        }
        if inLink { currentLinks += added }
    }

    private mutating func flush() {
        if !current.isEmpty {
            blocks.append(TextBlock(text: current, linkCharacters: currentLinks, kind: currentKind))
        }
        current = ""
        currentLinks = 0
        pendingSpace = false
        lastWasBreak = false
    }
}

/// White space, answered without the Unicode tables for the common cases.
@inline(__always) func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B, 0xA0: return true
    case 0..<0x80: return false
    case 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x1680, 0x85: return true
    default: return false
    }
}
