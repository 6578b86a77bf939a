import Foundation
import LectorCore
import LectorTestSupport
import Testing

@testable import LectorStages

@Suite struct SentenceStageTests {

    /// A German abbreviation before a capitalised noun ends no sentence with the German statistics; the
    /// English ones, which do not know it, split there.
    @Test func documentsUseTheirLanguagesStatistics() throws {
        let text = "Der Vertrag gilt inkl. Mehrwertsteuer ab dem ersten Tag. Die Regierung hat zugestimmt."
        func sentences(lang: String, stage: SentenceStage) throws -> Int {
            var document = Document(id: "t", source: "t", format: "text", text: text, metadata: ["lang": lang])
            try CleanStage().process(&document, context: StageContext())
            try stage.process(&document, context: StageContext())
            return document.annotations(.sentence).count
        }
        let stage = try SentenceStage(options: .init())
        #expect(try sentences(lang: "de", stage: stage) == 2)
        #expect(try sentences(lang: "en", stage: stage) == 3)
        #expect(SentenceModel.shipped(forLanguage: "de-AT")?.abbreviations.contains("inkl") == true)
        #expect(SentenceModel.shipped(forLanguage: "en") == nil)
    }

    @Test func splitsEveryParagraphAndNeverCrossesOne() throws {
        var document = Document(id: "t", source: "t", format: "text", text: "Headline\n\nFirst one. Second one.")
        try CleanStage().process(&document, context: StageContext())
        try SentenceStage().process(&document, context: StageContext())
        let sentences = document.annotations(.sentence).map { document.text(in: $0.range) }
        #expect(sentences == ["Headline", "First one.", "Second one."])
    }

    @Test func headingWithoutPunctuationIsOneSentence() throws {
        var document = Document(id: "t", source: "t", format: "html", text: "Mr. Smith Goes to Washington D.C. Today")
        document.set([Annotation(0, 39, label: "heading")], for: .paragraph)
        try SentenceStage().process(&document, context: StageContext())
        #expect(document.annotations(.sentence).count == 1)
    }

    @Test func headingWithTwoClearSentencesSplits() throws {
        let text = "Storm hits the coast. Thousands flee"
        var document = Document(id: "t", source: "t", format: "html", text: text)
        document.set([Annotation(0, text.utf8.count, label: "heading")], for: .paragraph)
        try SentenceStage().process(&document, context: StageContext())
        #expect(document.annotations(.sentence).count == 2)
    }

    @Test func tableCellDoesNotSplitBeforeLowerCase() throws {
        let text = "approx. three tonnes. see note"
        var document = Document(id: "t", source: "t", format: "html", text: text)
        document.set([Annotation(0, text.utf8.count, label: "cell")], for: .paragraph)
        try SentenceStage().process(&document, context: StageContext())
        #expect(document.annotations(.sentence).count == 1)
    }

    @Test func decodesOptions() throws {
        let options = try ConfigDecoder().decode(
            SentenceStage.Options.self, from: ConfigNodes.node([("line-breaks", "space", 5)]), keyPath: "stages[1].options")
        #expect(options.lineBreaks == .space)
    }

    @Test func unknownOptionIsAnErrorWithItsLine() throws {
        let error = #expect(throws: ConfigError.self) {
            _ = try ConfigDecoder().decode(
                SentenceStage.Options.self, from: ConfigNodes.node([("line_break", "space", 7)]), keyPath: "stages[1].options")
        }
        #expect(error?.location.line == 7)
        #expect(error?.message.contains("line-breaks") == true)
    }

    @Test func formerSnakeCaseSpellingNamesTheNewOne() throws {
        let error = #expect(throws: ConfigError.self) {
            _ = try ConfigDecoder().decode(
                SentenceStage.Options.self, from: ConfigNodes.node([("line_breaks", "space", 8)]), keyPath: "stages[1].options")
        }
        #expect(error?.location.line == 8)
        #expect(error?.message.contains("unknown key 'line_breaks' (now spelled 'line-breaks')") == true)
    }

    @Test func helpDerivesFromTheDeclarations() throws {
        let help = try #require(StageRegistry.builtins.entry(named: "sentences")).optionHelp
        #expect(help.map(\.name) == ["line-breaks", "model"])
        #expect(help[0].type == "auto|boundary|space")
        #expect(help[0].defaultValue == "auto")
    }

    @Test func badOptionValueIsAnErrorWithItsLine() throws {
        let error = #expect(throws: ConfigError.self) {
            _ = try ConfigDecoder().decode(
                SentenceStage.Options.self, from: ConfigNodes.node([("line-breaks", "sometimes", 9)]),
                keyPath: "stages[1].options")
        }
        #expect(error?.location.line == 9)
        #expect(error?.message.contains("auto") == true)
    }

    @Test func registryBuildsTheStageFromOptions() throws {
        let entry = try #require(StageRegistry.builtins.entry(named: "sentences"))
        let stage = try entry.make(ConfigNodes.node([("line-breaks", "boundary", 4)]), "stages[1].options", ConfigDecoder())
        #expect(stage.requires == [.paragraph])
        #expect(stage.produces == [.sentence])
    }

    @Test func shippedModelIsLoaded() {
        let model = SentenceModel.english
        #expect(model.abbreviations.contains("inc"))
        #expect(model.sentenceStarters.contains("however"))
        #expect(model.lowercaseWords.count > 1_000)
    }

    @Test func modelRoundTripsThroughItsFileFormat() {
        let model = SentenceModel(abbreviations: ["xyz"], sentenceStarters: ["but"], lowercaseWords: ["dog"])
        let parsed = SentenceModel(parsing: model.serialized(header: ["test"]))
        #expect(parsed.abbreviations.contains("xyz"))
        #expect(parsed.sentenceStarters == ["but"])
        #expect(parsed.lowercaseWords == ["dog"])
    }
}
