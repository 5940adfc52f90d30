import Foundation
import TestSupport
import Testing

/// An archive of everything real archives contain besides good articles, indexed through the CLI.
@Suite struct HostileArchiveTests {
    static let goodCount = 20

    func good(_ n: Int) -> String {
        """
        <!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Guter Artikel \(n) | Zeitung</title></head>
        <body><nav><a href="/">Start</a></nav><article><h1>Guter Artikel \(n)</h1>
        <p>Der Artikel Nummer \(n) handelt vom Wortmarker\(n)x und enthält genug Text für einen Absatz im Archiv.</p>
        <p>Ein zweiter Absatz über das Stadtfest, den Gemeinderat und das Wetter am Wochenende.</p></article></body></html>
        """
    }

    /// Writes the hostile archive and returns its root.
    func makeArchive(_ directory: TemporaryDirectory) throws -> String {
        for n in 0..<Self.goodCount { directory.write("archive/gut/\(n).html", good(n)) }
        let page = Array(good(99).utf8)
        directory.write("archive/kaputt/abgeschnitten.html", Array(page.prefix(page.count / 3)))
        directory.write("archive/kaputt/binaer.html", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<4096).map { UInt8($0 % 251) })
        directory.write("archive/kaputt/leer.html", [])
        directory.write("archive/kaputt/nur-leerzeichen.html", "   \n\t  \n")
        directory.write("archive/kaputt/nul.html", Array("<p>Text".utf8) + [0, 0, 0] + Array("mit NUL</p>".utf8))
        directory.write("archive/kaputt/ungueltig-utf8.html", Array("<html><body><p>Gr".utf8) + [0xC3, 0x28, 0xFF, 0xFE] + Array(" kaputtes UTF-8 im Absatz, aber lesbar genug.</p></body></html>".utf8))
        let utf16 = "<html><body><p>UTF-16 kodierter Artikel mit Umlauten: Grüße aus München.</p></body></html>"
        directory.write("archive/kaputt/utf16.html", [0xFF, 0xFE] + Array(utf16.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        directory.write("archive/kaputt/utf16-ohne-bom.html", Array(utf16.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        directory.write("archive/kaputt/tief.html", "<html><body>" + String(repeating: "<div>", count: 200_000) + "<p>tief</p>" + String(repeating: "</div>", count: 200_000) + "</body></html>")
        directory.write("archive/kaputt/tabellen.html", String(repeating: "<table><tr><td>", count: 20_000) + "Zelle")
        let laughs = (1...8).map { k in "<!ENTITY e\(k) \"" + String(repeating: "&e\(k - 1);", count: 10) + "\">" }.joined()
        directory.write("archive/kaputt/entitaeten.html", "<!DOCTYPE html [<!ENTITY e0 \"lol\">\(laughs)]><html><body><p>&e8;</p></body></html>")
        directory.write("archive/kaputt/extern.html", "<!DOCTYPE html SYSTEM \"http://192.0.2.1/dtd\"><html><body><p>Externe &ext; Verweise <img src=\"http://192.0.2.1/x.png\"> ohne Netz.</p><iframe src=\"http://192.0.2.1/\"></iframe></body></html>")
        directory.write("archive/kaputt/utf7.html", Array("<meta charset=\"utf-7\"><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4- Text</p>".utf8))
        directory.write("archive/kaputt/ohne-ende.html", "<html><body><p>Offener Kommentar <!-- der nie endet " + String(repeating: "x", count: 10_000))
        directory.write("archive/kaputt/script-offen.html", "<html><body><script>" + String(repeating: "var a = 1;", count: 10_000))
        directory.write("archive/kaputt/lange-zeile.html", "<p>" + String(repeating: "Wort", count: 250_000) + "</p>")
        directory.write("archive/kaputt/gross.html", "<p>" + String(repeating: "Text ", count: 5_000_000) + "</p>")  // 25 MB > 20 MB limit
        directory.write("archive/namen/mit leerzeichen.html", good(100))
        directory.write("archive/namen/-strich.html", good(101))
        directory.write("archive/namen/zeilen\numbruch.html", good(102))
        directory.write("archive/namen/" + String(repeating: "lang", count: 60) + ".html", good(103))
        directory.write("archive/namen/ümläut.HTM", good(104))
        let rawName = directory.path("archive/namen") + "/latin1-\u{FFFD}.html"
        _ = rawName
        let badName = Array(directory.path("archive/namen/latin1-").utf8) + [0xE4] + Array(".html".utf8) + [0]
        let fd = badName.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        if fd >= 0 {
            _ = good(105).withCString { write(fd, $0, strlen($0)) }
            close(fd)
        }
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory.path("archive/ordner.html"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: directory.path("archive/schleife"), withDestinationPath: directory.path("archive"))
        try manager.createSymbolicLink(atPath: directory.path("archive/gut/link.html"), withDestinationPath: directory.path("archive/gut/0.html"))
        try manager.createSymbolicLink(atPath: directory.path("archive/tot.html"), withDestinationPath: directory.path("nirgends.html"))
        #expect(mkfifo(directory.path("archive/fifo.html"), 0o644) == 0)
        return directory.path("archive")
    }

    @Test func indexesEveryGoodArticleAroundTheBadFiles() throws {
        let directory = TemporaryDirectory()
        let archive = try makeArchive(directory)
        let database = directory.path("index.db")
        let started = Date()
        let result = try runProcess(TestPaths.binary, ["index", archive, "--db", database])
        #expect(Date().timeIntervalSince(started) < 120)
        #expect(result.status == 2, "some files were skipped: \(result.standardError)")
        #expect(!result.standardError.contains("Fatal error") && !result.standardError.contains("Stack"))
        let skipped = result.standardError.split(separator: "\n")
        #expect(skipped.allSatisfy { $0.hasPrefix("stichwort: skipped ") })
        for name in ["binaer.html", "leer.html", "gross.html", "latin1-"] {
            #expect(skipped.contains { $0.contains(name) }, "\(name) is reported")
        }
        for n in 0..<Self.goodCount {
            let search = try runProcess(TestPaths.binary, ["search", "--db", database, "--paths", "Wortmarker\(n)x"])
            #expect(search.standardOutput == "gut/\(n).html\n")
        }
        for n in 100...104 {
            let search = try runProcess(TestPaths.binary, ["search", "--db", database, "--count", "Wortmarker\(n)x"])
            #expect(search.standardOutput == "1\n", "odd name \(n)")
        }
        let check = try runProcess(TestPaths.binary, ["check", "--db", database])
        #expect(check.status == 0, "\(check.standardError)")
        // A second run over the same archive changes nothing and reports the same files again.
        let again = try runProcess(TestPaths.binary, ["index", archive, "--db", database, "--quiet"])
        #expect(again.status == 2)
        #expect(again.standardOutput.isEmpty)
    }
}
