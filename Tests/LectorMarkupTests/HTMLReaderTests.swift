import LectorCore
import Testing

@testable import LectorMarkup

@Suite struct HTMLReaderTests {
    @Test func blocksAreSeparatedByBlankLinesAndLabelled() throws {
        let html = """
            <html><body><h1>Big  news</h1><p>First   paragraph.</p>
            <ul><li>One</li><li>Two</li></ul><blockquote><p>Quoted</p></blockquote>
            <table><tr><td>Cell A</td><td>Cell B</td></tr></table><pre>line 1
            line 2</pre><figure><figcaption>A caption</figcaption></figure></body></html>
            """
        let document = try #require(readDocument(html, hint: "html"))
        #expect(document.text == "Big news\n\nFirst paragraph.\n\nOne\n\nTwo\n\nQuoted\n\nCell A\n\nCell B\n\nline 1\nline 2\n\nA caption")
        let labels = document.annotations(.paragraph).map(\.label)
        #expect(labels == ["heading", "p", "list-item", "list-item", "quote", "cell", "cell", "pre", "caption"])
    }

    @Test func paragraphLayerMatchesBlocksByteOffsets() throws {
        let document = try #require(readDocument("<p>Café déjà vu</p><p>Ünïcödé</p>", hint: "html"))
        #expect(blocks(document) == ["Café déjà vu", "Ünïcödé"])
        #expect(document.annotations(.paragraph)[1].start == "Café déjà vu\n\n".utf8.count)
    }

    @Test func inlineElementsJoinWithoutLosingOrDoublingSpaces() throws {
        let html = "<p>The <b>quick</b> <i> brown </i>fox<span>es</span> jump<a href='#'> over </a> it.</p>"
        let document = try #require(readDocument(html, hint: "html"))
        #expect(document.text == "The quick brown foxes jump over it.")
    }

    @Test func lineBreakBecomesNewlineInsideBlock() throws {
        let document = try #require(readDocument("<p>12 High Street<br>  Calder Bay <br/>CB1</p>", hint: "html"))
        #expect(document.text == "12 High Street\nCalder Bay\nCB1")
        #expect(document.annotations(.paragraph).count == 1)
    }

    @Test func doubleLineBreakSplitsBlocks() throws {
        let document = try #require(readDocument("<div>First part.<br><br>Second part.</div>", hint: "html"))
        #expect(blocks(document) == ["First part.", "Second part."])
    }

    @Test func scriptsStylesAndFormControlsAreDropped() throws {
        let html = """
            <head><style>p{}</style><script>var x = 1;</script></head><body><p>Kept<script>alert(1)</script></p>
            <noscript>enable js</noscript><template><p>tpl</p></template><svg><text>svg</text></svg>
            <form><label>Name</label><input value="x"><select><option>Opt</option></select><button>Go</button></form></body>
            """
        let document = try #require(readDocument(html, hint: "html"))
        #expect(document.text == "Kept\n\nName")
    }

    @Test func entitiesAreDecoded() throws {
        let document = try #require(readDocument("<p>Fish &amp; chips &ndash; &#163;5 &#x20AC;&nbsp;3 &eacute;t&eacute;</p>", hint: "html"))
        #expect(document.text == "Fish & chips – £5 € 3 été")
    }

    @Test func metadataComesFromHeadAndOpenGraph() throws {
        let html = """
            <html lang="en-GB"><head><title>Ferry returns | Calder Gazette</title>
            <meta name="description" content="Evening crossings resume."><meta name="author" content="Ines Marlow">
            <meta name="keywords" content="ferry, island"><meta property="og:title" content="Ferry returns">
            <meta property="article:published_time" content="2024-03-05T10:00:00Z"></head><body><p>Text.</p></body></html>
            """
        let document = try #require(readDocument(html, hint: "html"))
        #expect(document.metadata["lang"] == "en")
        #expect(document.metadata["description"] == "Evening crossings resume.")
        #expect(document.metadata["author"] == "Ines Marlow")
        #expect(document.metadata["keywords"] == "ferry, island")
        #expect(document.metadata["article:published_time"] == "2024-03-05T10:00:00Z")
        #expect(document.title == "Ferry returns")
        #expect(document.format == "html")
    }

