import GermanAnalysis
import Query
import Testing

@Suite struct QueryParserTests {
    let parser = QueryParser()

    @Test func wordsAreAndedAndOperatorsRecognised() {
        #expect(parser.parse("Putin Erdogan") == .all([.word("Putin", prefix: false), .word("Erdogan", prefix: false)]))
        #expect(parser.parse("Putin OR Erdogan") == .any([.word("Putin", prefix: false), .word("Erdogan", prefix: false)]))
        #expect(parser.parse("Putin -Erdogan") == .all([.word("Putin", prefix: false), .not(.word("Erdogan", prefix: false))]))
        #expect(parser.parse("Putin NOT Erdogan") == .all([.word("Putin", prefix: false), .not(.word("Erdogan", prefix: false))]))
        #expect(parser.parse("Drohn*") == .word("Drohn", prefix: true))
        #expect(parser.parse("\"Schwarze Meer\"") == .phrase("Schwarze Meer"))
        #expect(parser.parse("title:Putin") == .field("title", .word("Putin", prefix: false)))
        #expect(parser.parse("(a OR b) c") == .all([.any([.word("a", prefix: false), .word("b", prefix: false)]), .word("c", prefix: false)]))
    }

    @Test func hyphensInsideWordsAreNoOperators() {
        #expect(parser.parse("Baden-Württemberg") == .word("Baden-Württemberg", prefix: false))
    }

    @Test func brokenInputIsRepaired() {
        #expect(parser.parse("\"unclosed phrase") == .phrase("unclosed phrase"))
        #expect(parser.parse("((Putin") == .word("Putin", prefix: false))
        #expect(parser.parse("Putin))") == .word("Putin", prefix: false))
        #expect(parser.parse("OR AND NOT") == nil)
        #expect(parser.parse("") == nil)
        #expect(parser.parse("***") == nil)
    }

    @Test func deepNestingIsBounded() {
        let deep = String(repeating: "(", count: 10_000) + "Putin" + String(repeating: ")", count: 10_000)
        _ = parser.parse(deep)
    }
}

@Suite struct QueryCompilerTests {
    let compiler = QueryCompiler()

    func expression(_ text: String) throws -> String {
        try compiler.compile(#require(QueryParser().parse(text))).expression
    }

    /// A word as the compiler writes it: the word itself, in phrases of their own its exact form
    /// (not for prefixes) and the word as a compound part.
    func word(_ text: String, prefix: Bool = false, germanSpelling: String? = nil) -> String {
        let star = prefix ? " *" : ""
        let exact = prefix ? "" : " OR \"\u{2}\(text)\""
        // The spelling with or without -s after a vowel (FinalSVariantTests), the other number of a
        // Latin plural (LatinPluralTests), of a noun in -s (ConsonantSNounTests) or in -em, -ern
        // (InflectionLikeEndingTests), then, weighed less, the other gender of a noun for a person
        // (PersonNounFormsTests), each as a phrase of its own and as a compound's part.
        let variant = prefix ? "" : [
            FinalSVariant.of(text), LatinPlural.of(text), ConsonantSNoun.otherNumber(of: text),
            InflectionLikeEnding.otherNumber(of: text),
        ].compactMap { $0 }
            .map { " OR \"\u{3}\($0)\" OR \"\u{1}\($0)\"" }.joined()
            + PersonNounForms.of(text).map { " OR \"\u{4}\($0)\" OR \"\u{1}\($0)\"" }.joined()
            + (germanSpelling.map { " OR \"\u{4}\($0)\" OR \"\u{1}\($0)\"" } ?? "")
        return "(\"\(text)\"\(star)\(variant)\(exact) OR \"\u{1}\(text)\"\(star))"
    }

    /// Any-word queries (questions) also look a participle's infinitive up; all-word queries do not,
    /// and no infinitive that stems to a stopword is added (gesicht → sichen → sich).
    @Test func anyWordQueriesAddParticiplesInfinitives() throws {
        let any = try #require(compiler.anyOf(["Firma", "gegründet", "gesicht"]))
        #expect(any.contains("\"\u{4}gründen\""))
        #expect(!any.contains("\u{4}sichen"))
        #expect(!(try expression("gegründet")).contains("\u{4}"))
    }

    /// Any-word queries also look a c-spelling up in German spelling; all-word queries do not.
    @Test func anyWordQueriesAddTheGermanSpellingOfAC() throws {
        #expect(try #require(compiler.anyOf(["Doctor", "Who"])).contains("\"\u{4}Doktor\" OR \"\u{1}Doktor\""))
        #expect(!(try expression("Doctor")).contains("Doktor"))
    }

    @Test func everyTermIsQuoted() throws {
        #expect(try expression("Derbys") == "(\"Derbys\" OR \"\u{3}Derby\" OR \"\u{1}Derby\" OR \"\u{2}Derbys\" OR \"\u{1}Derbys\")")
        #expect(try expression("Putin Erdogan") == "(\(word("Putin")) AND \(word("Erdogan")))")
        #expect(try expression("Baden-Württemberg") == "(\"Baden Württemberg\" OR \"BadenWürttemberg\")")
        #expect(try expression("c++ AND") == word("c"))
        #expect(try expression("Drohn*") == word("Drohn", prefix: true))
        #expect(try expression("Putin -Erdogan") == "(\(word("Putin")) NOT \(word("Erdogan")))")
        #expect(try expression("title:Putin") == "title : (\(word("Putin")))")
        #expect(
            try expression("NEAR(a b) ^x \"y")
                == "(\(word("NEAR")) AND (\"a\" AND \(word("b"))) AND \(word("x")) AND \(word("y")))")
        #expect(try expression("\"Schwarze Meer\"") == "\"Schwarze Meer\"")
    }

