import LectorCore
import Testing

@testable import LectorStages

@Suite struct CleanStageTests {
    private func cleaned(_ text: String, paragraphs: [Annotation]? = nil) throws -> Document {
        var document = Document(id: "t", source: "t", format: "text", text: text)
        if let paragraphs { document.set(paragraphs, for: .paragraph) }
        try CleanStage().process(&document, context: StageContext())
        return document
    }

    private func blocks(_ document: Document) -> [String] {
        document.annotations(.paragraph).map { document.text(in: $0.range) }
    }

    @Test func collapsesSpacesAndTabsInsideABlock() throws {
        #expect(try cleaned("a  \t b   c").text == "a b c")
    }

    @Test func trimsEachBlock() throws {
        #expect(try cleaned("   hello   \n\n  world  ").text == "hello\n\nworld")
    }

    @Test func derivesParagraphsFromBlankLinesWhenTheLayerIsAbsent() throws {
        let document = try cleaned("One.\nStill one.\n \t\nTwo.\n\n\n\nThree.")
        #expect(blocks(document) == ["One.\nStill one.", "Two.", "Three."])
        #expect(document.annotations(.paragraph).allSatisfy { $0.label == "p" })
    }

    @Test func keepsParagraphLabelsAndDropsEmptyBlocks() throws {
        let text = "Title\n\n   \n\nBody text."
        let document = try cleaned(
            text,
            paragraphs: [
                Annotation(0, 5, label: "heading"), Annotation(7, 10, label: "p"), Annotation(12, 22, label: "p"),
            ])
        #expect(document.text == "Title\n\nBody text.")
        #expect(document.annotations(.paragraph).map(\.label) == ["heading", "p"])
        #expect(blocks(document) == ["Title", "Body text."])
    }

    @Test func blocksAreJoinedByExactlyOneBlankLine() throws {
        let document = try cleaned("a\n\n\n\n\nb")
        #expect(document.text == "a\n\nb")
    }

    @Test func linesInsideABlockKeepOneLineBreak() throws {
        #expect(try cleaned("a\r\nb\n \n", paragraphs: [Annotation(0, 7, label: "p")]).text == "a\nb")
    }

    @Test func removesControlAndZeroWidthCharactersAndSoftHyphens() throws {
        #expect(
            try cleaned("in\u{0}for\u{7}ma\u{AD}tion\u{200B} is\u{FEFF} here\u{2060}").text == "information is here")
    }

    @Test func mapsNoBreakAndOtherSpacesToSpace() throws {
        #expect(try cleaned("10\u{A0}km and\u{2009}more\u{3000}here").text == "10 km and more here")
    }

    @Test func keepsCurlyQuotesAndNormalisesOddApostrophes() throws {
        #expect(try cleaned("“Don´t,” she said ‘now’").text == "“Don’t,” she said ‘now’")
    }

    @Test func appliesNFC() throws {
        // e + combining acute becomes é (U+00E9).
        #expect(try cleaned("cafe\u{301}").text.unicodeScalars.map(\.value) == [0x63, 0x61, 0x66, 0xE9])
    }

    @Test func normalisesSingletonsAndKanaVoicing() throws {
        // Angstrom sign → Å; か + combining voiced mark → が.
        #expect(try cleaned("10 \u{212B} \u{304B}\u{3099}").text == "10 \u{C5} \u{304C}")
    }

    @Test func leavesNFCStableScriptsUntouched() throws {
        let text = "Москва — 東京 — Zürich — 🎉 — “quoted”"
        #expect(try cleaned(text).text == text)
    }

    @Test func mapsLineSeparatorsToLineBreaks() throws {
        #expect(try cleaned("one\u{2028}two\u{85}three").text == "one\ntwo\nthree")
    }

    @Test func keepsEmojiJoiners() throws {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(try cleaned("a \(family) b").text == "a \(family) b")
    }

    @Test func dropsOtherLayers() throws {
        var document = Document(id: "t", source: "t", format: "text", text: "A b.")
        document.set([Annotation(0, 1)], for: .token)
        try CleanStage().process(&document, context: StageContext())
        #expect(!document.has(.token))
        #expect(document.has(.paragraph))
    }

    @Test func emptyTextGivesNoParagraphs() throws {
        let document = try cleaned(" \n\n\t ")
        #expect(document.text.isEmpty)
        #expect(document.annotations(.paragraph).isEmpty)
    }

    @Test func paragraphRangesOutsideTheTextAreClampedNotFatal() throws {
        let document = try cleaned("abc", paragraphs: [Annotation(1, 3, label: "p")])
        #expect(document.text == "bc")
    }

    @Test func isRegisteredAsClean() {
        #expect(StageRegistry.builtins.entry(named: "clean")?.defaultProduces == [.paragraph])
    }
}
