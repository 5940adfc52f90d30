import HTMLTree

/// Finds the element that holds the article text.
///
/// Readability's idea: every paragraph with enough text adds a score to its parent and half of it
/// to its grandparent; boilerplate subtrees are never entered. The best-scoring element wins. When an
/// `<article>` or `itemprop=articleBody` element close above it holds nearly all of that text, it is
/// taken instead, so a lead or a second text column inside it is not lost.
enum ContentFinder {
    private final class Score {
        var value = 0.0
        let depth: Int
        init(depth: Int) { self.depth = depth }
    }

    static func mainElement(in root: HTMLElement, classWords: Bool = true) -> HTMLElement {
        var scores: [ObjectIdentifier: Score] = [:]
        var elements: [ObjectIdentifier: HTMLElement] = [:]
        var parents: [ObjectIdentifier: HTMLElement] = [:]

        func visit(_ element: HTMLElement, ancestors: [HTMLElement]) {
            if BoilerplateRules.isBoilerplate(element, classWords: classWords) { return }
            let isParagraph = element.name == "p" || element.name == "pre" || element.name == "blockquote"
                || (element.name == "div" && hasOwnText(element, minimum: 80))
            if isParagraph {
                let text = BlockCollector.measure(of: element, classWords: classWords)
                let length = text.characters - text.linkCharacters
                if length >= 25 {
                    let points = 1.0 + Double(text.commas) + min(Double(length) / 100.0, 3.0)
                    for (level, ancestor) in ancestors.suffix(2).reversed().enumerated() {
                        let id = ObjectIdentifier(ancestor)
                        let score = scores[id] ?? Score(depth: ancestors.count - level)
                        score.value += level == 0 ? points : points / 2
                        scores[id] = score
                        elements[id] = ancestor
                    }
                }
                if element.name != "div" { return }
            }
            let next = ancestors + [element]
            for child in element.childElements {
                parents[ObjectIdentifier(child)] = element
                visit(child, ancestors: next)
            }
        }
        visit(root, ancestors: [])

        var best: (HTMLElement, Double)?
        for (id, score) in scores {
            guard let element = elements[id] else { continue }
            let text = BlockCollector.measure(of: element, classWords: classWords)
            let linkDensity = text.characters == 0 ? 0 : Double(text.linkCharacters) / Double(text.characters)
            var value = score.value * (1 - linkDensity)
            if element.name == "article" || element[attribute: "itemprop"] == "articleBody" { value *= 1.25 }
            if best == nil || value > best!.1 { best = (element, value) }
        }
        guard var chosen = best?.0 else {
            return root.firstDescendant(where: { $0.name == "body" }) ?? root
        }
        // Prefer an enclosing article container up to three levels above.
        var ancestor = parents[ObjectIdentifier(chosen)]
        var steps = 0
        while let current = ancestor, steps < 3 {
            if current.name == "article" || current[attribute: "itemprop"] == "articleBody" {
                chosen = current
                break
            }
            if current.name == "body" { break }
            ancestor = parents[ObjectIdentifier(current)]
            steps += 1
        }
        return chosen
    }

    /// True when `element` has at least `minimum` characters of text directly inside it.
    private static func hasOwnText(_ element: HTMLElement, minimum: Int) -> Bool {
        var count = 0
        for child in element.children {
            if case .text(let text) = child {
                for scalar in text.unicodeScalars where !isSpace(scalar) { count += 1 }
                if count >= minimum { return true }
            }
        }
        return false
    }
}
