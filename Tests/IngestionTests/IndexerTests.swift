import Foundation
import IndexStore
import Ingestion
import Query
import TestSupport
import Testing

@Suite struct IndexerTests {
    let archive = TemporaryDirectory()
    let work = TemporaryDirectory()

    func page(_ title: String, _ text: String) -> String {
        "<html><head><meta charset=utf-8><title>\(title)</title></head><body><article><h1>\(title)</h1><p>\(text)</p></article></body></html>"
    }

    func paths(_ index: ArticleIndex, _ query: String) throws -> [String] {
        try Searcher(index: index).search(query).hits.map(\.path).sorted()
    }

    @Test func indexesThenFollowsChangesMovesAndDeletions() throws {
        archive.write("2022/01/a.html", page("Erster Artikel", "Die Mulde führt Hochwasser."))
        archive.write("2022/01/b.html", page("Zweiter Artikel", "Der Marathon endete mit einem Rekord."))
        archive.write("2022/02/c.txt", "Title: Dritter Artikel\n\nDas Freibad öffnet wieder.")
        archive.write("2022/02/d.html", page("Vierter Artikel", "Die Luchse im Tierpark wachsen."))
        let index = try ArticleIndex(path: work.path("index.db"), access: .write)
        let indexer = Indexer(index: index)
        let first = try indexer.run(root: archive.url.path)
        #expect(first.added == 4 && first.failures.isEmpty && first.documents == 4)

        let noOp = try indexer.run(root: archive.url.path)
        #expect(noOp.unchanged == 4 && noOp.added + noOp.changed + noOp.moved + noOp.removed == 0)

        archive.write("2022/01/a.html", page("Erster Artikel", "Die Mulde führt Hochwasser. Neu: Sandsäcke."))
        try FileManager.default.createDirectory(at: archive.url.appendingPathComponent("moved"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: archive.path("2022/01/b.html"), toPath: archive.path("moved/b.html"))
        try FileManager.default.removeItem(atPath: archive.path("2022/02/d.html"))
        archive.write("2022/03/e.html", page("Fünfter Artikel", "Ein Solarpark geht ans Netz."))
        let update = try indexer.run(root: archive.url.path)
        #expect(update.changed == 1 && update.moved == 1 && update.removed == 1 && update.added == 1)
        #expect(update.documents == 4)
        #expect(try paths(index, "Sandsäcke") == ["2022/01/a.html"])
        #expect(try paths(index, "Marathon") == ["moved/b.html"])
        #expect(try paths(index, "Luchse").isEmpty)
        #expect(try paths(index, "Solarpark") == ["2022/03/e.html"])
        #expect(try index.check().isEmpty)

        // Touched (new mtime, same bytes): bookkeeping only.
        let future = Date().addingTimeInterval(3600)
        try FileManager.default.setAttributes([.modificationDate: future], ofItemAtPath: archive.path("2022/03/e.html"))
        let touch = try indexer.run(root: archive.url.path)
        #expect(touch.changed == 0 && touch.added == 0 && touch.touched == 1 && touch.unchanged == 3)
    }

    @Test func badFilesAreReportedAndSkippedWhileTheRestIsIndexed() throws {
        archive.write("good.html", page("Guter Artikel", "Der Stadtrat tagt am Montag."))
        archive.write("empty.html", [])
        archive.write("binary.html", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02])
        archive.write("notes.pdf", "ignored: not an article extension")
        archive.write(".hidden/secret.html", page("Versteckt", "Geheim."))
        try FileManager.default.createDirectory(atPath: archive.path("folder.html"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: archive.path("loop"), withDestinationPath: archive.url.path)
        try FileManager.default.createSymbolicLink(atPath: archive.path("link.html"), withDestinationPath: archive.path("good.html"))
        #expect(mkfifo(archive.path("pipe.html"), 0o644) == 0)
        let index = try ArticleIndex(path: work.path("index.db"), access: .write)
        var reported: [String] = []
        let report = try Indexer(index: index).run(root: archive.url.path, failed: { path, _ in reported.append(path) })
        #expect(report.added == 1)
        #expect(reported.sorted() == ["binary.html", "empty.html"])
        #expect(try paths(index, "Stadtrat") == ["good.html"])
        #expect(try paths(index, "Geheim").isEmpty)
    }

    @Test func aMissingArchiveIsAFatalError() throws {
        let index = try ArticleIndex(path: work.path("index.db"), access: .write)
        #expect {
            _ = try Indexer(index: index).run(root: archive.path("nowhere"))
        } throws: { error in
            "\(error)".contains("does not exist")
        }
    }

