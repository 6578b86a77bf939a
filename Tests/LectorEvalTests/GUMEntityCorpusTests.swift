import Testing

@testable import LectorStages
@testable import LectorEval

@Suite("GUM entity gold for other domains")
struct GUMEntityCorpusTests {
    /// Two GUM-style sentences: nested mentions, a determiner and a capitalised adjective before a
    /// name, a one-token mention, a common-noun mention, an abstract mention and a multiword token.
    static let sample = """
        # newdoc id = GUM_test_one
        # sent_id = 1
        1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-organization-new-x
        2\tUniversity\tUniversity\tPROPN\tNNP\t_\t9\tnsubj\t_\t_
        3\tof\tof\tADP\tIN\t_\t4\tcase\t_\t_
        4\tMichigan\tMichigan\tPROPN\tNNP\t_\t2\tnmod\t_\tEntity=(2-place-new-x)1)
        5\tin\tin\tADP\tIN\t_\t8\tcase\t_\t_
        6\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\tEntity=(3-place-new-x
        7\tUnited\tunite\tVERB\tVBN\t_\t8\tamod\t_\t_
        8\tStates\tStates\tPROPN\tNNPS\t_\t2\tnmod\t_\tEntity=3)
        9\thired\thire\tVERB\tVBD\t_\t0\troot\t_\t_
        10\tSmith\tSmith\tPROPN\tNNP\t_\t9\tobj\t_\tEntity=(4-person-new-x)
        11\t.\t.\tPUNCT\t.\t_\t9\tpunct\t_\t_

        # newdoc id = GUM_test_two
        # sent_id = 2
        1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(5-organization-new-x
        2\tcompany\tcompany\tNOUN\tNN\t_\t4\tnsubj\t_\tEntity=5)
        3-4\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
        3\tdid\tdo\tAUX\tVBD\t_\t4\taux\t_\t_
        4\tn't\tnot\tPART\tRB\t_\t5\tadvmod\t_\t_
        5\tfail\tfail\tVERB\tVB\t_\t0\troot\t_\t_
        6\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_
        7\tDH\tDH\tPROPN\tNNP\t_\t5\tobl\t_\tEntity=(6-abstract-new-x)
        """

    @Test("Named person, place and organization mentions become CoNLL spans; the rest is dropped")
    func convertsMentions() {
        let corpus = CoNLLCorpus(gumText: Self.sample)
        #expect(corpus.documents.count == 2)
        let first = corpus.documents[0].sentences[0]
        #expect(first.words.count == 11)
        #expect(
            first.spans == [
                EntitySpan(start: 1, end: 4, label: "ORG"), EntitySpan(start: 6, end: 8, label: "LOC"),
                EntitySpan(start: 9, end: 10, label: "PER"),
            ])
        let second = corpus.documents[1].sentences[0]
        #expect(second.words == ["The", "company", "did", "n't", "fail", "in", "DH"])
        #expect(second.spans.isEmpty)
    }
}
