import Testing

@testable import LectorStages
@testable import LectorEval

/// Expected figures were computed with Google's `rouge-score` (RougeScorer with use_stemmer=True) on
/// the same strings, sentences joined by newlines.
struct SummaryRougeTests {
    let scorer = RougeScorer(stemming: true)

    @Test func identicalTextsScoreOne() {
        let scores = scorer.score(reference: ["The cat sat."], candidate: ["The cat sat."])
        #expect(scores.rouge1.f1 == 1)
        #expect(scores.rouge2.f1 == 1)
        #expect(scores.rougeLsum.f1 == 1)
    }

    @Test func disjointTextsScoreZero() {
        let scores = scorer.score(reference: ["alpha beta"], candidate: ["gamma delta"])
        #expect(scores.rouge1.f1 == 0)
        #expect(scores.rougeLsum.f1 == 0)
    }

    @Test func emptyCandidateScoresZero() {
        let scores = scorer.score(reference: ["alpha beta"], candidate: [])
        #expect(scores.rouge1 == RougeScorer.Score(precision: 0, recall: 0))
        #expect(scores.rougeLsum.f1 == 0)
    }

    @Test func stemmedTwoSentenceCaseMatchesRougeScore() {
        let scores = scorer.score(
            reference: ["The cat sat on the mat.", "It was happy."],
            candidate: ["The cat was sitting on the mat.", "The dog was happy."])
        #expect(abs(scores.rouge1.precision - 0.636364) < 1e-6)
        #expect(abs(scores.rouge1.recall - 0.777778) < 1e-6)
        #expect(abs(scores.rouge2.f1 - 0.444444) < 1e-6)
        #expect(abs(scores.rougeLsum.f1 - 0.7) < 1e-6)
    }

    @Test func reorderedWordsLowerLsumButNotRouge1() {
        let scores = scorer.score(
            reference: ["Police arrested two men in London on Tuesday."],
            candidate: ["Two men were arrested by police."])
        #expect(abs(scores.rouge1.f1 - 0.571429) < 1e-6)
        #expect(abs(scores.rouge2.f1 - 0.166667) < 1e-6)
        #expect(abs(scores.rougeLsum.f1 - 0.285714) < 1e-6)
    }

    @Test func summaryLevelLCSUnitesMatchesAcrossCandidateSentences() {
        // rouge-score: R1 1.0, R2 0.0, Lsum 0.875 (union LCS, each token counted once).
        let scores = scorer.score(reference: ["a b c d e", "f g h"], candidate: ["a c e", "b d f", "h g"])
        #expect(scores.rouge1.f1 == 1)
        #expect(scores.rouge2.f1 == 0)
        #expect(abs(scores.rougeLsum.f1 - 0.875) < 1e-9)
    }

    @Test func punctuationAndSymbolsSeparateTokens() {
        #expect(scorer.tokenize("Profits rose 76% to $1.13bn.") == ["profit", "rose", "76", "to", "1", "13bn"])
        let scores = scorer.score(reference: ["Profits rose 76% to $1.13bn."], candidate: ["Profits fell."])
        #expect(abs(scores.rouge1.f1 - 0.25) < 1e-9)
    }

    @Test func shortWordsAreNotStemmed() {
        #expect(scorer.tokenize("was has its") == ["was", "has", "its"])
        #expect(RougeScorer(stemming: false).tokenize("Running dogs") == ["running", "dogs"])
    }
}
