import GermanAnalysis
import Testing

@Suite struct PlaceAdjectiveTests {
    /// An adjective in -anisch names its place in -a, which Snowball stems apart.
    @Test func adjectivesNameTheirPlace() {
        #expect(PlaceAdjective.placeName(of: "südafrikanische") == "südafrika")
        #expect(PlaceAdjective.placeName(of: "Nordamerikanischen") == "nordamerika")
        #expect(PlaceAdjective.placeName(of: "kenianisch") == "kenia")
        for word in ["spanisch", "Amerika", "anisch", "Panik", ""] {
            #expect(PlaceAdjective.placeName(of: word) == nil, "\(word)")
        }
    }
}
