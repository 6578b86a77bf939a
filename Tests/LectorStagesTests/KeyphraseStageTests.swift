import LectorCore
import Testing

@testable import LectorStages

struct KeyphraseStageTests {
    func keyphrases(_ document: Document, count: Int = 5) throws -> [Annotation] {
        var options = KeyphraseStage.Options()
        options.count = count
        var copy = document
        try KeyphraseStage(options: options).process(&copy, context: StageContext())
        return copy.annotations(.keyphrase)
    }

    @Test func recurringMultiWordTermIsFound() throws {
        let document = SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory)
        let labels = try keyphrases(document).map(\.label)
        #expect(labels.contains("harbour bridge"))
    }

    @Test func phrasesAreDeduplicated() throws {
        let document = SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory)
        let labels = try keyphrases(document, count: 10).map(\.label)
        // "harbour bridge" is chosen, so neither "harbour" nor "bridge" alone may follow it.
        #expect(!labels.contains("harbour"))
        #expect(!labels.contains("bridge"))
        #expect(Set(labels).count == labels.count)
    }

    @Test func annotationMarksTheFirstOccurrenceWithItsSurfaceText() throws {
        let document = SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory)
        let phrase = try #require(try keyphrases(document).first { $0.label == "harbour bridge" })
        let first = try #require(document.text.range(of: "harbour bridge"))
        #expect(
            phrase.range.start == document.text.utf8.distance(from: document.text.utf8.startIndex, to: first.lowerBound)
        )
        #expect(phrase.attributes["text"] == "harbour bridge")
    }

    @Test func scoresAreRelativeAndDescending() throws {
        let document = SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory)
        let scores = try keyphrases(document, count: 10).sorted { ($0.score ?? 0) > ($1.score ?? 0) }.compactMap(
            \.score)
        #expect(scores.first == 1)
        #expect(scores.allSatisfy { $0 > 0 && $0 <= 1 })
    }

    @Test func phrasesNeverCrossPunctuation() throws {
        let document = SummaryTestDocuments.make([
            ["Solar panels, wind turbines and solar panels again.", "Wind turbines; solar panels."]
        ])
        let labels = try keyphrases(document, count: 10).map(\.label)
        #expect(labels.contains("solar panels"))
        #expect(!labels.contains("panels wind"))
    }

    @Test func numbersAndFunctionWordsAreNotPhrases() throws {
        let document = SummaryTestDocuments.make([
            ["The 2005 figures and the 2005 plans were the same as the 2005 ones."]
        ])
        let labels = try keyphrases(document, count: 10).map(\.label)
        #expect(!labels.contains("2005"))
        #expect(!labels.contains("the"))
    }

    @Test func recurringPhrasesComeBeforeWordsSeenOnce() throws {
        let document = SummaryTestDocuments.make([
            ["Zebras graze quietly.", "Quaggas vanished long ago.", "Okapis hide deep inside forests near zebras."]
        ])
        let phrases = try keyphrases(document, count: 10).sorted { ($0.score ?? 0) > ($1.score ?? 0) }
        #expect(phrases.first?.label == "zebras")
        #expect(phrases.map(\.label).contains("okapis"))
        #expect(phrases.first?.score == 1)
        #expect(phrases.dropFirst().allSatisfy { ($0.score ?? 1) < 1 })
    }

    @Test func loneVerbsAreNotKeyPhrases() throws {
        let document = SummaryTestDocuments.make([
            [
                "Moscow is bolstering its ties with Beijing.", "Officials said the visit was bolstering trade.",
                "The pipeline deal was signed in Beijing.", "The pipeline will carry gas from Siberia.",
            ]
        ])
        let labels = try keyphrases(document, count: 10).map(\.label)
        #expect(!labels.contains("bolstering"))
        #expect(labels.contains("pipeline") || labels.contains(where: { $0.contains("pipeline") }))
    }

    @Test func fullNamesAreKeptWholeNotTheirFirstName() throws {
        let document = SummaryTestDocuments.make([
            [
                "Sergei Lavrov arrived in Beijing on Monday.", "Xi Jinping met Sergei Lavrov at the palace.",
                "Later Xi Jinping praised the talks with Lavrov.",
            ]
        ])
        let labels = try keyphrases(document, count: 10).map(\.label)
        #expect(labels.contains("xi jinping"))
        #expect(!labels.contains("xi"))
        #expect(!labels.contains("sergei"))
        #expect(!labels.contains("jinping"))
    }

    @Test func emptyTextGivesNoPhrases() throws {
        let document = Document(id: "e", source: "e", format: "text", text: "")
        #expect(try keyphrases(document).isEmpty)
    }

    @Test func countOutOfRangeIsRejected() {
        var options = KeyphraseStage.Options()
        options.count = 0
        #expect(throws: SummarizeOptionError.self) { try KeyphraseStage(options: options) }
    }
}
