import LectorCore
import LectorStages

/// Scores `SentenceSplitter` and `Tokenizer` on a `CoNLLUCorpus`.
public struct SegmentationEvaluator: Sendable {
    /// The splitter under test.
    public let splitter: SentenceSplitter
    /// The tokenizer under test (runs on the predicted sentences).
    public let tokenizer: Tokenizer

    public init(splitter: SentenceSplitter = SentenceSplitter(), tokenizer: Tokenizer = Tokenizer()) {
        self.splitter = splitter
        self.tokenizer = tokenizer
    }

    /// One document's predictions.
    public struct Prediction: Sendable {
        /// Predicted sentence spans (UTF-8 offsets).
        public var sentences: [Range<Int>]
        /// Predicted token spans (UTF-8 offsets).
        public var tokens: [Range<Int>]
    }

    /// Split and tokenize one rebuilt document.
    public func predict(_ document: CoNLLUCorpus.Document) -> Prediction {
        var text = document.text
        return text.withUTF8 { bytes in
            var sentences: [Range<Int>] = []
            for paragraph in document.paragraphs {
                splitter.split(bytes, paragraph: paragraph, into: &sentences)
            }
            var tokens: [Tokenizer.Token] = []
            for sentence in sentences { tokenizer.tokenize(bytes, range: sentence, into: &tokens) }
            return Prediction(sentences: sentences, tokens: tokens.map(\.range))
        }
    }

    /// Sentence ends inside paragraphs (paragraph ends are not counted).
    public static func innerEnds(_ sentences: [Range<Int>], paragraphs: [Range<Int>]) -> Set<Int> {
        let paragraphEnds = Set(paragraphs.map(\.upperBound))
        return Set(sentences.map(\.upperBound).filter { !paragraphEnds.contains($0) })
    }

    /// Sentence-end and token-span scores over every document of `corpus`.
    public func evaluate(_ corpus: CoNLLUCorpus) -> (sentences: BoundaryScore, tokens: BoundaryScore) {
        var sentenceScore = BoundaryScore()
        var tokenScore = BoundaryScore()
        for document in corpus.documents {
            let prediction = predict(document)
            sentenceScore.add(
                predicted: Self.innerEnds(prediction.sentences, paragraphs: document.paragraphs),
                gold: Self.innerEnds(document.sentences, paragraphs: document.paragraphs))
            tokenScore.add(
                predicted: Set(prediction.tokens.map { TokenSpan($0) }),
                gold: Set(document.tokens.map { TokenSpan($0) }))
        }
        return (sentenceScore, tokenScore)
    }
}
