import ArticleExtraction
import Testing

@Suite struct DateNormalizerTests {
    @Test(arguments: [
        ("2022-08-05", "2022-08-05"),
        ("2022-08-05T10:30:00+02:00", "2022-08-05T10:30:00+02:00"),
        ("2022-08-05T10:30Z", "2022-08-05T10:30:00Z"),
        ("2022-08-05 10:30:15.123+0200", "2022-08-05T10:30:15+02:00"),
        ("05.08.2022", "2022-08-05"),
        ("5. 8. 2022, 14:30 Uhr", "2022-08-05"),
        ("5. August 2022", "2022-08-05"),
        ("Freitag, 5. Aug. 2022", "2022-08-05"),
        ("3. März 2021", "2021-03-03"),
        ("August 5, 2022", "2022-08-05"),
        ("veröffentlicht am 24.11.2022 um 10 Uhr", "2022-11-24"),
    ])
    func normalizes(input: String, expected: String) {
        #expect(DateNormalizer.normalize(input) == expected)
    }

    @Test func rejectsWhatIsNoDate() {
        #expect(DateNormalizer.normalize("Seite 2 von 10") == nil)
        #expect(DateNormalizer.normalize("2022-13-45") == nil)
        #expect(DateNormalizer.normalize("") == nil)
    }

    @Test func readsDatesInURLs() {
        #expect(DateNormalizer.fromURL("https://example.org/2022/08/05/putin") == "2022-08-05")
        #expect(DateNormalizer.fromURL("https://example.org/politik/artikel-123") == nil)
    }
}
