import HTMLTree

/// A paragraph-like piece of text from the page, with how much of it is link text.
struct TextBlock {
    var text: String
    /// Unicode scalars in `text` (white space collapsed).
    var characters: Int
    /// Of those, the ones inside links.
    var linkCharacters: Int
    /// Commas in `text` (Readability counts them as a sign of prose).
    var commas: Int
    /// The block's element name (`p`, `h2`, `li` …).
    var kind: String

    var linkDensity: Double {
        characters == 0 ? 0 : Double(linkCharacters) / Double(characters)
    }
}

/// How much text an element holds, without the text itself (for scoring candidates).
struct TextMeasure {
    /// Unicode scalars, white space collapsed, summed over blocks.
    var characters = 0
    /// Of those, the ones inside links.
    var linkCharacters = 0
    /// Commas.
    var commas = 0

    /// Adds the counts of `other`.
    mutating func add(_ other: TextMeasure) {
        characters += other.characters
        linkCharacters += other.linkCharacters
        commas += other.commas
    }
}

/// The measures of the elements read during one search for the article (`ContentFinder`), by
/// document order: the search measures each paragraph, then their parents and grandparents, then
/// siblings, and a measure made of its block children's reads no text twice.
final class TextMeasureCache {
    fileprivate var measures: [Int: TextMeasure] = [:]
}

/// Collects the text blocks of an element: block elements start new blocks, inline elements never
/// split a word, `<br>` breaks a line, white space is collapsed. Boilerplate subtrees are skipped.
///
/// Works on the UTF-8 bytes of the text nodes: extraction runs for every page of an archive, and
/// appending scalar by scalar to a `String` was its most expensive step.
struct BlockCollector {
    private(set) var blocks: [TextBlock] = []
    private(set) var measure = TextMeasure()
    private var current: [UInt8] = []
    private var currentCharacters = 0
    private var currentLinks = 0
    private var currentCommas = 0
    private var currentKind = "p"
    private var pendingSpace = false
    private var lastWasBreak = false
    /// False when only `measure` is wanted: no block text is kept.
    private let keepsText: Bool

    static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
        "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "caption",
        "figure", "address", "center", "hr", "body", "details", "summary", "hgroup",
    ]

    /// Whether class and id words mark boilerplate (see `BoilerplateRules.isBoilerplate`).
    private let useClassWords: Bool
    /// Measures known already (when only measuring), and the element being measured.
    private let cache: TextMeasureCache?
    private let measured: Int

    private init(keepsText: Bool, classWords: Bool, cache: TextMeasureCache? = nil, measured: Int = -1) {
        self.keepsText = keepsText
        self.useClassWords = classWords
        self.cache = cache
        self.measured = measured
        if keepsText { current.reserveCapacity(1024) }
    }

    /// Collects the blocks of `element`.
    static func blocks(of element: HTMLElement, classWords: Bool = true) -> [TextBlock] {
        var collector = BlockCollector(keepsText: true, classWords: classWords)
        collector.visit(element, inLink: false)
        collector.flush()
        return collector.blocks
    }

    /// Measures the text `blocks(of:)` would collect, without building it; with a `cache` (of one
    /// `classWords` setting), from the known measures of its block elements.
    static func measure(of element: HTMLElement, classWords: Bool = true, cache: TextMeasureCache? = nil) -> TextMeasure {
        if let known = cache?.measures[element.documentOrder] { return known }
        var collector = BlockCollector(keepsText: false, classWords: classWords, cache: cache, measured: element.documentOrder)
        collector.visit(element, inLink: false)
        collector.flush()
        cache?.measures[element.documentOrder] = collector.measure
        return collector.measure
    }

    private mutating func visit(_ element: HTMLElement, inLink: Bool) {
        let isBlock = ElementFact.block.of(element) { Self.blockTags.contains(element.name) }
        if let cache, isBlock, !inLink, element.documentOrder != measured {
            // A block element begins and ends a block, so its text adds to the measure exactly as it
            // measures alone (outside links, whose characters it would count apart).
            flush()
            measure.add(Self.measure(of: element, classWords: useClassWords, cache: cache))
            return
        }
        if BoilerplateRules.isBoilerplate(element, classWords: useClassWords) {
            if isBlock { flush() } else { pendingSpace = true }
            return
        }
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

    private mutating func append(_ text: HTMLText, inLink: Bool) {
        let before = currentCharacters
        text.withUTF8 { bytes in
            var i = 0
            let count = bytes.count
            while i < count {
                let lead = bytes[i]
                if lead > 0x20 && lead < 0x7F {
                    // A run of visible ASCII (most of a German text's bytes) goes in at once.
                    var end = i
                    var commas = 0
                    while end < count, bytes[end] > 0x20, bytes[end] < 0x7F {
                        if bytes[end] == UInt8(ascii: ",") { commas += 1 }
                        end += 1
                    }
                    appendVisible(UnsafeBufferPointer(rebasing: bytes[i..<end]), characters: end - i, commas: commas)
                    i = end
                    continue
                }
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let end = min(i + length, count)
                switch classifyUTF8(bytes, at: i, length: end - i) {
                case .space:
                    pendingSpace = true
                case .control:
                    break
                case .visible:
                    // One character beyond ASCII (visible ASCII came as a run above).
                    appendVisible(UnsafeBufferPointer(rebasing: bytes[i..<end]), characters: 1, commas: 0)
                }
                i = end
            }
        }
        if inLink { currentLinks += currentCharacters - before }
    }

    /// Adds visible text to the current block, after a space when white space came before it.
    private mutating func appendVisible(_ text: UnsafeBufferPointer<UInt8>, characters: Int, commas: Int) {
        if pendingSpace && currentCharacters > 0 {
            if keepsText { current.append(0x20) }
            currentCharacters += 1
        }
        pendingSpace = false
        lastWasBreak = false
        if keepsText { current.append(contentsOf: text) }
        currentCommas += commas
        currentCharacters += characters
    }

    private mutating func flush() {
        if currentCharacters > 0 {
            measure.add(TextMeasure(characters: currentCharacters, linkCharacters: currentLinks, commas: currentCommas))
            if keepsText {
                blocks.append(
                    TextBlock(
                        text: String(decoding: current, as: UTF8.self), characters: currentCharacters,
                        linkCharacters: currentLinks, commas: currentCommas, kind: currentKind))
            }
        }
        current.removeAll(keepingCapacity: true)
        currentCharacters = 0
        currentLinks = 0
        currentCommas = 0
        pendingSpace = false
        lastWasBreak = false
    }
}
