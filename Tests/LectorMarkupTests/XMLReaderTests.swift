import Foundation
import LectorCore
import Testing

@testable import LectorMarkup

@Suite struct XMLReaderTests {
    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Calder Gazette</title>
        <item><title>Ferry returns</title><link>https://example.org/ferry</link>
        <pubDate>Tue, 05 Mar 2024 10:20:30 +0100</pubDate><dc:creator>Ines Marlow</dc:creator>
        <category>Transport</category>
        <description>Short summary.</description>
        <content:encoded><![CDATA[<p>Evening crossings <b>resume</b>.</p><p>Fares unchanged.</p>]]></content:encoded></item>
        <item><title>Market day</title><link>https://example.org/market</link>
        <description>&lt;p&gt;Stalls open at &lt;i&gt;nine&lt;/i&gt;.&lt;/p&gt;</description></item>
        </channel></rss>
        """

    @Test func rssGivesOneDocumentPerItemWithNumberedIds() {
        let outcomes = readOutcomes(Array(Self.rss.utf8), id: "feed.xml", hint: "xml")
        #expect(outcomes.map(\.id) == ["feed.xml#1", "feed.xml#2"])
    }

    @Test func rssItemMetadataAndContentEncoded() throws {
        let outcomes = readOutcomes(Array(Self.rss.utf8), id: "feed.xml", hint: "xml")
        guard case .processed(let first) = outcomes[0], case .processed(let second) = outcomes[1] else {
            Issue.record("items not processed")
            return
        }
        #expect(first.format == "rss")
        #expect(first.title == "Ferry returns")
        #expect(first.metadata["link"] == "https://example.org/ferry")
        #expect(first.metadata["date"] == "2024-03-05T09:20:30Z")
        #expect(first.metadata["author"] == "Ines Marlow")
        #expect(first.metadata["tags"] == "Transport")
        #expect(first.text == "Ferry returns\n\nEvening crossings resume.\n\nFares unchanged.")
        #expect(second.text == "Market day\n\nStalls open at nine.")
    }

    @Test func atomEntriesWithHTMLAndXHTMLContent() throws {
        let atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette</title>
            <entry><title>One</title><link rel="alternate" href="https://example.org/1"/><updated>2024-03-06T08:00:00Z</updated>
            <published>2024-03-05T08:00:00-05:00</published><author><name>A. Writer</name></author>
            <content type="html">&lt;p&gt;Body &amp;amp; more&lt;/p&gt;</content></entry>
            <entry><title>Two</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>X one</p><p>X two</p></div></content></entry>
            </feed>
            """
        let outcomes = readOutcomes(Array(atom.utf8), id: "news.atom", hint: "atom")
        #expect(outcomes.map(\.id) == ["news.atom#1", "news.atom#2"])
        guard case .processed(let first) = outcomes[0], case .processed(let second) = outcomes[1] else {
            Issue.record("entries not processed")
            return
        }
        #expect(first.format == "atom")
        #expect(first.metadata["date"] == "2024-03-05T13:00:00Z")
        #expect(first.metadata["author"] == "A. Writer")
        #expect(first.metadata["link"] == "https://example.org/1")
        #expect(first.text == "One\n\nBody & more")
        #expect(blocks(second) == ["Two", "X one", "X two"])
    }

    @Test func nitfGivesHeadlineAndBody() throws {
        let nitf = """
            <?xml version="1.0"?><nitf><head><title>Head title</title><docdata><date.issue norm="20240305T101500Z"/>
            <key-list><keyword key="ferries"/></key-list></docdata></head>
            <body><body.head><hedline><hl1>Ferry returns to Calder Bay</hl1></hedline><byline>By Ines Marlow</byline></body.head>
            <body.content><p>First paragraph.</p><p>Second paragraph.</p></body.content></body></nitf>
            """
        let document = try #require(readDocument(nitf, hint: "xml"))
        #expect(document.format == "nitf")
        #expect(document.title == "Ferry returns to Calder Bay")
        #expect(document.metadata["date"] == "2024-03-05T10:15:00Z")
        #expect(document.metadata["tags"] == "ferries")
        #expect(blocks(document) == ["Ferry returns to Calder Bay", "By Ines Marlow", "First paragraph.", "Second paragraph."])
        #expect(document.annotations(.paragraph).first?.label == "heading")
    }

    @Test func genericXMLUsesElementStructure() throws {
        let xml = """
            <report><title>Annual</title><section><para>First <em>mixed</em> text.</para><para>Second.</para></section>
            <note>Leaf note</note></report>
            """
        let document = try #require(readDocument(xml, hint: "xml"))
        #expect(document.format == "xml")
        #expect(document.title == "Annual")
        #expect(blocks(document) == ["Annual", "First mixed text.", "Second.", "Leaf note"])
    }

    @Test func billionLaughsFailsFastOrStaysSmall() throws {
        let url = repositoryRoot.appendingPathComponent("examples/broken/billion-laughs.xml")
        let bytes = [UInt8](try Data(contentsOf: url))
        let outcomes = readOutcomes(bytes, hint: "xml")
        #expect(outcomes.count == 1)
        switch outcomes.first {
        case .processed(let document): #expect(document.text.utf8.count < 10_000)
        case .failed(let failure): #expect(failure.stage == "read")
        case nil: Issue.record("no outcome")
        }
    }

    @Test func externalEntityIsNeverRead() throws {
        let url = repositoryRoot.appendingPathComponent("examples/broken/external-entity.xml")
        let bytes = [UInt8](try Data(contentsOf: url))
        let outcomes = readOutcomes(bytes, hint: "xml")
        if case .processed(let document) = outcomes.first {
            #expect(!document.text.contains("root:"))
            #expect(document.text.contains("Before the entity."))
        }
        for outcome in outcomes {
            if case .failed(let failure) = outcome { #expect(!failure.message.contains("root:")) }
        }
    }

    @Test func xmlDeepNestingIsSafe() {
        let depth = 100_000
        let xml = String(repeating: "<a>", count: depth) + "deep" + String(repeating: "</a>", count: depth)
        let outcomes = readOutcomes(Array(xml.utf8), hint: "xml")
        #expect(outcomes.count == 1)
    }

    @Test func feedWithoutItemsFails() {
        let message = failureMessage(readOutcomes(Array("<rss><channel><title>T</title></channel></rss>".utf8), hint: "rss"))
        #expect(message == "feed has no items")
    }
}

