import GermanAnalysis
import Testing

@Suite struct GermanAnalyzerTests {
    let analyzer = GermanAnalyzer()

    /// The terms of `text` without exact-form terms (`=…`, see `exactFormsOfCapitalisedWords`).
    func terms(_ text: String, _ mode: AnalysisMode = .document) -> [String] {
        analyzer.tokens(text, mode: mode).map(\.term).filter { !$0.hasPrefix("=") }
    }

    @Test func foldsCaseUmlautsSharpSAndForeignDiacritics() {
        #expect(terms("Erdoğan ERDOGAN erdogan") == ["erdogan", "erdogan", "erdogan"])
        #expect(terms("Straße STRASSE Strasse") == ["strass", "strass", "strass"])
        #expect(terms("München Muenchen MÜNCHEN") == ["munch", "munch", "munch"])
        #expect(terms("Çelik Łódź Émile Søren") == ["celik", "lodz", "emil", "sor"])
        #expect(terms("Kampfdrohnen Drohne Drohnen", .auxiliary) == ["kampfdrohn", "drohn", "drohn"])
    }

    @Test func decomposedUmlautsReadLikeComposedOnes() {
        // "Bäume" with U+0308 COMBINING DIAERESIS after the a.
        #expect(terms("Ba\u{0308}ume") == terms("Bäume"))
    }

    @Test func softHyphensAndZeroWidthCharactersDoNotSplitWords() {
        #expect(terms("Getreide\u{00AD}lieferung", .auxiliary) == ["getreideliefer"])
        #expect(terms("Drohnen\u{200B}hersteller") == terms("Drohnenhersteller"))
    }

    @Test func blockPunctuationSeparatesWords() {
        #expect(terms("CEO Haluk,Bayraktar;auch:Kreml") == ["ceo", "haluk", "bayraktar", "auch", "kreml"])
        #expect(terms("Kreml-Chef", .auxiliary) == ["kreml", "chef"])
    }

    @Test func apostrophesInsideWordsJoin() {
        #expect(terms("gibt's") == ["gibt"])
        #expect(terms("Erdoğan’s") == ["erdogan"])
    }

    @Test func offsetsPointAtTheOriginalWords() {
        let text = "Die Bäume in der Straße"
        let utf8 = Array(text.utf8)
        let tokens = analyzer.tokens(text).filter { !$0.isColocated }
        let originals = tokens.map { String(decoding: utf8[$0.start..<$0.end], as: UTF8.self) }
        #expect(originals == ["Die", "Bäume", "in", "der", "Straße"])
        #expect(tokens[1].start == 4 && tokens[1].end == 10)
    }

    @Test func prefixQueriesAreFoldedButNotStemmed() {
        #expect(terms("Drohnenherst", .queryPrefix) == ["drohnenherst"])
        #expect(terms("Münch", .queryPrefix) == ["munch"])
        #expect(terms("Muench", .queryPrefix) == ["munch"])
    }

    @Test func genderFormsAreOneWord() {
        for form in ["Bürger*innen", "Bürger:innen", "Bürger_innen", "BürgerInnen", "Bürger/innen", "Bürgerinnen"] {
            #expect(terms(form) == ["burg"], "\(form)")
        }
        #expect(terms("Stand 2:1") == ["stand", "2", "1"])
    }

    @Test func hyphenatedWordsAlsoIndexTheirJoinedForm() {
        let tokens = analyzer.tokens("E-Mail Baden-Württemberg").filter { !$0.term.hasPrefix("=") }
        #expect(tokens.map(\.term) == ["e", "mail", "email", "bad", "wurttemberg", "badenwurttemberg"])
        #expect(tokens.map(\.isColocated) == [false, false, true, false, false, true])
        #expect(terms("Email") == ["email"])
        #expect(terms("E-Mail", .auxiliary) == ["e", "mail"])
    }

    @Test func numbersAndOtherScriptsStayWhole() {
        #expect(terms("5G 2022 10.000 1.000.000 3,5 5. August") == ["5g", "2022", "10000", "1000000", "3", "5", "5", "august"])
        #expect(terms("Москва Αθήνα") == ["москва", "αθήνα"])
    }

