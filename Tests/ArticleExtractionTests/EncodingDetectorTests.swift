import HTMLTree
import Testing

@Suite struct EncodingDetectorTests {
    func detect(_ bytes: [UInt8]) -> String { EncodingDetector.detect(bytes).name }

    @Test func byteOrderMarksWin() {
        #expect(EncodingDetector.detect([0xEF, 0xBB, 0xBF] + Array("<p>ä</p>".utf8)).bomLength == 3)
        #expect(detect([0xFF, 0xFE, 0x3C, 0x00]) == "UTF-16LE")
        #expect(detect([0xFE, 0xFF, 0x00, 0x3C]) == "UTF-16BE")
    }

    @Test func utf16WithoutBOMIsRecognised() {
        let le = Array("<html><p>Hallo Welt</p></html>".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(detect(le) == "UTF-16LE")
    }

    @Test func validUTF8BeatsAWrongLatin1Label() {
        let page = "<meta charset=\"iso-8859-1\"><p>Bürgermeisterin</p>"
        #expect(detect(Array(page.utf8)) == "UTF-8")
    }

    @Test func declaredCharsetIsUsedForNonUTF8Bytes() {
        let head = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">".utf8)
        #expect(detect(head + [0x3C, 0x70, 0x3E, 0xE4, 0xA4] + Array("</p>".utf8)) == "ISO-8859-15")
    }

    @Test func latin1LabelsMeanWindows1252() {
        let page = Array("<meta charset=latin1><p>".utf8) + [0x84, 0x53, 0x74, 0x72, 0x61, 0xDF, 0x65, 0x93]
        #expect(detect(page) == "windows-1252")
    }

    @Test func declarationAfterConditionalCommentsIsFound() {
        let comments = String(repeating: "<!--[if lt IE 9]><script src=\"x.js\"></script><![endif]-->\n", count: 40)
        let page = Array((comments + "<meta charset=\"windows-1250\">").utf8) + [0xE8] + Array("</p>".utf8)
        #expect(detect(page) == "windows-1250")
    }

    @Test func xmlDeclarationIsRead() {
        let page = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html>".utf8) + [0xFC]
        #expect(detect(page) == "windows-1252")
    }

    @Test func undeclaredNonUTF8FallsBackToWindows1252() {
        #expect(detect(Array("<p>Gr".utf8) + [0xFC, 0xDF, 0x65]) == "windows-1252")
        #expect(detect(Array("<p>plain ascii</p>".utf8)) == "UTF-8")
    }

    @Test func textDecoderReadsWindows1252Quotes() {
        let bytes: [UInt8] = [0x84, 0x53, 0x74, 0x72, 0x61, 0xDF, 0x65, 0x93, 0x20, 0x96, 0x20, 0x80]
        let detection = EncodingDetector.detect(bytes)
        #expect(TextDecoder.decode(bytes, as: detection) == "„Straße“ – €")
    }
}
