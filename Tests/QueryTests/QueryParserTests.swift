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

    @Test func everyTermIsQuoted() throws {
        #expect(try expression("Putin Erdogan") == "(\"Putin\" AND \"Erdogan\")")
        #expect(try expression("Baden-Württemberg") == "(\"Baden Württemberg\" OR \"BadenWürttemberg\")")
        #expect(try expression("c++ AND") == "\"c\"")
        #expect(try expression("Drohn*") == "\"Drohn\" *")
        #expect(try expression("a -b") == "(\"a\" NOT \"b\")")
        #expect(try expression("title:Putin") == "title : (\"Putin\")")
        #expect(try expression("NEAR(a b) ^x \"y") == "(\"NEAR\" AND (\"a\" AND \"b\") AND \"x\" AND \"y\")")
    }

    @Test func sectionAndAuthorBecomeFilters() throws {
        let compiled = try compiler.compile(#require(QueryParser().parse("Derby section:Sport author:Yılmaz")))
        #expect(compiled.expression == "\"Derby\"")
        #expect(compiled.section == "Sport")
        #expect(compiled.author == "Yılmaz")
    }

    @Test func onlyExcludedWordsIsAnError() throws {
        #expect(throws: QueryError.self) { try expression("-Putin") }
        #expect(throws: QueryError.self) { try expression("Putin OR -Erdogan") }
    }

    @Test func anyWordQueriesSkipStopwords() {
        #expect(compiler.anyOf(["Wer", "ist", "der", "Kreml-Chef"]) == "(\"Kreml Chef\" OR \"KremlChef\")")
        #expect(compiler.anyOf(["der", "die"]) == "\"der\" OR \"die\"")
        #expect(compiler.anyOf(["Wer", "ist", "Drohnenhersteller"]) == "\"Drohnenhersteller\" OR \"drohne\" OR \"hersteller\"")
    }
}
