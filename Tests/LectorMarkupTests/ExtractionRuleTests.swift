import Foundation
import LectorCore
import Testing

@testable import LectorMarkup

/// One rule of article extraction per test, each on a small page built around it.
@Suite struct ExtractionRuleTests {
    static let prose = [
        "The council approved the new budget on Monday after a long debate about the harbour, the schools and the roads.",
        "Councillors voted nine to four in favour, with two abstentions, after the mayor promised a review in the spring.",
        "The harbour master said the repairs would start in March, weather permitting, and last for about six weeks.",
        "Residents who spoke at the meeting asked for the ferry timetable to be kept unchanged during the works.",
    ]

    static func paragraphs(_ lines: [String] = prose) -> String {
        lines.map { "<p>\($0)</p>" }.joined(separator: "\n")
    }

    static func article(_ html: String, bias: ReaderOptions.ExtractionBias = .balanced) throws -> Document {
        try #require(readDocument(html, hint: "html", options: ReaderOptions(htmlMode: .article, bias: bias)))
    }

    @Test func photoCreditLinesAreDropped() throws {
        let html = "<body><article>\(Self.paragraphs())<p>Foto: Jane Roe / Harbour Agency</p>\(Self.paragraphs())</article></body>"
        let text = try Self.article(html).text
        #expect(text.contains("Councillors voted"))
        #expect(!text.contains("Jane Roe"))
    }

    @Test func photoCreditLinesStayWhenBiasedToRecall() throws {
        let html = "<body><article>\(Self.paragraphs())<p>© Jane Roe / Harbour Agency</p>\(Self.paragraphs())</article></body>"
        #expect(try Self.article(html, bias: .recall).text.contains("Jane Roe"))
    }

    @Test func creditCueInsideAWordIsNotACredit() {
        #expect(CreditLine.isCredit(Array("(Foto: dpa)".utf8)))
        #expect(!CreditLine.isCredit(Array("07.06.2016: UniCredit: Deutschland wird nicht Europameister".utf8)))
        #expect(!CreditLine.isCredit(Array((String(repeating: "Long prose sentence. ", count: 10) + "Foto: dpa").utf8)))
    }

    @Test func labelOfDroppedLinksGoesWithThem() throws {
        let links = (1...5).map { "<li><a href=\"/story/\($0)\">Another story number \($0) about the town</a></li>" }.joined()
        let html = """
            <body><article>\(Self.paragraphs())<p>Read more:</p><ul>\(links)</ul>
            \(Self.paragraphs(Self.prose.reversed()))</article></body>
            """
        let text = try Self.article(html).text
        #expect(!text.contains("Read more:"))
        #expect(!text.contains("Another story"))
        #expect(text.contains("Residents who spoke"))
    }

    @Test func labelOfKeptContentStays() throws {
        let html = "<body><article>\(Self.paragraphs())<h2>What happens next</h2>\(Self.paragraphs())</article></body>"
        #expect(try Self.article(html).text.contains("What happens next"))
    }

    @Test func noscriptHoldingTheArticleIsRead() throws {
        let html = """
            <body><div id="app"></div><noscript>\(Self.paragraphs())</noscript>
            <noscript><p>Please enable JavaScript.</p></noscript></body>
            """
        let text = try Self.article(html).text
        #expect(text.contains("The harbour master said"))
        #expect(!text.contains("enable JavaScript"))
    }

    @Test func paragraphInsideAnUnclosedHeadingIsAParagraph() throws {
        let html = "<body><h2 class=\"excerpt\">A short standfirst<div><p>\(Self.prose[0])</p></div></h2></body>"
        let document = try #require(readDocument(html, hint: "html", options: ReaderOptions(htmlMode: .full)))
        #expect(document.annotations(.paragraph).map(\.label) == ["heading", "p"])
    }

    @Test func adWordDoesNotHideAContainerOfProse() throws {
        let html = """
            <body><div class="banner-ad"><a href="/x">Buy now</a></div><div class="story">
            <p>\(Self.prose[3]) \(Self.prose[2])</p><div class="cuerpo-ad">\(Self.paragraphs(Self.prose + Self.prose))</div>
            <p>\(Self.prose[1]) \(Self.prose[3])</p></div></body>
            """
        let text = try Self.article(html).text
        #expect(text.contains("The council approved"))
        #expect(!text.contains("Buy now"))
    }

