import HouseStyle
import LectorCore
import Testing

/// The texts of the quotes `quotes` finds in `text`.
private func quotes(_ text: String, minWords: Int = 3) throws -> [String] {
    var document = Document(id: "test", source: "test", format: "text", text: text)
    try QuoteStage(options: .init(minWords: minWords)).process(&document, context: StageContext())
    return document.annotations(.quote).map { document.text(in: $0.range) }
}

@Test func findsTypographicAndStraightQuotes() throws {
    #expect(try quotes("She said “we will build it” and \"it will be open by May\".")
        == ["we will build it", "it will be open by May"])
}

@Test func skipsScareQuotesShorterThanMinWords() throws {
    #expect(try quotes("A “so-called” plan, “not a plan at all”.") == ["not a plan at all"])
    #expect(try quotes("A “so-called” plan.", minWords: 1) == ["so-called"])
}

@Test func quoteNeverCrossesALineBreak() throws {
    #expect(try quotes("“An open quote with no end\nand a new paragraph” here.").isEmpty)
}

@Test func speakerIsTheNearestPersonInTheSameParagraph() throws {
    let text = "“We will not close a single branch,” said Mara Lind, as Tom Ek watched.\n“Another quote here.”"
    var document = Document(id: "test", source: "test", format: "text", text: text)
    try QuoteStage(options: .init()).process(&document, context: StageContext())
    let mara = text.utf8.count - "Mara Lind, as Tom Ek watched.\n“Another quote here.”".utf8.count
    let tom = text.utf8.count - "Tom Ek watched.\n“Another quote here.”".utf8.count
    document.set(
        [Annotation(mara, mara + "Mara Lind".utf8.count, label: "PER"), Annotation(tom, tom + 6, label: "PER")],
        for: .entity)
    try QuoteSpeakerStage(options: .init()).process(&document, context: StageContext())
    let found = document.annotations(.quote)
    #expect(found.map { $0.attributes["speaker"] } == ["Mara Lind", nil])
    #expect(document.metadata["attributed-quotes"] == "1")
}

@Test func quoteSpeakersRequiresTheQuoteLayer() {
    #expect(QuoteSpeakerStage.defaultRequires == [.quote, .entity])
    #expect(QuoteStage.defaultProduces == [.quote])
}