    @Test func invalidUTF8SeparatesWordsWithoutCrashing() {
        var bytes = Array("Straße".utf8)
        bytes.insert(0xFF, at: 3)
        bytes += [0xC3, 0x28, 0xE2, 0x82]  // broken sequences, one cut off at the end
        var found: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            analyzer.analyze(buffer, mode: .document) { term, _, _, _ in
                found.append(String(decoding: term, as: UTF8.self))
                return true
            }
        }
        #expect(found.filter { !$0.hasPrefix("=") } == ["str", "ass"])
    }

    @Test func veryLongWordsAreCut() {
        let long = String(repeating: "a", count: 5_000)
        let tokens = analyzer.tokens(long)
        #expect(tokens.count == 1)
        #expect(tokens[0].term.utf8.count == GermanAnalyzer.maximumWordLength)
        #expect(tokens[0].end == 5_000)
    }

    @Test func compoundPartsFollowTheCompoundAtItsPosition() {
        let tokens = analyzer.tokens("Die Kampfdrohnen fliegen")
        #expect(tokens.map(\.term) == ["die", "kampfdrohn", "=kampfdrohnen", "+kampf", "+drohn", "flieg"])
        #expect(tokens.map(\.isColocated) == [false, false, true, true, true, false])
        #expect(tokens[3].start == tokens[1].start && tokens[4].end == tokens[1].end)
        // Snippets re-tokenize without the parts: the same words at the same positions.
        #expect(analyzer.tokens("Die Kampfdrohnen fliegen", mode: .auxiliary).map(\.term) == ["die", "kampfdrohn", "flieg"])
        #expect(analyzer.tokens("Kampfdrohnen", mode: .query).map(\.term) == ["kampfdrohn"])
    }

    @Test func partsOfPartsAreIndexedToo() {
        let terms = analyzer.tokens("Bundespräsidentenwahl").map(\.term)
        #expect(terms.first == "bundesprasidentenwahl")
        for part in ["+bund", "+prasidentenwahl", "+prasident", "+wahl"] { #expect(terms.contains(part), "\(part)") }
    }

    /// A word of three parts and more also indexes the compounds its first and its last parts make,
    /// as written, so "Klimaschutz" and "Bundespräsident" find it however the splitter grouped it.
    @Test func innerCompoundsAreIndexedToo() {
        let climate = analyzer.tokens("Klimaschutzabkommen").map(\.term)
        for part in ["+klima", "+schutz", "+abkomm", "+klimaschutz", "+schutzabkomm"] {
            #expect(climate.contains(part), "\(part)")
        }
        #expect(analyzer.tokens("Bundespräsidentenwahl").map(\.term).contains("+bundesprasident"))
        // Two parts make no inner compound.
        #expect(analyzer.tokens("Kampfdrohnen").map(\.term) == ["kampfdrohn", "=kampfdrohnen", "+kampf", "+drohn"])
    }

    @Test func exactFormsOfCapitalisedWords() {
        // Nouns and names also index their exact form, umlauts and ß spelt out, beside the stem.
        #expect(analyzer.tokens("Der Rat und die Rate").map(\.term) == ["der", "rat", "=rat", "und", "die", "rat", "=rate"])
        #expect(analyzer.tokens("Bär Baer Bar").map(\.term) == ["bar", "=baer", "bar", "=baer", "bar", "=bar"])
        #expect(analyzer.tokens("Straße Strasse").map(\.term) == ["strass", "=strasse", "strass", "=strasse"])
        // Lower-case words (verbs, adjectives), stopwords, numbers and other scripts get none.
        #expect(analyzer.tokens("er rät Die 2022 Москва").map(\.term) == ["er", "rat", "die", "2022", "москва"])
        #expect(analyzer.tokens("Der Rat", mode: .auxiliary).map(\.term) == ["der", "rat"])
        // A query looks an exact form up with its marker.
        let marked = String(GermanAnalyzer.exactQueryMarker) + "Bär"
        #expect(analyzer.tokens(marked, mode: .query).map(\.term) == ["=baer"])
        #expect(analyzer.exactTerm(of: "Spielern") == "=spielern")
        #expect(analyzer.exactTerm(of: "die") == nil)
    }

    @Test func stemOnlyModeKeepsForeignLetters() {
        #expect(terms("Café Häuser", .stemOnly) == ["café", "haus"])
    }
}

@Suite struct AnalyzedTextTests {
    @Test func replaysExactlyTheTokensOfTheAnalyzer() {
        let text = "Die Bundespräsidentenwahl: Bayraktar-Kampfdrohnen, Bürger*innen und 10.000 E-Mails."
        let analyzer = GermanAnalyzer()
        var replayed: [Token] = []
        let analyzed = AnalyzedText(text, analyzer: analyzer)
        analyzed.replay { term, start, end, colocated in
            replayed.append(Token(term: String(decoding: term, as: UTF8.self), start: start, end: end, isColocated: colocated))
            return true
        }
        #expect(replayed == GermanAnalyzer().tokens(text, mode: .document))
        #expect(analyzed.tokenCount == replayed.count)
        #expect(Array(text.utf8).withUnsafeBufferPointer { analyzed.matches($0) })
        #expect(!Array("Die".utf8).withUnsafeBufferPointer { analyzed.matches($0) })
    }
}