@Suite struct XMLProfileTests {
    static let xml = """
        <?xml version="1.0"?><story id="s1"><meta><headline>Harbour reopens</headline><when>2024-03-05</when>
        <by>Ines Marlow</by><by>Tom Reyes</by></meta><navigation>Home | News</navigation>
        <content><para>First paragraph.</para><para>Second paragraph.</para></content></story>
        """

    @Test func profileSelectsBodyAndMetadataByXPath() throws {
        let profile = XMLProfile(body: "/story/content", title: "//headline", date: "//when/text()", author: "//by")
        let options = ReaderOptions(xmlProfile: profile)
        let document = try #require(readDocument(Self.xml, hint: "xml", options: options))
        #expect(blocks(document) == ["First paragraph.", "Second paragraph."])
        #expect(document.title == "Harbour reopens")
        #expect(document.metadata["date"] == "2024-03-05")
        #expect(document.metadata["authors"] == "Ines Marlow; Tom Reyes")
    }

    @Test func profileAttributesAreText() throws {
        let profile = XMLProfile(body: "//content", title: "/story/@id")
        let document = try #require(readDocument(Self.xml, hint: "xml", options: ReaderOptions(xmlProfile: profile)))
        #expect(document.title == "s1")
    }

    @Test func itemExpressionMakesOneDocumentPerItemWithRelativeFields() throws {
        let xml = """
            <feed-dump><entry id="a"><h>First</h><p>One.</p></entry><entry id="b"><h>Second</h><p>Two.</p></entry></feed-dump>
            """
        let profile = XMLProfile(item: "//entry", body: "./p", title: "./h", author: "@id")
        let outcomes = readOutcomes(Array(xml.utf8), id: "dump.xml", hint: "xml", options: ReaderOptions(xmlProfile: profile))
        let documents = outcomes.compactMap { if case .processed(let document) = $0 { document } else { nil } }
        #expect(documents.map(\.id) == ["dump.xml#1", "dump.xml#2"])
        #expect(documents.map(\.text) == ["One.", "Two."])
        #expect(documents.map(\.title) == ["First", "Second"])
        #expect(documents.map { $0.metadata["authors"] } == ["a", "b"])
        #expect(documents.reduce(0) { $0 + $1.sourceBytes } == xml.utf8.count)
    }

    @Test func itemExpressionSelectingNothingFails() {
        let profile = XMLProfile(item: "//missing")
        let message = failureMessage(readOutcomes(Array(Self.xml.utf8), hint: "xml", options: ReaderOptions(xmlProfile: profile)))
        #expect(message == "the XML profile's item expression '//missing' selected no element")
    }

    @Test func defaultBodyIsTheWholeDocument() throws {
        let document = try #require(readDocument(Self.xml, hint: "xml", options: ReaderOptions(xmlProfile: XMLProfile(title: "//headline"))))
        #expect(document.text.contains("Second paragraph."))
        #expect(document.title == "Harbour reopens")
    }

    @Test func invalidXPathIsReportedBeforeReading() {
        #expect(XMLProfile(body: "//content[").validationError() == "body: invalid XPath expression '//content['")
        #expect(XMLProfile(body: "//content", title: "//headline").validationError() == nil)
    }
}
