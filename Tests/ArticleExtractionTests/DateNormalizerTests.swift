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
        ("28.09.19", "2019-09-28"),
        ("31.10.23 | Björn Jahner", "2023-10-31"),
        ("28.09.1912:44", "2019-09-28"),
        ("17/02/2022", "2022-02-17"),
        ("12/25/2022 08:00:00", "2022-12-25"),
        ("Mon Oct 11 14:57:21 CEST 2021", "2021-10-11"),
    ])
    func normalizes(input: String, expected: String) {
        #expect(DateNormalizer.normalize(input) == expected)
    }

    @Test func rejectsWhatIsNoDate() {
        #expect(DateNormalizer.normalize("Seite 2 von 10") == nil)
        #expect(DateNormalizer.normalize("2022-13-45") == nil)
        #expect(DateNormalizer.normalize("") == nil)
        // Slashes in either order when both numbers could be the month: no date rather than a guess.
        #expect(DateNormalizer.normalize("11/01/2023 12:43:42") == nil)
    }

    @Test(arguments: [
        ("https://example.org/2022/08/05/putin", "2022-08-05"),
        ("https://www.befifty.de/home/2017/7/12/unter-uns-montauk", "2017-07-12"),
        ("https://weisser-ring.de/media-news/meldungen/29-10-2021", "2021-10-29"),
        ("https://www.regenbogenportal.de/aktuelles/08112021-online-fachtag", "2021-11-08"),
        ("https://example.org/news/20220805-hitzewelle.html?id=20190101", "2022-08-05"),
    ])
    func readsDatesInURLs(url: String, expected: String) {
        #expect(DateNormalizer.fromURL(url) == expected)
    }

    @Test(arguments: [
        "https://example.org/politik/artikel-123",
        "https://www.motorsport-magazin.com/formel1/news-275350-formel-1-fahrercheck-f1-2022/",
        "https://www.bundespolizei.de/Web/DE/04Aktuelles/01Meldungen/2021/10/migrationslage.html",
        "https://www.biathlonworld.com/de/news/beijing-2022-biathlon-china/7pjMbfKbZF2yXNATzgv3Zm",
        "https://mluk.brandenburg.de/detail/~02-01-2022-land-zahlte-rund-1-4-millionen-euro",
        "https://example.org/artikel?datum=2022-08-05",
    ])
    func numbersThatAreNoDateInURLs(url: String) {
        #expect(DateNormalizer.fromURL(url) == nil)
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
