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

    /// The element that holds the article, then the siblings of it and of its ancestors that hold
    /// more of it (Readability's sibling step, taken up to the body), in document order: pages that
    /// split the text into several containers lose no part of it.
    static func mainElements(in root: HTMLElement, classWords: Bool = true) -> [HTMLElement] {
        let measures = TextMeasureCache()
        let found = mainElementAndScores(in: root, classWords: classWords, measures: measures)
        guard let best = found.bestValue else { return [found.element] }
        let threshold = max(10, best * 0.2)
        func holdsArticleText(_ sibling: HTMLElement) -> Bool {
            if BoilerplateRules.isBoilerplate(sibling, classWords: classWords) { return false }
            let text = BlockCollector.measure(of: sibling, classWords: classWords, cache: measures)
            guard text.characters > 0 else { return false }
            let linkDensity = Double(text.linkCharacters) / Double(text.characters)
            let score = (found.scores[sibling] ?? 0) * (1 - linkDensity)
            return score >= threshold || (text.characters > siblingMinimum && linkDensity < 0.2)
                || (sibling.name == "p" && text.characters > 80 && linkDensity < 0.25)
        }
        // At every level above the chosen element up to the page's body: text split over nested
        // wrappers ("div > div.paragraph > div > p", between ads and images) is joined.
        var group = [found.element]
        var node = found.element
        while let parent = node.parent, parent.name != "body", parent.name != "html" {
            var before: [HTMLElement] = []
            var after: [HTMLElement] = []
            var passed = false
            for sibling in parent.childElements {
                if sibling == node {
                    passed = true
                } else if holdsArticleText(sibling) {
                    if passed { after.append(sibling) } else { before.append(sibling) }
                }
            }
            group = before + group + after
            node = parent
        }
        return group
    }

    /// Siblings with at least this many characters of text and few links join the article.
    static let siblingMinimum = 150

    private static func mainElementAndScores(
        in root: HTMLElement, classWords: Bool, measures: TextMeasureCache
    ) -> (element: HTMLElement, bestValue: Double?, scores: [HTMLElement: Double]) {
        var scores: [HTMLElement: Score] = [:]

        // The path from the root to the element being visited (pushed and popped, never copied).
        var ancestors: [HTMLElement] = []
        func visit(_ element: HTMLElement) {
            if BoilerplateRules.isBoilerplate(element, classWords: classWords) { return }
            let isParagraph = element.name == "p" || element.name == "pre" || element.name == "blockquote"
                || (element.name == "div" && hasOwnText(element, minimum: 80))
            if isParagraph {
                let text = BlockCollector.measure(of: element, classWords: classWords, cache: measures)
                let length = text.characters - text.linkCharacters
                if length >= 25 {
                    let points = 1.0 + Double(text.commas) + min(Double(length) / 100.0, 3.0)
                    for (level, ancestor) in ancestors.suffix(2).reversed().enumerated() {
                        let score = scores[ancestor] ?? Score(depth: ancestors.count - level)
                        score.value += level == 0 ? points : points / 2
                        scores[ancestor] = score
                    }
                }
                if element.name != "div" { return }
            }
            ancestors.append(element)
            for child in element.children {
                guard case .element(let childElement) = child else { continue }
                visit(childElement)
            }
            ancestors.removeLast()
        }
        visit(root)

        var best: (HTMLElement, Double)?
        for (element, score) in scores {
            let text = BlockCollector.measure(of: element, classWords: classWords, cache: measures)
            let linkDensity = text.characters == 0 ? 0 : Double(text.linkCharacters) / Double(text.characters)
            var value = score.value * (1 - linkDensity)
            if element.name == "article" || element[attribute: "itemprop"] == "articleBody" { value *= 1.25 }
            // Ties go to the first in the page, so the choice never depends on the dictionary's order.
            if best == nil || value > best!.1 || (value == best!.1 && element.documentOrder < best!.0.documentOrder) {
                best = (element, value)
            }
        }
        guard var chosen = best?.0, let bestValue = best?.1 else {
            return (root.firstDescendant(where: { $0.name == "body" }) ?? root, nil, [:])
        }
        // Prefer an enclosing article container up to three levels above.
        var ancestor = chosen.parent
        var steps = 0
        while let current = ancestor, steps < 3 {
            if current.name == "article" || current[attribute: "itemprop"] == "articleBody" {
                chosen = current
                break
            }
            if current.name == "body" { break }
            ancestor = current.parent
            steps += 1
        }
        return (chosen, bestValue, scores.mapValues(\.value))
    }

    /// True when `element` has at least `minimum` characters of text directly inside it.
    private static func hasOwnText(_ element: HTMLElement, minimum: Int) -> Bool {
        var count = 0
        for child in element.children {
            if case .text(let text) = child {
                text.withUTF8 { bytes in
                    var i = 0
                    while i < bytes.count {
                        let end = min(i + utf8SequenceLength(bytes[i]), bytes.count)
                        if classifyUTF8(bytes, at: i, length: end - i) != .space { count += 1 }
                        i = end
                    }
                }
                if count >= minimum { return true }
            }
        }
        return false
    }
}
