import HTMLTree
import Testing

/// The compact tree built from libxml2's SAX events.
@Suite struct HTMLDocumentTests {
    func parse(_ html: String) throws -> HTMLDocument {
        try #require(HTMLDocument.parse(Array(html.utf8), encoding: "UTF-8"))
    }

    @Test func buildsElementsAndTextInDocumentOrder() throws {
        let document = try parse("<html><body><div id=a><p>Eins <b>zwei</b> drei</p><p>vier</p></div></body></html>")
        #expect(document.root.name == "html")
        let div = try #require(document.root.firstDescendant { $0[attribute: "id"] == "a" })
        #expect(div.childElements.map(\.name) == ["p", "p"])
        #expect(div.textContent == "Eins zwei dreivier")
        let paragraphs = document.root.descendants { $0.name == "p" }
        #expect(paragraphs.count == 2)
        #expect(paragraphs[0].documentOrder < paragraphs[1].documentOrder)
        #expect(paragraphs[0].parent == div)
        var pieces: [String] = []
        for child in paragraphs[0].children {
            switch child {
            case .text(let text): pieces.append("text:" + text.string)
            case .element(let element): pieces.append("element:" + element.name)
            }
        }
        #expect(pieces == ["text:Eins ", "element:b", "text: drei"])
    }

    @Test func entitiesJoinTheirTextRun() throws {
        let document = try parse("<p>Fish &amp; Chips &ndash; gr&uuml;n</p>")
        let paragraph = try #require(document.root.firstDescendant { $0.name == "p" })
        let texts = paragraph.children.compactMap { if case .text(let text) = $0 { text.string } else { nil } }
        #expect(texts == ["Fish & Chips – grün"])
    }

    /// Hundreds of distinct tag and attribute names (custom elements) keep their own names: the
    /// builder's table of names grows past its first size.
    @Test func manyDistinctNamesKeepTheirNames() throws {
        let elements = (0..<400).map { "<x-tag\($0) data-a\($0)=\"v\($0)\">t\($0)</x-tag\($0)>" }.joined()
        let document = try parse("<html><body>\(elements)</body></html>")
        let tags = document.root.descendants { $0.name.hasPrefix("x-tag") }
        #expect(tags.count == 400)
        for (n, tag) in tags.enumerated() {
            #expect(tag.name == "x-tag\(n)")
            #expect(tag[attribute: "data-a\(n)"] == "v\(n)")
            #expect(tag.textContent == "t\(n)")
        }
    }

    @Test func namesAreLowerCaseAndTheFirstAttributeWins() throws {
        let document = try parse("<DIV CLASS=\"Share-Bar top\" class=second Hidden><P>x</P></DIV>")
        let div = try #require(document.root.firstDescendant { $0.name == "div" })
        #expect(div[attribute: "class"] == "Share-Bar top")
        #expect(div[attribute: "hidden"] == "")
        #expect(div[attribute: "missing"] == nil)
        #expect(div.classAndIDWords == ["share-bar", "share", "bar", "top"])
    }

    @Test func scriptsStylesAndCommentsAreDroppedButJSONLDIsKept() throws {
        let document = try parse("""
            <html><head><style>p { color: red }</style><script>var x = "<p>no</p>";</script>
            <script type="application/ld+json">{"headline": "Titel"}</script></head>
            <body><!-- Kommentar --><noscript><p>ohne</p></noscript><svg><text>Grafik</text></svg><p>Text</p></body></html>
            """)
        #expect(document.root.descendants { $0.name == "style" || $0.name == "noscript" || $0.name == "svg" }.isEmpty)
        let scripts = document.root.descendants { $0.name == "script" }
        #expect(scripts.count == 1)
        #expect(scripts.first?.textContent == "{\"headline\": \"Titel\"}")
        let body = try #require(document.root.firstDescendant { $0.name == "body" })
        #expect(body.textContent.split(whereSeparator: \.isWhitespace) == ["Text"])
    }

    @Test func deepNestingIsFlattenedIntoText() throws {
        let depth = 100_000
        let document = try parse("<html><body>" + String(repeating: "<div>", count: depth) + "<p>tief</p>"
            + String(repeating: "</div>", count: depth) + "<p>danach</p></body></html>")
        var deepest = document.root
        var levels = 0
        while let next = deepest.childElements.first {
            deepest = next
            levels += 1
        }
        #expect(levels <= HTMLDocument.maximumDepth + 1)
        #expect(document.root.textContent.contains("tief"))
        #expect(document.root.descendants { $0.name == "p" }.contains { $0.textContent == "danach" })
    }

    @Test func anEndTagClosesWhatIsStillOpenInsideAsInHTML5() throws {
        let document = try parse("<body><nav><div class=menu><a href=/>Start</a></nav><p id=text>Artikel</p><div>x</div></body>")
        let paragraph = try #require(document.root.firstDescendant { $0[attribute: "id"] == "text" })
        #expect(paragraph.parent?.name == "body")
        // An end tag never closes across a table cell.
        let table = try parse("<div id=outer><table><tr><td><div id=inner>a</td></tr></table></div><p id=after>b</p>")
        let after = try #require(table.root.firstDescendant { $0[attribute: "id"] == "after" })
        #expect(after.parent?.name == "body")
    }

    @Test func annotationsAreKeptPerElement() throws {
        let document = try parse("<div><p>a</p><p>b</p></div>")
        let paragraphs = document.root.descendants { $0.name == "p" }
        paragraphs[0].annotation = 5
        #expect(paragraphs[0].annotation == 5)
        #expect(paragraphs[1].annotation == 0)
    }

    @Test func emptyInputHasNoDocument() {
        #expect(HTMLDocument.parse([], encoding: "UTF-8") == nil)
    }
}
