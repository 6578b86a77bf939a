import Foundation
import LectorTestSupport
import Testing

@testable import LectorStages
@testable import LectorEval

/// Quality floors on the UD English development files (skipped when the data is absent). Floors sit
/// just under the measured figures and above the best peer on each file.
@Suite struct SentenceQualityTests {
    static func score(_ path: String) throws -> BoundaryScore {
        let content = try String(contentsOf: DevelopmentData.file(path), encoding: .utf8)
        return SegmentationEvaluator().evaluate(CoNLLUCorpus(parsing: content)).sentences
    }

    @Test(.enabled(if: DevelopmentData.exists(DevelopmentData.ewtDev)))
    func ewtDevSentenceF1BeatsThePeers() throws {
        let score = try Self.score(DevelopmentData.ewtDev)
        #expect(score.f1 > 0.90, "EWT dev sentence F1 \(score.f1); best peer 0.887")
    }

    @Test(.enabled(if: DevelopmentData.exists(DevelopmentData.gumDev)))
    func gumDevSentenceF1BeatsThePeers() throws {
        let score = try Self.score(DevelopmentData.gumDev)
        #expect(score.f1 > 0.96, "GUM dev sentence F1 \(score.f1); best peer 0.950")
    }

    @Test func jsonlCasesReadStringsAndOffsets() throws {
        let content = """
            {"text": "One. Two.", "sentences": ["One.", "Two."]}

            {"text": "Één. Twee.", "sentences": [[0, 4], [5, 10]]}
            """
        let cases = try SentenceCase.parse(jsonl: content)
        #expect(cases.count == 2)
        #expect(cases[0].sentences == [0..<4, 5..<9])
        #expect(cases[1].sentences == [0..<6, 7..<12])
    }

    @Test func jsonlErrorsNameTheLine() {
        let error = #expect(throws: SentenceCase.ParseError.self) {
            _ = try SentenceCase.parse(jsonl: "{\"text\": \"a\", \"sentences\": [\"a\"]}\n{\"text\": 3}")
        }
        #expect(error?.line == 2)
    }

    @Test func conlluDocumentsAreRebuiltWithParagraphsAndSpaces() {
        let content = """
            # newdoc id = d1
            # newpar
            # text = Hi there.
            1-2\tHi\t_
            1\tH\t_
            2\ti\t_
            3\tthere\t_
            4\t.\t_

            # text = Bye.
            1\tBye\t_
            2\t.\t_

            # newpar
            # text = Don't.
            1-2\tDon't\t_
            1\tDo\t_
            2\tn't\t_
            3\t.\t_

            """
        let corpus = CoNLLUCorpus(parsing: content)
        let document = try! #require(corpus.documents.first)
        #expect(document.text == "Hi there. Bye.\n\nDon't.")
        #expect(document.sentences == [0..<9, 10..<14, 16..<22])
        #expect(document.paragraphs == [0..<14, 16..<22])
        #expect(document.tokens.count == 9)  // H i there . Bye . Do n't .
        #expect(document.tokens[6] == 16..<18)  // "Do"
        #expect(SegmentationEvaluator.innerEnds(document.sentences, paragraphs: document.paragraphs) == [9])
    }
}

/// Sentence ends per language: at least Punkt's per-language model on each UD development treebank
/// (Punkt's figures measured by Benchmarks/sentences/sentence_peers.py on 2026-12-07).
@Suite struct EuropeanSentenceQualityTests {
    static let punkt: [(String, Double)] = [
        ("sent/ud_german/de_gsd/de_gsd-ud-dev.conllu", 0.9773),
        ("sent/ud_spanish/es_gsd/es_gsd-ud-dev.conllu", 0.9812),
        ("sent/ud_french/fr_gsd/fr_gsd-ud-dev.conllu", 0.9764),
        ("sent/ud_italian/it_isdt/it_isdt-ud-dev.conllu", 0.9313),
        ("sent/ud_dutch/nl_alpino/nl_alpino-ud-dev.conllu", 0.9958),
        ("sent/ud_dutch/nl_lassysmall/nl_lassysmall-ud-dev.conllu", 0.8951),
    ]

    @Test(.enabled(if: punkt.allSatisfy { DevelopmentData.exists($0.0) }))
    func everyLanguageIsAtLeastPunkt() throws {
        for (path, floor) in Self.punkt {
            // Each treebank with its language's shipped sentence statistics, as `eval sentences --suite`.
            let evaluator = SegmentationEvaluator(
                splitter: EvalSentences.splitter(forTreebank: path, default: SentenceSplitter()))
            let content = try String(contentsOf: DevelopmentData.file(path), encoding: .utf8)
            let whole = evaluator.evaluate(CoNLLUCorpus(parsing: content)).sentences.f1
            let chunked = evaluator.evaluate(CoNLLUCorpus(parsing: EvalSentences.chunked(content, size: 10))).sentences.f1
            #expect(whole >= floor, "\(path): \(whole) < Punkt \(floor)")
            #expect(chunked >= floor - 0.002, "\(path) in chunks of 10: \(chunked)")
        }
    }

    @Test func chunksStartADocumentEveryNSentences() {
        let content = "# newdoc\n# text = A.\n1\tA\n\n# newpar\n# text = B.\n1\tB\n\n# text = C.\n1\tC\n\n"
        let chunked = EvalSentences.chunked(content, size: 2)
        #expect(chunked.components(separatedBy: "# newdoc").count - 1 == 2)
        #expect(!chunked.contains("# newpar"))
    }
}
