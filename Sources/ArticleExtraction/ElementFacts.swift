import HTMLTree

/// Facts about an element that extraction asks for on every visit of every pass, computed once and
/// kept in the element's annotation byte: for each fact one bit says "known", the next the answer.
enum ElementFact: UInt8 {
    /// Boilerplate by tags, class words and ARIA roles (`BoilerplateRules.isBoilerplate`).
    case boilerplate = 0
    /// Boilerplate by tags and ARIA roles only (the second try without class words).
    case boilerplateWithoutClassWords = 2
    /// A block element, which starts a new text block (`BlockCollector.blockTags`).
    case block = 4

    private var knownBit: UInt8 { 1 << rawValue }
    private var answerBit: UInt8 { 2 << rawValue }

    /// The fact for `element`, computed by `compute` the first time it is asked.
    func of(_ element: HTMLElement, _ compute: () -> Bool) -> Bool {
        let annotation = element.annotation
        if annotation & knownBit != 0 { return annotation & answerBit != 0 }
        let answer = compute()
        element.annotation = annotation | knownBit | (answer ? answerBit : 0)
        return answer
    }
}
