/// Precision, recall and F1 of predicted boundaries (or spans) against gold ones.
public struct BoundaryScore: Sendable, Equatable {
    public var truePositives = 0
    public var predicted = 0
    public var gold = 0

    public init() {}

    /// Add one document's sets.
    public mutating func add<T: Hashable>(predicted: Set<T>, gold: Set<T>) {
        truePositives += predicted.intersection(gold).count
        self.predicted += predicted.count
        self.gold += gold.count
    }

    public var precision: Double { predicted == 0 ? (gold == 0 ? 1 : 0) : Double(truePositives) / Double(predicted) }
    public var recall: Double { gold == 0 ? 1 : Double(truePositives) / Double(gold) }
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
    }
}

/// Scores `SentenceSplitter` and `Tokenizer` on a `CoNLLUCorpus`.
public struct SegmentationEvaluator: Sendable {
    public let splitter: SentenceSplitter
    public let tokenizer: Tokenizer

    public init(splitter: SentenceSplitter = SentenceSplitter(), tokenizer: Tokenizer = Tokenizer()) {
        self.splitter = splitter
        self.tokenizer = tokenizer
    }

    /// One document's predictions.
    public struct Prediction: Sendable {
        public var sentences: [Range<Int>]
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

/// A hashable token span (Range is Hashable, but a two-field struct hashes faster and reads better).
struct TokenSpan: Hashable {
    var start: Int
    var end: Int
    init(_ range: Range<Int>) {
        start = range.lowerBound
        end = range.upperBound
    }
}
