import Foundation
import LectorCore
import Testing

@testable import LectorMarkup

@Suite struct ArticleExtractionTests {
    static let page = """
        <!DOCTYPE html><html lang="en"><head><title>Ferry returns to Calder Bay | Calder Gazette</title>
        <meta property="og:site_name" content="Calder Gazette">
        <link rel="canonical" href="https://gazette.example/2024/03/05/ferry-returns">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
        "headline":"Ferry returns to Calder Bay","datePublished":"2024-03-05T10:20:30+01:00",
        "author":[{"@type":"Person","name":"Ines Marlow"},{"@type":"Person","name":"Tom Reyes"}],
        "publisher":{"@type":"Organization","name":"Calder Gazette"},"articleSection":"Transport",
        "keywords":"ferries, island, transport","description":"Evening crossings resume next month."}</script>
        </head><body>
        <div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies?</p></div>
        <nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
        <li><a href="/sport">Sport</a></li></ul></nav>
        <main><article>
        <h1>Ferry returns to Calder Bay</h1>
        <p class="lead">Evening crossings to the island will resume next month, the operator said on Tuesday.</p>
        <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share by email</a></div>
        <div class="article-body">
        <p>The ferry company, which suspended the late sailings in the autumn, said that staffing had recovered and
        that the two evening departures, at six and nine o'clock, would run every day from the first of April.</p>
        <p>Captain Ines Marlow, who has run the route for nine years, called the decision good news for islanders,
        many of whom work late shifts on the mainland and had relied on expensive water taxis.</p>
        <h2>Fares unchanged</h2>
        <p>Fares will stay at the winter level, a spokesman said, although a review is planned for the summer, when
        tourist traffic usually doubles and the operator adds a third vessel to the crossing.</p>
        </div>
        <aside class="related"><h3>Related articles</h3><ul><li><a href="/a">Harbour wall repaired after storm</a></li>
        <li><a href="/b">Island school gets new roof</a></li></ul></aside>
        </article>
        <section class="comments"><h3>Comments</h3><p>Finally! I have been waiting for this since October, brilliant
        news for all of us who work in town.</p></section>
        </main>
        <footer><p>Copyright 2024 Calder Gazette. All rights reserved.</p></footer>
        </body></html>
        """

    func article() throws -> Document {
        let document = readDocument(Self.page, hint: "html", options: ReaderOptions(htmlMode: .article))
        return try #require(document)
    }

    @Test func articleModeKeepsTheArticleBody() throws {
        let text = try article().text
        #expect(text.contains("Evening crossings to the island will resume next month"))
        #expect(text.contains("Captain Ines Marlow, who has run the route"))
        #expect(text.contains("Fares unchanged"))
        #expect(text.contains("tourist traffic usually doubles"))
    }

    @Test func articleModeDropsPageFurniture() throws {
        let text = try article().text
        for furniture in ["We use cookies", "Home", "Share on Facebook", "Related articles", "Harbour wall", "Finally!", "Copyright"] {
            #expect(!text.contains(furniture), "kept \(furniture)")
        }
    }

    @Test func fullModeKeepsEverything() throws {
        let document = try #require(readDocument(Self.page, hint: "html", options: ReaderOptions(htmlMode: .full)))
        #expect(document.text.contains("We use cookies"))
        #expect(document.text.contains("Copyright 2024"))
    }

    @Test func articleParagraphLayerFollowsTheTextContract() throws {
        let document = try article()
        let paragraphs = document.annotations(.paragraph)
        #expect(!paragraphs.isEmpty)
        #expect(paragraphs.allSatisfy { !$0.range.isEmpty })
        #expect(!document.text.contains("\n\n\n"))
        #expect(paragraphs.contains { $0.label == "heading" && document.text(in: $0.range) == "Fares unchanged" })
    }