    @Test func metaCharsetLatin1IsHonouredForRawBytes() throws {
        var bytes = Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf".utf8)
        bytes += [0xE9, 0x20, 0x93, 0x71, 0x94]  // é “q” (0x93/0x94 are Windows-1252 quotes)
        bytes += Array("</p></body></html>".utf8)
        let document = try #require(readDocument(bytes, hint: "html"))
        #expect(document.text == "Café “q”")
    }

    @Test func undeclaredUTF8IsReadAsUTF8() throws {
        let document = try #require(readDocument("<p>Zürich – naïve</p>", hint: "html"))
        #expect(document.text == "Zürich – naïve")
    }

    @Test func malformedHTMLIsStillRead() throws {
        let document = try #require(readDocument("<div><p>Unclosed <b>bold<p>Next<li>item", hint: "html"))
        #expect(blocks(document) == ["Unclosed bold", "Next", "item"])
    }

    @Test func deepNestingDoesNotOverflowTheStack() throws {
        let depth = 100_000
        let html = "<p>Intro</p>" + String(repeating: "<div>", count: depth) + "deep text"
            + String(repeating: "</div>", count: depth) + "<p>Outro</p>"
        let outcome = readDocument(html, hint: "html")
        let document = try #require(outcome)
        #expect(document.text.hasPrefix("Intro"))
        #expect(document.diagnostics.contains { $0.message.contains("nested deeper") })
    }

    @Test func hugeTextNodeIsRead() throws {
        let word = "lorem "
        let html = "<p>" + String(repeating: word, count: 200_000) + "</p>"
        let outcome = readDocument(html, hint: "html")
        let document = try #require(outcome)
        #expect(document.text.utf8.count == word.utf8.count * 200_000 - 1)
    }

    @Test func pageWithoutTextFails() {
        let message = failureMessage(readOutcomes(Array("<html><body><script>x()</script></body></html>".utf8), hint: "html"))
        #expect(message == "no text found in document")
    }

    @Test func unknownExtensionIsSniffedAsHTML() throws {
        let document = try #require(readDocument("<!DOCTYPE html><html><body><p>Sniffed</p></body></html>", hint: "dat"))
        #expect(document.format == "html")
        #expect(document.text == "Sniffed")
    }
}

@Suite struct HTMLEncodingRepairTests {
    @Test func utf8WithOneBrokenSequenceStaysUTF8() throws {
        var bytes = Array("<html><head><meta charset=\"utf-8\"></head><body><p>Łódź, Gdańsk, Kraków, Wrocław, Poznań, Białystok. Łódź, Gdańsk, Kraków, Wrocław.".utf8)
        bytes += [0xC3]  // a truncated character
        bytes += Array(" Koniec.</p></body></html>".utf8)
        let document = try #require(readDocument(bytes, hint: "html"))
        #expect(document.text.hasPrefix("Łódź, Gdańsk"))
        #expect(document.text.hasSuffix("Koniec."))
    }

    @Test func windows1252UndefinedBytesDoNotStopTheParse() throws {
        var bytes = Array("<html><head><meta charset=\"windows-1252\"></head><body><p>Before ".utf8)
        bytes += [0x81, 0x8D, 0x93]
        bytes += Array("after.</p><p>Second block.</p></body></html>".utf8)
        let document = try #require(readDocument(bytes, hint: "html"))
        #expect(document.text.hasSuffix("Second block."))
    }

    @Test func nulBytesInHTMLDoNotEndTheParse() throws {
        let bytes = Array("<html><body><p>One</p>".utf8) + [0] + Array("<p>Two</p></body></html>".utf8)
        let document = try #require(readDocument(bytes, hint: "html"))
        #expect(document.text == "One\n\nTwo")
    }
}
