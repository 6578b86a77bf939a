import Testing

@testable import LectorStages
@testable import LectorEval

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

    @Test("BILOU marks one-token entities and last tokens, and round-trips through spans")
    func bilouTags() {
        let tagSet = EntityTagSet.conll.with(scheme: .bilou)
        #expect(tagSet.count == 17)
        let spans = [
            EntitySpan(start: 0, end: 1, label: "PER"), EntitySpan(start: 1, end: 4, label: "ORG"),
            EntitySpan(start: 4, end: 6, label: "LOC"),
        ]
        let tags = tagSet.tags(for: spans, count: 7)
        #expect(tags.map(tagSet.name(of:)) == ["U-PER", "B-ORG", "I-ORG", "L-ORG", "B-LOC", "L-LOC", "O"])
        #expect(tags.map(tagSet.iob2Name(of:)) == ["B-PER", "B-ORG", "I-ORG", "I-ORG", "B-LOC", "I-LOC", "O"])
        #expect(tagSet.spans(of: tags) == spans)
        // The same spans in IOB2 read back the same.
        #expect(EntityTagSet.conll.spans(of: EntityTagSet.conll.tags(for: spans, count: 7)) == spans)
    }

    @Test("BILOU repairs ill-formed sequences: a stray L- is a span, an unclosed B- ends at O")
    func bilouRepair() {
        let tagSet = EntityTagSet.conll.with(scheme: .bilou)
        let last = tagSet.tag(type: 2, part: .last)
        let begin = tagSet.tag(type: 1, part: .begin)
        #expect(tagSet.spans(of: [0, last, last]) == [
            EntitySpan(start: 1, end: 2, label: "LOC"), EntitySpan(start: 2, end: 3, label: "LOC"),
        ])
        #expect(tagSet.spans(of: [begin, 0]) == [EntitySpan(start: 0, end: 1, label: "ORG")])
    }

    @Test("BILOU transitions: inside and last only continue an open entity; nothing else may")
    func bilouTransitions() {
        let tagSet = EntityTagSet.conll.with(scheme: .bilou)
        let beginORG = tagSet.tag(type: 1, part: .begin)
        let insideORG = tagSet.tag(type: 1, part: .inside)
        let lastORG = tagSet.tag(type: 1, part: .last)
        let lastPER = tagSet.tag(type: 0, part: .last)
        let unitLOC = tagSet.tag(type: 2, part: .unit)
        #expect(tagSet.allows(beginORG, insideORG) && tagSet.allows(insideORG, lastORG))
        #expect(!tagSet.allows(beginORG, 0) && !tagSet.allows(beginORG, unitLOC) && !tagSet.allows(beginORG, lastPER))
        #expect(!tagSet.allows(nil, lastORG) && !tagSet.allows(0, insideORG) && !tagSet.allows(lastORG, lastORG))
        #expect(tagSet.allows(lastORG, unitLOC) && tagSet.allows(unitLOC, beginORG) && tagSet.allows(nil, 0))
        #expect(!tagSet.canEnd(beginORG) && !tagSet.canEnd(insideORG) && tagSet.canEnd(lastORG) && tagSet.canEnd(0))
        #expect(EntityTagSet.conll.canEnd(EntityTagSet.conll.tag(type: 0, begin: true)))
    }

    @Test("Viterbi under BILOU never leaves an entity open, even when the scores ask for it")
    func bilouViterbiClosesEntities() {
        let tagSet = EntityTagSet.conll.with(scheme: .bilou)
        let viterbi = EntityViterbi(tagSet: tagSet)
        let tags = tagSet.count
        let transitions = [Float](repeating: 0, count: (tags + 1) * tags)
        // Two tokens whose best single tags are B-PER, B-PER: the legal best is B-PER L-PER or U-PER U-PER.
        var emissions = [Float](repeating: 0, count: 2 * tags)
        emissions[tagSet.tag(type: 0, part: .begin)] = 5
        emissions[tags + tagSet.tag(type: 0, part: .begin)] = 5
        emissions[tags + tagSet.tag(type: 0, part: .last)] = 1
        let path = viterbi.decode(emissions: emissions, count: 2, transitions: transitions)
        #expect(path.map(tagSet.name(of:)) == ["B-PER", "L-PER"])
        let scored = viterbi.decodeWithConfidence(emissions: emissions, count: 2, transitions: transitions)
        #expect(scored.path == path)
        #expect(scored.confidence.allSatisfy { $0 > 0 && $0 <= 1 })
        // One token: B- cannot end a sentence.
        let single = viterbi.decode(emissions: Array(emissions[0..<tags]), count: 1, transitions: transitions)
        #expect(tagSet.canEnd(single[0]))
    }
}
