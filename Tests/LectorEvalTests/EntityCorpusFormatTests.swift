import LectorCore
import Testing

@testable import LectorEval
@testable import LectorStages

@Suite("Entity corpora of several domains")
struct EntityCorpusFormatTests {
    @Test("BTC's split `@` `name` tokens are joined as posted; user-name spans kept once or dropped")
    func joiningSigils() {
        let text = "@\tB-PER\nTheory_Versa\tB-PER\nmet\tO\n#\tB-PER\nGaryjohnson\tI-PER\nin\tO\nOhio\tB-LOC\n"
        let corpus = CoNLLCorpus(text: text)
        let kept = corpus.joiningSigils(dropMentions: false).documents[0].sentences[0]
        #expect(kept.words == ["@Theory_Versa", "met", "#Garyjohnson", "in", "Ohio"])
        #expect(
            kept.spans == [
                EntitySpan(start: 0, end: 1, label: "PER"), EntitySpan(start: 2, end: 3, label: "PER"),
                EntitySpan(start: 4, end: 5, label: "LOC"),
            ])
        let dropped = corpus.joiningSigils(dropMentions: true).documents[0].sentences[0]
        #expect(dropped.spans.map(\.start) == [2, 4])
    }

    @Test("Corpus arguments name their format after a colon")
    func corpusFormats() {
        #expect(EntityCorpusFormat.parse("a/b.conll:btc") == ("a/b.conll", .btc))
        #expect(EntityCorpusFormat.parse("a/dev.txt") == ("a/dev.txt", .conll))
        #expect(EntityCorpusFormat.parse("c:/x.conllu") == ("c:/x.conllu", .gum))
        #expect(EntityCorpusFormat.btc.labels == ["PER", "ORG", "LOC"])
    }

    @Test("GermEval's outer spans: OTH read as MISC, deriv and part types dropped")
    func germevalLabels() {
        let text = "Die\tO\ndeutsche\tB-LOCderiv\nBahn\tB-ORG\nfuhr\tO\nnach\tO\nBad\tB-LOC\nEms\tI-LOC\n"
            + "zum\tO\nRheingau\tB-OTH\nMusik\tI-OTH\nFestival\tI-OTH\nund\tO\nin\tO\nEU-Staaten\tB-ORGpart\n"
        let sentence = CoNLLCorpus(text: text, labelMap: CoNLLCorpus.germevalLabelMap).documents[0].sentences[0]
        #expect(
            sentence.spans == [
                EntitySpan(start: 2, end: 3, label: "ORG"), EntitySpan(start: 5, end: 7, label: "LOC"),
                EntitySpan(start: 8, end: 11, label: "MISC"),
            ])
        #expect(EntityCorpusFormat.parse("de.conll:germeval") == ("de.conll", .germeval))
        #expect(EntityCorpusFormat.germeval.labels == ["PER", "ORG", "LOC", "MISC"])
        #expect(EntityCorpusFormat.plo.labels == ["PER", "ORG", "LOC"])
    }

    @Test("Training accepts a predicted span of a type the source does not annotate, over gold O only")
    func unannotatedTypes() {
        let tagSet = EntityTagSet.conll.with(scheme: .bilou)
        let misc = tagSet.types.firstIndex(of: "MISC")!
        let per = tagSet.types.firstIndex(of: "PER")!
        let truth = [0, 0, tagSet.tag(type: per, part: .unit), 0]
        let predicted = [
            tagSet.tag(type: misc, part: .unit), 0, tagSet.tag(type: misc, part: .begin), tagSet.tag(type: misc, part: .last),
        ]
        let accepted = EntityTrainer.acceptingUnannotated(truth: truth, predicted: predicted, types: [misc], tagSet: tagSet)
        // The first MISC lies over gold O: accepted. The second overlaps a gold PER: the gold stays.
        #expect(accepted == [predicted[0], 0, truth[2], 0])
        #expect(EntityTrainer.acceptingUnannotated(truth: truth, predicted: predicted, types: [], tagSet: tagSet) == truth)
    }
}