    @Test func sectionAndAuthorBecomeFilters() throws {
        let compiled = try compiler.compile(#require(QueryParser().parse("Derby section:Sport author:Yılmaz")))
        #expect(compiled.expression == word("Derby"))
        #expect(compiled.section == "Sport")
        #expect(compiled.author == "Yılmaz")
    }

    @Test func onlyExcludedWordsIsAnError() throws {
        #expect(throws: QueryError.self) { try expression("-Putin") }
        #expect(throws: QueryError.self) { try expression("Putin OR -Erdogan") }
    }

    @Test func anyWordQueriesSkipStopwords() {
        #expect(compiler.anyOf(["Wer", "ist", "der", "Putin"]) == word("Putin"))
        #expect(compiler.anyOf(["der", "die"]) == "\"der\" OR \"die\"")
        #expect(
            compiler.anyOf(["Wer", "ist", "Drohnenhersteller"])
                == "\(word("Drohnenhersteller")) OR \(word("drohne")) OR \(word("hersteller"))")
    }

    /// A hyphenated (or slashed) word brings its pieces, and a long piece its compound parts: "UN-Sekretär" also
    /// finds "UN-Generalsekretär", "BSkyB-Sportportfolio" finds "Sport" and "Portfolio".
    @Test func anyWordQueriesSplitHyphenatedWords() {
        #expect(
            compiler.anyOf(["Wer", "ist", "der", "Kreml-Chef"])
                == "(\"Kreml Chef\" OR \"KremlChef\") OR \(word("Kreml")) OR \(word("Chef"))")
        #expect(
            compiler.anyOf(["BSkyB-Sportportfolio"])
                == "(\"BSkyB Sportportfolio\" OR \"BSkyBSportportfolio\") OR \(word("BSkyB")) OR \(word("Sportportfolio")) OR \(word("sport")) OR \(word("portfolio"))")
        // A slash joins names alike ("der Fall Costa/ENEL" also names Costa and Enel on their own).
        #expect(
            compiler.anyOf(["Fall", "Costa/ENEL"])
                == "\(word("Fall")) OR \"Costa ENEL\" OR \(word("Costa", germanSpelling: "Kosta")) OR \(word("ENEL"))")
    }
}
