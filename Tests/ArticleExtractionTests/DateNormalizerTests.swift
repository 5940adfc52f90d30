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

    @Test(arguments: [
        ("2022-11-06T23:00:00Z", "2022-11-07T00:00:00+01:00"),
        ("2022-08-04T22:30:00+00:00", "2022-08-05T00:30:00+02:00"),
        ("2022-03-27T00:59:00Z", "2022-03-27T01:59:00+01:00"),
        ("2022-03-27T01:00:00Z", "2022-03-27T03:00:00+02:00"),
        ("2022-10-30T00:59:00Z", "2022-10-30T02:59:00+02:00"),
        ("2022-10-30T01:00:00Z", "2022-10-30T02:00:00+01:00"),
        ("2020-02-28T23:30:00Z", "2020-02-29T00:30:00+01:00"),
        ("2021-12-31T23:15:00Z", "2022-01-01T00:15:00+01:00"),
        ("2022-08-04T10:48:00+02:00", "2022-08-04T10:48:00+02:00"),
        ("2022-08-04", "2022-08-04"),
    ])
    func utcTimesAreShownInGermanTime(_ utc: String, _ german: String) {
        #expect(DateNormalizer.inGermanTime(utc) == german)
    }
}
