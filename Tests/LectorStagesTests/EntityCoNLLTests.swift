import Testing

@testable import LectorStages

@Suite("CoNLL reading and scoring")
struct EntityCoNLLTests {
    @Test("IOB1 and IOB2 encodings of the same sentence give the same spans")
    func iob1AndIob2Agree() {
        let iob1 = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ O O\nGerman JJ I-NP I-MISC\nBritish JJ I-NP B-MISC\n"
        let iob2 = "EU\tB-ORG\nrejects\tO\nGerman\tB-MISC\nBritish\tB-MISC\n"
        let first = CoNLLCorpus(text: iob1).documents[0].sentences[0].spans
        let second = CoNLLCorpus(text: iob2).documents[0].sentences[0].spans
        #expect(first == second)
        #expect(first.map(\.label) == ["ORG", "MISC", "MISC"])
    }

    @Test("DOCSTART lines separate documents and blank lines separate sentences")
    func documentsAndSentences() {
        let text = "-DOCSTART- -X- O O\n\nA x x O\n\nB x x O\n-DOCSTART- -X- O O\n\nC x x I-PER\n"
        let corpus = CoNLLCorpus(text: text)
        #expect(corpus.documents.count == 2)
        #expect(corpus.documents[0].sentences.count == 2)
        #expect(corpus.tokenCount == 3)
    }

    @Test("WNUT labels map onto CoNLL types and a byte-order-mark line is a separator")
    func wnutMapping() {
        let text = "Apple\tB-corporation\nin\tO\nParis\tB-location\n\u{FEFF}\nJo\tB-person\n"
        let corpus = CoNLLCorpus(text: text, labelMap: CoNLLCorpus.wnutLabelMap)
        #expect(corpus.documents[0].sentences.count == 2)
        #expect(corpus.documents[0].sentences[0].spans.map(\.label) == ["ORG", "LOC"])
    }

    @Test("Sentences can be read as documents of their own")
    func sentencesAsDocuments() {
        let corpus = CoNLLCorpus(text: "Jo\tB-person\n\nin\tO\nParis\tB-location\n", labelMap: CoNLLCorpus.wnutLabelMap)
        #expect(corpus.documents.count == 1)
        let split = corpus.sentencesAsDocuments
        #expect(split.documents.count == 2)
        #expect(split.documents[1].sentences[0].spans.map(\.label) == ["LOC"])
        #expect(split.tokenCount == corpus.tokenCount)
    }

    @Test("Scoring counts only exact spans with the right label")
    func exactSpanScoring() {
        var scorer = EntityScorer()
        let gold = [EntitySpan(start: 0, end: 2, label: "PER"), EntitySpan(start: 3, end: 4, label: "LOC")]
        let predicted = [EntitySpan(start: 0, end: 1, label: "PER"), EntitySpan(start: 3, end: 4, label: "LOC")]
        scorer.add(gold: gold, predicted: predicted)
        #expect(scorer.micro.truePositives == 1)
        #expect(abs(scorer.micro.f1 - 0.5) < 1e-9)
        #expect(scorer.byLabel["PER"]?.truePositives == 0)
    }

    @Test("Tag sequences round-trip through spans, and a stray I- tag opens a span")
    func tagSpansRoundTrip() {
        let tagSet = EntityTagSet.conll
        let spans = [EntitySpan(start: 1, end: 3, label: "ORG"), EntitySpan(start: 3, end: 4, label: "ORG")]
        #expect(tagSet.spans(of: tagSet.tags(for: spans, count: 5)) == spans)
        #expect(tagSet.spans(of: [0, tagSet.tag(type: 0, begin: false)]) == [EntitySpan(start: 1, end: 2, label: "PER")])
    }
}
