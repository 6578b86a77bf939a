import Foundation
import LectorCore
import LectorTestSupport
import Testing

@testable import LectorStages
@testable import LectorEval

@Suite struct TokenQualityTests {
    @Test(.enabled(if: DevelopmentData.exists(DevelopmentData.ewtDev)))
    func ewtDevTokenF1IsAtLeast099() throws {
        let content = try String(contentsOf: DevelopmentData.file(DevelopmentData.ewtDev), encoding: .utf8)
        let score = SegmentationEvaluator().evaluate(CoNLLUCorpus(parsing: content)).tokens
        #expect(score.f1 >= 0.99, "EWT dev token F1 \(score.f1)")
    }

    /// UD development treebanks of the other languages, each with its language's conventions.
    static let otherLanguages: [(String, Tokenizer.Conventions)] = [
        ("sent/ud_french/fr_gsd/fr_gsd-ud-dev.conllu", .elision),
        ("sent/ud_italian/it_isdt/it_isdt-ud-dev.conllu", .elision),
        ("sent/ud_german/de_gsd/de_gsd-ud-dev.conllu", .plain),
        ("sent/ud_dutch/nl_alpino/nl_alpino-ud-dev.conllu", .plain),
        ("sent/ud_dutch/nl_lassysmall/nl_lassysmall-ud-dev.conllu", .plain),
        ("sent/ud_spanish/es_gsd/es_gsd-ud-dev.conllu", .plain),
    ]

    @Test(.enabled(if: otherLanguages.allSatisfy { DevelopmentData.exists($0.0) }))
    func otherLanguagesTokenF1IsAtLeast098() throws {
        for (path, conventions) in Self.otherLanguages {
            let content = try String(contentsOf: DevelopmentData.file(path), encoding: .utf8)
            let evaluator = SegmentationEvaluator(tokenizer: Tokenizer(conventions: conventions))
            let score = evaluator.evaluate(CoNLLUCorpus(parsing: content)).tokens
            #expect(score.f1 >= 0.98, "\(path): token F1 \(score.f1)")
        }
    }

    @Test func tokenStageLabelsTokensAndStaysInsideSentences() throws {
        var document = Document(id: "t", source: "t", format: "text", text: "It's 5 p.m. now. Mail a@b.com!")
        try CleanStage().process(&document, context: StageContext())
        try SentenceStage().process(&document, context: StageContext())
        try TokenStage().process(&document, context: StageContext())
        let tokens = document.annotations(.token)
        #expect(
            tokens.map { document.text(in: $0.range) } == ["It", "'s", "5", "p.m.", "now", ".", "Mail", "a@b.com", "!"])
        #expect(tokens.map(\.label) == ["word", "word", "number", "word", "word", "punct", "word", "email", "punct"])
        let sentences = document.annotations(.sentence)
        #expect(tokens.allSatisfy { token in sentences.contains { $0.range.contains(token.range) } })
    }

    @Test func withinParagraphsRequiresOnlyParagraphs() throws {
        var options = TokenStage.Options()
        options.within = .paragraphs
        let stage = TokenStage(options: options)
        #expect(stage.requires == [.paragraph])
        var document = Document(id: "t", source: "t", format: "text", text: "A b.")
        try CleanStage().process(&document, context: StageContext())
        try stage.process(&document, context: StageContext())
        #expect(document.annotations(.token).count == 3)
    }

    @Test func unknownTokenOptionIsRejectedWithItsLine() {
        let error = #expect(throws: ConfigError.self) {
            _ = try ConfigDecoder().decode(
                TokenStage.Options.self, from: ConfigNodes.node([("hyphen", "keep", 12)]),
                keyPath: "stages[2].options")
        }
        #expect(error?.location.line == 12)
    }

    @Test func tokenOptionsDecode() throws {
        let options = try ConfigDecoder().decode(
            TokenStage.Options.self,
            from: ConfigNodes.node([
                ("hyphens", "keep", 4), ("split-clitics", "false", 5), ("within", "paragraphs", 6),
            ]))
        #expect(options.hyphens == .keep)
        #expect(!options.splitClitics)
        #expect(options.within == .paragraphs)
    }
}
