import Testing

@testable import LectorStages
@testable import LectorEval

@Suite struct SentenceTrainerTests {
    @Test func tokenFilesAreReadAsWritten() {
        let conll = "-DOCSTART-\tO\n\nDie\tO\nFirma\tO\n(\tO\nNr.\tO\n5\tO\n)\tO\nwächst\tO\n.\tO\n\nSo\tO\nist\tO\nes\tO\n!\tO\n"
        #expect(TrainSentences.conllSentences(conll) == ["Die Firma (Nr. 5) wächst.", "So ist es!"])
    }

    @Test func aLanguageStartsFromItsOwnBuiltinAbbreviations() {
        var trainer = SentenceTrainer(language: "de")
        trainer.add(paragraph: "Das ist gut. Das ist schlecht.")
        let model = trainer.model()
        #expect(model.abbreviations.contains("bzw"))
        #expect(!model.abbreviations.contains("calif"))
    }
    /// A small corpus where "approx" always takes a period and "however" opens sentences.
    static func corpus() -> SentenceTrainer {
        var trainer = SentenceTrainer()
        for index in 0..<60 {
            trainer.add(
                paragraph: "The tank holds approx. \(index) litres of water. However, the pump is small. "
                    + "The dog sleeps in the yard. The small cat Anna drinks water, however, and sleeps too.")
        }
        return trainer
    }

    @Test func learnsAbbreviationsFromPeriodStatistics() {
        #expect(Self.corpus().model().abbreviations.contains("approx"))
    }

    @Test func ordinaryWordsBeforeSentenceEndsAreNotAbbreviations() {
        let model = Self.corpus().model()
        #expect(!model.abbreviations.contains("water"))
        #expect(!model.abbreviations.contains("small"))
    }

    @Test func learnsSentenceStarters() {
        #expect(Self.corpus().model().sentenceStarters.contains("however"))
    }

    @Test func learnsLowercaseWordsFromMidSentenceContext() {
        let model = Self.corpus().model()
        #expect(model.lowercaseWords.contains("sleeps"))
        #expect(!model.lowercaseWords.contains("anna"))
    }

    @Test func dunningLikelihoodGrowsWithEvidence() {
        let weak = SentenceTrainer.dunningLogLikelihood(countA: 2, countB: 100, countAB: 2, total: 10_000)
        let strong = SentenceTrainer.dunningLogLikelihood(countA: 50, countB: 100, countAB: 50, total: 10_000)
        #expect(strong > weak)
    }
}
