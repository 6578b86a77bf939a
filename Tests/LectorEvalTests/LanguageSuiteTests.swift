import Foundation
import LectorMarkup
import LectorTestSupport
import Testing

@testable import LectorEval

/// Language-guess floors on every development set of every language (skipped without the data).
@Suite struct LanguageSuiteTests {
    static let sets = LanguageSuite.sets(under: DevelopmentData.root)

    @Test(.enabled(if: !sets.isEmpty))
    func everyDevelopmentSetIsGuessedRight() throws {
        for set in Self.sets {
            let paragraphs = LanguageSuite.paragraphs(set.sentences(), minCharacters: 200)
            let right = paragraphs.filter { LanguageGuesser.guess($0) == set.language }.count
            let accuracy = Double(right) / Double(max(paragraphs.count, 1))
            // Running prose is at 0.99 or better on every set; CoNLL-2003 dev is half results tables
            // (names and scores, no function words), where the guesser answers "unknown".
            let floor = set.name == "en/conll2003" ? 0.90 : 0.985
            #expect(accuracy >= floor, "\(set.name): \(accuracy)")
        }
    }

    @Test func paragraphsReachTheMinimumLength() {
        let paragraphs = LanguageSuite.paragraphs(["a b c", "d e f", "g h i"], minCharacters: 8)
        #expect(paragraphs == ["a b c d e f"])
    }

    @Test func conllSentencesJoinTokensAndSkipDocumentStarts() {
        let sentences = LanguageSuite.conllSentences("-DOCSTART- O\n\nEU B-ORG\nrejects O\n\nPeter B-PER\n")
        #expect(sentences == ["EU rejects", "Peter"])
    }
}
