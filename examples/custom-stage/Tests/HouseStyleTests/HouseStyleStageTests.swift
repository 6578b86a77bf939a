import HouseStyle
import LectorCore
import Testing

/// The texts of the `style-issue` annotations `house-style` adds to `text`.
private func flagged(_ text: String, _ options: HouseStyleStage.Options = .init()) throws -> [String] {
    var document = Document(id: "test", source: "test", format: "text", text: text)
    try HouseStyleStage(options: options).process(&document, context: StageContext())
    return document.annotations(.styleIssue).map { document.text(in: $0.range) }
}

@Test func flagsBannedWordsIgnoringCase() throws {
    #expect(try flagged("Basically, we will UTILISE the plan.") == ["Basically", "UTILISE"])
}

@Test func matchesWholeWordsOnly() throws {
    #expect(try flagged("Utilisation is not utilise.", .init(banned: ["utilise"])) == ["utilise"])
}

@Test func matchesPhrasesAcrossWhitespaceButNotPunctuation() throws {
    let options = HouseStyleStage.Options(banned: ["going forward"])
    #expect(try flagged("Going\n forward, fine. Going. Forward.", options) == ["Going\n forward"])
}

@Test func foldsTypographicApostrophes() throws {
    #expect(try flagged("We don’t know.", .init(banned: ["don't"])) == ["don’t"])
}

@Test func caseSensitiveOptionKeepsCase() throws {
    #expect(try flagged("Basically basically.", .init(banned: ["basically"], caseSensitive: true)) == ["basically"])
}

@Test func annotationsCarryLabelAndRule() throws {
    var document = Document(id: "t", source: "t", format: "text", text: "Zoë’s team will utilize it.")
    try HouseStyleStage(options: .init(label: "jargon")).process(&document, context: StageContext())
    let issue = try #require(document.annotations(.styleIssue).first)
    #expect(issue.label == "jargon")
    #expect(issue.attributes["rule"] == "utilize")
    #expect(document.text(in: issue.range) == "utilize")
}

@Test func rejectsAnEntryWithoutWords() {
    #expect(throws: HouseStyleStage.OptionError.self) { try HouseStyleStage(options: .init(banned: ["—"])) }
}

@Test func scoreFallsWithIssuesPerSentence() {
    #expect(StyleScoreStage.score(issues: 0, sentences: 10, penalty: 10) == 100)
    #expect(StyleScoreStage.score(issues: 1, sentences: 10, penalty: 10) == 90)
    #expect(StyleScoreStage.score(issues: 30, sentences: 10, penalty: 10) == 0)
    #expect(StyleScoreStage.score(issues: 3, sentences: 0, penalty: 10) == 100)
}

@Test func scoreStageWritesMetadataAndWarns() throws {
    var document = Document(id: "t", source: "t", format: "text", text: "Basically. Fine.")
    document.set([Annotation(0, 10), Annotation(11, 16)], for: .sentence)
    try HouseStyleStage(options: .init()).process(&document, context: StageContext())
    try StyleScoreStage(options: .init(penalty: 10, warnBelow: 60)).process(&document, context: StageContext())
    #expect(document.metadata["style-score"] == "50")
    #expect(document.diagnostics.map(\.severity) == [.warning])
}

@Test func hyphenatedEntriesNeedTheHyphen() throws {
    let options = HouseStyleStage.Options(banned: ["game-changer"])
    #expect(try flagged("A game changer? A Game-changer.", options) == ["Game-changer"])
}