    @Test func markedArticleBodyTakesInItsStandfirst() throws {
        let html = """
            <body><div class="story"><div class="intro"><p>Repairs to the harbour wall begin in March.</p></div>
            <div itemprop="articleBody">\(Self.paragraphs())</div></div></body>
            """
        let text = try Self.article(html).text
        #expect(text.hasPrefix("Repairs to the harbour wall begin in March."))
        #expect(text.contains("Residents who spoke"))
    }

    @Test func softHyphensAreNotText() throws {
        let document = try #require(readDocument("<p>Wein\u{AD}wirt\u{AD}schaft am Berg</p>", hint: "html"))
        #expect(document.text == "Weinwirtschaft am Berg")
    }

    @Test func scriptCharsetDoesNotNameThePageEncoding() throws {
        let head = "<html><head><script src=\"player.js\" charset=\"utf-8\"></script>"
            + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>"
        // "中文" in GB2312.
        let bytes = Array(head.utf8) + [0xD6, 0xD0, 0xCE, 0xC4] + Array("</p></body></html>".utf8)
        let document = try #require(readDocument(bytes, hint: "html"))
        #expect(document.text == "中文")
    }

    @Test func rubyPronunciationGuidesAreNotText() throws {
        let html = "<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもの<ruby>法律<rt>ほうりつ</rt></ruby></p>"
        let document = try #require(readDocument(html, hint: "html"))
        #expect(document.text == "子どもの法律")
    }

    @Test func paragraphClassedTeaserIsAStandfirst() throws {
        let html = """
            <body><article><h1>Budget approved</h1><p class="teaser">Repairs to the harbour wall begin in March.</p>
            \(Self.paragraphs())</article></body>
            """
        #expect(try Self.article(html).text.contains("Repairs to the harbour wall begin in March."))
    }

    @Test func structuredBodyReplacesAMuchShorterExtraction() throws {
        // The page shows two paragraphs (more than a script-only page has); the structured body holds eight.
        let body = (Self.prose + Self.prose).joined(separator: " ")
        let html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Budget",
            "articleBody":"\(body)"}</script></head><body><article>\(Self.paragraphs(Array(Self.prose.prefix(2))))</article>
            </body></html>
            """
        #expect(try Self.article(html).text.contains("Residents who spoke"))
    }

    @Test func hiddenTabAndAccordionPanelsAreContent() throws {
        let panel = "The frame is welded steel, powder coated, and carries up to forty kilograms on each shelf."
        let html = """
            <body><main>\(Self.paragraphs())
            <div class="product-tabs"><div class="tab-pane" style="display:none"><p>\(panel)</p></div>
            <div role="tabpanel" hidden><p>Wipe clean with a damp cloth, then dry it with a soft towel.</p></div>
            <div class="accordion__item"><div class="collapse" aria-hidden="true"><p>Ships flat in one box.</p></div></div>
            </div>
            <div style="display:none"><p>Tracking text that no reader ever sees on this page at all.</p></div>
            \(Self.paragraphs(Self.prose.reversed()))</main></body>
            """
        let text = try Self.article(html).text
        #expect(text.contains("welded steel"))
        #expect(text.contains("Wipe clean"))
        #expect(text.contains("Ships flat"))
        #expect(!text.contains("Tracking text"))
    }

    @Test func regionInsideAFooterDialogIsNotTheArticle() throws {
        let legal = (1...8).map {
            "<p>Clause \($0): we process personal data, such as names, addresses, orders and payments, for billing, "
                + "delivery, support, fraud checks and the law, and keep it, where allowed, for ten years.</p>"
        }.joined()
        let html = """
            <body><div class="product"><h1>Harbour chair</h1>
            <p>A folding chair made for small balconies and long summer evenings by the sea.</p>
            <p>Its oak slats are oiled by hand and it folds flat to hang on a wall hook.</p></div>
            <footer><div role="dialog" class="policy"><div class="prose">\(legal)</div></div></footer></body>
            """
        let text = try Self.article(html).text
        #expect(text.contains("oak slats"))
        #expect(!text.contains("Clause 3"))
    }
}