    @Test func aFullDiskRollsBackTheBatchAndLeavesTheIndexAsItWas() throws {
        archive.write("a.html", page("Erster Artikel", "Die Mulde führt Hochwasser."))
        let index = try ArticleIndex(path: work.path("index.db"), access: .write)
        _ = try Indexer(index: index).run(root: archive.url.path)
        let filler = (0..<400).map { "Wort\($0) Satz mit Inhalt Nummer \($0)." }.joined(separator: " ")
        for n in 0..<40 { archive.write("big/\(n).html", page("Großer Artikel \(n)", filler)) }
        let pages = try #require(try index.connection.scalarInt("PRAGMA page_count"))
        try index.connection.execute("PRAGMA max_page_count = \(pages + 8)")
        #expect {
            _ = try Indexer(index: index).run(root: archive.url.path)
        } throws: { error in
            "\(error)".contains("disk is full")
        }
        try index.connection.execute("PRAGMA max_page_count = 1073741823")
        #expect(try index.documentCount() == 1)
        #expect(try index.check().isEmpty)
        let retry = try Indexer(index: index).run(root: archive.url.path)
        #expect(retry.added == 40 && retry.documents == 41)
    }

    @Test func anEmptyArchiveFolderDoesNotEmptyTheIndex() throws {
        archive.write("a.html", page("Erster Artikel", "Die Mulde führt Hochwasser."))
        let index = try ArticleIndex(path: work.path("index.db"), access: .write)
        _ = try Indexer(index: index).run(root: archive.url.path)
        try FileManager.default.removeItem(atPath: archive.path("a.html"))
        #expect {
            _ = try Indexer(index: index).run(root: archive.url.path)
        } throws: { error in
            "\(error)".contains("refusing to remove all 1")
        }
        #expect(try index.documentCount() == 1)
        var options = Indexer.Options()
        options.allowEmptyArchive = true
        #expect(try Indexer(index: index, options: options).run(root: archive.url.path).removed == 1)
    }

    @Test(arguments: [1, 3])
    func transactionsSpanSeveralBatchesAndTheLastOnesArePartial(batchesAhead: Int) throws {
        for n in 0..<7 { archive.write("a\(n).html", page("Artikel \(n)", "Meldung Nummer \(n) über Hochwasser.")) }
        let index = try ArticleIndex(path: work.path("index.db"), access: .write)
        var options = Indexer.Options()
        options.batchSize = 2
        options.transactionSize = 5
        options.batchesAhead = batchesAhead
        var reported: [Int] = []
        let report = try Indexer(index: index, options: options).run(root: archive.url.path) { done, total in
            #expect(total == 7)
            reported.append(done)
        }
        #expect(report.added == 7 && report.documents == 7)
        #expect(reported == [2, 4, 6, 7])
        #expect(try paths(index, "Hochwasser").count == 7)
        #expect(try index.check().isEmpty)
    }

    @Test func theWalkIsInTheByteOrderOfPathsAsSQLiteSortsThem() throws {
        // A depth-first walk by names alone would put a/x.html before a-b.html ('-' < '/').
        let names = ["a.html", "a-b.html", "a/x.html", "a/b/c.html", "a0.html", "B.html", "ä.html", "ab/z.txt", "a b.htm"]
        for name in names { archive.write(name, "Title: \(name)\n\nText.") }
        archive.write("a/.hidden.html", "skipped")
        archive.write("a/notes.pdf", "skipped")
        let walked = try ArchiveWalker().walk(root: archive.url.path).files.map(\.path)
        #expect(walked == names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    @Test func aRunMergesTheWalkWithTheIndexWhateverTheNamesOrder() throws {
        for name in ["a.html", "a-b.html", "a/x.html", "a0.html", "ä.html", "z.html"] {
            archive.write(name, page("Artikel \(name)", "Bericht aus \(name) über den Stadtrat."))
        }
        let index = try ArticleIndex(path: work.path("index.db"), access: .write)
        #expect(try Indexer(index: index).run(root: archive.url.path).added == 6)
        try FileManager.default.removeItem(atPath: archive.path("a/x.html"))
        archive.write("a-b.html", page("Artikel a-b", "Geänderter Bericht über den Stadtrat."))
        archive.write("a/y.html", page("Neu", "Ein neuer Bericht über den Stadtrat."))
        try FileManager.default.moveItem(atPath: archive.path("z.html"), toPath: archive.path("a/z.html"))
        let update = try Indexer(index: index).run(root: archive.url.path)
        #expect(update.changed == 1 && update.removed == 1 && update.added == 1 && update.moved == 1)
        #expect(update.unchanged == 3 && update.documents == 6)
        #expect(try paths(index, "Stadtrat") == ["a-b.html", "a.html", "a/y.html", "a/z.html", "a0.html", "ä.html"])
        #expect(try index.check().isEmpty)
        let noOp = try Indexer(index: index).run(root: archive.url.path)
        #expect(noOp.unchanged == 6 && noOp.added + noOp.changed + noOp.moved + noOp.removed == 0)
    }

    @Test func namesThatDifferOnlyInUnicodeNormalisationAreTwoFiles() throws {
        // "Café" composed (é) and decomposed (e + U+0301): equal as Swift strings, two files on disk.
        archive.write("Caf\u{E9}.html", page("Komponiert", "Der Stadtrat tagt."))
        archive.write("Cafe\u{301}.html", page("Zerlegt", "Der Stadtrat tagt."))
        let index = try ArticleIndex(path: work.path("index.db"), access: .write)
        #expect(try Indexer(index: index).run(root: archive.url.path).added == 2)
        let noOp = try Indexer(index: index).run(root: archive.url.path)
        #expect(noOp.unchanged == 2 && noOp.added + noOp.changed + noOp.removed == 0)
        #expect(try index.check().isEmpty)
    }

    @Test func theLockAdmitsOneWriter() throws {
        let database = work.path("index.db")
        let first = try IndexLock(databasePath: database, wait: false)
        #expect {
            _ = try IndexLock(databasePath: database, wait: false)
        } throws: { error in
            "\(error)".contains("another stichwort run")
        }
        withExtendedLifetime(first) {}
    }
}
