@testable import IndexStore
import Testing

@Suite struct PhraseWeightsTests {
    @Test func partAndExactPhrasesJoinTheirWordsGroupWithTheirWeights() {
        let expression = "((\"Drohne\" OR \"\u{2}Drohne\" OR \"\u{1}Drohne\") AND \"Schwarze Meer\") NOT (\"Wien\" OR \"\u{1}Wien\" *)"
        let weights = PhraseWeights.of(expression, partWeight: 0.5, exactWeight: 2, variantWeight: 1, weakVariantWeight: 0.5)
        #expect(weights.groups == [0, 0, 0, 1, 2, 2])
        #expect(weights.weights == [1, 2, 0.5, 1, 1, 0.5])
        #expect(weights.isExact == [false, true, false, false, false, false])
        #expect(weights.text == "0*1,0*2.0*e,0*0.5,1*1,2*1,2*0.5")
    }

    @Test func aVariantSpellingJoinsItsWordsGroup() {
        let weights = PhraseWeights.of(
            "(\"Kenias\" OR \"\u{3}Kenia\" OR \"\u{2}Kenias\") AND (\"gegründet\" OR \"\u{4}gründen\")",
            partWeight: 0.25, exactWeight: 2, variantWeight: 0.75, weakVariantWeight: 0.5)
        #expect(weights.groups == [0, 0, 0, 1, 1])
        #expect(weights.weights == [1, 0.75, 2, 1, 0.5])
    }

    @Test func escapedQuotesStayInsideTheirPhrase() {
        let weights = PhraseWeights.of("\"a\"\"b\" OR \"\u{1}c\"", partWeight: 0.25, exactWeight: 2, variantWeight: 1, weakVariantWeight: 0.5)
        #expect(weights.groups == [0, 0])
        #expect(weights.weights == [1, 0.25])
        #expect(PhraseWeights.of("", partWeight: 0.5, exactWeight: 2, variantWeight: 1, weakVariantWeight: 0.5).text == "")
    }
}
