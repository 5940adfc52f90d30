@testable import ArticleExtraction
import Testing

/// The JSON-LD reader's own JSON parser (it replaced Foundation's `JSONSerialization`).
@Suite struct JSONValueTests {
    @Test func readsNestedObjectsAndArrays() throws {
        let value = try #require(
            JSONValue.parse(#" {"@type": ["NewsArticle"], "n": -1.5e2, "ok": true, "none": null, "list": [1, {"a": "b"}]} "#))
        #expect(value["@type"] == .array([.string("NewsArticle")]))
        #expect(value["n"] == .number(-150))
        #expect(value["ok"] == .bool(true))
        #expect(value["none"] == .null)
        #expect(value["list"] == .array([.number(1), .object(["a": .string("b")])]))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try #require(JSONValue.parse(#""Erdo\u011fan sagt \"Nein\"\n\ud83d\ude00 \/ Ende""#))
        #expect(value.stringValue == "Erdoğan sagt \"Nein\"\n😀 / Ende")
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "\"open", "tru", "{\"a\":1} trailing", "\"\\u12\"", "01x",
        String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
    ])
    func refusesBrokenJSON(_ text: String) {
        #expect(JSONValue.parse(text) == nil)
    }

    @Test func readsAuthorsAndTypesOfJSONLD() {
        let objects = JSONLD.objects(
            in: #"[{"@type":"WebSite"},{"@type":"NewsArticle","author":[{"@type":"Person","name":"A. Autor"},"B. Bauer"]}]"#)
        #expect(objects.count == 2)
        #expect(!JSONLD.isArticle(objects[0]))
        #expect(JSONLD.isArticle(objects[1]))
        #expect(JSONLD.author(objects[1]["author"]) == "A. Autor, B. Bauer")
    }
}
