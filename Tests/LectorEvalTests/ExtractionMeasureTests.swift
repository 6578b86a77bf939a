import Testing

@testable import LectorEval

/// The full-text extraction measures `eval extract` reports (`--gold` and `--suite` alike).
@Suite struct ExtractionMeasureTests {
    @Test func shingleF1NormalisesEachPage() {
        // Six tokens give three 4-gram shingles; five tokens give two, both among the gold's.
        let counts = ShingleF1.page(predicted: "one two three four five", gold: "one two three four five six")
        #expect(abs(counts.tp - 2.0 / 3.0) < 1e-9)
        #expect(counts.fp == 0)
        #expect(abs(counts.fn - 1.0 / 3.0) < 1e-9)
        #expect(ShingleF1.page(predicted: "", gold: "") == (0, 0, 0))
    }

    @Test func shingleF1AveragesPagesBeforeF1() {
        var score = ShingleF1()
        score.add(ShingleF1.page(predicted: "one two three four", gold: "one two three four"))
        score.add(ShingleF1.page(predicted: "a b c d", gold: "w x y z"))
        #expect(score.precision == 0.5)
        #expect(score.recall == 0.5)
        #expect(score.f1 == 0.5)
        // A page with no shingle on either side counts in neither mean.
        score.add(ShingleF1.page(predicted: "short", gold: "tiny"))
        #expect(score.precision == 0.5)
    }

    @Test func wordBagScoreCountsTheMultisetOverlap() {
        let page = WordBagScore.page(predicted: "The cat, the hat", gold: "the cat sat")
        #expect(abs(page.precision - 0.5) < 1e-9)
        #expect(abs(page.recall - 2.0 / 3.0) < 1e-9)
        #expect(WordBagScore.page(predicted: "", gold: "") == (1, 1, 1))
        #expect(WordBagScore.page(predicted: "words", gold: "") == (0, 0, 0))
    }
}