    @Test func metadataFromStructuredData() throws {
        let metadata = try article().metadata
        #expect(metadata["title"] == "Ferry returns to Calder Bay")
        #expect(metadata["authors"] == "Ines Marlow; Tom Reyes")
        #expect(metadata["date"] == "2024-03-05T09:20:30Z")
        #expect(metadata["site_name"] == "Calder Gazette")
        #expect(metadata["url"] == "https://gazette.example/2024/03/05/ferry-returns")
        #expect(metadata["description"] == "Evening crossings resume next month.")
        #expect(metadata["tags"] == "ferries; island; transport")
        #expect(metadata["section"] == "Transport")
        #expect(metadata["lang"] == "en")
        #expect(metadata["html_title"] == "Ferry returns to Calder Bay | Calder Gazette")
    }

    @Test func titleLosesSiteSuffixWithoutStructuredData() throws {
        let html = "<html><head><title>Storm closes harbour – Calder Gazette</title></head><body><p>Text of the page.</p></body></html>"
        let document = try #require(readDocument(html, hint: "html"))
        #expect(document.title == "Storm closes harbour")
        #expect(document.metadata["site_name"] == "Calder Gazette")
    }

    @Test func itemPropArticleBodyIsTheRegion() throws {
        let filler = String(repeating: "Teaser text about another story, with commas, and more words here. ", count: 8)
        let html = """
            <body><div class="col"><p>\(filler)</p><p>\(filler)</p><p>\(filler)</p></div>
            <div itemprop="articleBody"><p>The council approved the new budget on Monday after a long debate about
            the harbour, the schools and the roads, which all need repairs before the winter arrives.</p>
            <p>Councillors voted nine to four in favour, with two abstentions, after the mayor promised a review.</p></div></body>
            """
        let document = try #require(readDocument(html, hint: "html", options: ReaderOptions(htmlMode: .article)))
        #expect(document.text.hasPrefix("The council approved"))
        #expect(!document.text.contains("Teaser text"))
    }

    @Test func dateComesFromTimeElementOrURL() {
        #expect(PageMetadataExtractor.dateFromURL("https://x.example/2023/11/08/story") == "2023-11-08")
        #expect(PageMetadataExtractor.dateFromURL("https://x.example/news/20231108-story") == "2023-11-08")
        #expect(PageMetadataExtractor.dateFromURL("https://x.example/item/12345") == nil)
        let html = "<body><article><time datetime=\"2022-12-12T08:30:00+01:00\">12.12.2022</time><p>Body text here.</p></article></body>"
        #expect(readDocument(html, hint: "html")?.metadata["date"] == "2022-12-12T07:30:00Z")
    }

    @Test func languageIsGuessedWhenUndeclared() throws {
        let german = "<body><p>" + String(repeating: "Die Stadt hat mit dem Bau der neuen Brücke begonnen, und das ist auch gut so. ", count: 5) + "</p></body>"
        #expect(readDocument(german, hint: "html")?.metadata["lang"] == "de")
    }

    @Test func rssContentEncodedIsReadInFull() throws {
        let feed = """
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>G</title>
            <item><title>T</title><content:encoded><![CDATA[<nav><a href="/">Home</a></nav><p>Body.</p>]]></content:encoded></item>
            </channel></rss>
            """
        let outcomes = readOutcomes(Array(feed.utf8), hint: "rss", options: ReaderOptions(htmlMode: .article))
        guard case .processed(let item) = outcomes.first else {
            Issue.record("item not processed")
            return
        }
        #expect(item.text == "T\n\nHome\n\nBody.")
    }
}

@Suite struct ExtractionScoreTests {
    @Test func snippetTallyCountsWithAndWithout() {
        var tally = SnippetTally()
        tally.add(text: "The ferry  returns.\n\nFares unchanged.", with: ["ferry returns", "missing"], without: ["Fares unchanged", "cookies"])
        #expect(tally.truePositives == 1)
        #expect(tally.falseNegatives == 1)
        #expect(tally.falsePositives == 1)
        #expect(tally.trueNegatives == 1)
        #expect(tally.f1 == 0.5)
        #expect(tally.accuracy == 0.5)
    }
}
