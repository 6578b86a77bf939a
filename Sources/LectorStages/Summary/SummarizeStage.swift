import LectorCore

/// `summarize`: picks the sentences that best sum up a document (extractive), in document order.
///
/// Produces `.summary`: one annotation per chosen sentence with the sentence's range, its score, and
/// the attribute `sentence` (its index in the `.sentence` layer). Uses `.token` when present, else
/// scans words itself. Headings, captions and page furniture (bylines, datelines, photo credits,
/// "Read more" lines) are never chosen. Immutable after `init`; shared by every lane.
public struct SummarizeStage: Stage {
    public static let name = "summarize"
    public static let summary = "Extractive summary: the most central sentences, with a position prior, in order."
    public static let defaultRequires: Set<Layer> = [.sentence]
    public static let defaultProduces: Set<Layer> = [.summary]

    /// Where word rarity comes from.
    public enum IDFSource: String, Sendable, Decodable, CaseIterable {
        /// The built-in English table.
        case builtin
        /// The batch's own document frequencies (`StageContext.corpus`), falling back to the table.
        case batch
    }

    /// Options as a pipeline file writes them.
    public struct Options: DeclaredOptions {
        public var method: SummaryMethod = .default
        public var sentences: Int = 3
        /// Fraction of the document's sentences (overrides `sentences` when set).
        public var ratio: Double?
        /// Word budget of the whole summary.
        public var maxWords: Int?
        /// Sentences with fewer words are never picked.
        public var minWords: Int = 5
        public var idf: IDFSource = .builtin
        /// Largest sentence graph built (longer documents are narrowed first).
        public var graphLimit: Int = 200

        public init() {}

        public static let declarations: [OptionDeclaration<Options>] = [
            .choice(
                "method", \.method,
                "ranking: position-aware centrality + MMR, first sentences, TextRank, LexRank, or TF-IDF centroid"),
            .value("sentences", \.sentences, type: "integer ≥ 1", "number of sentences in the summary"),
            .value("ratio", \.ratio, type: "number in (0, 1]", "fraction of the sentences (overrides sentences)"),
            .value("max-words", \.maxWords, type: "integer ≥ 1", "word budget of the whole summary"),
            .value("min-words", \.minWords, type: "integer ≥ 0", "shorter sentences are never picked"),
            .choice("idf", \.idf, "word rarity: built-in table, or the batch's own counts (table if the run has none)"),
            .value("graph-limit", \.graphLimit, type: "integer ≥ 10", "largest sentence graph (caps long documents)"),
        ]
    }


    public let options: Options
    private let table: IDFTable?

    /// Whether this stage would use the batch's document frequencies (`StageContext.corpus`), so the
    /// runner knows to count them before the map.
    public var usesBatchStatistics: Bool { options.idf == .batch }

    public init(options: Options) throws {
        guard options.sentences >= 1 else { throw SummarizeOptionError("sentences must be at least 1") }
        if let ratio = options.ratio, !(ratio > 0 && ratio <= 1) {
            throw SummarizeOptionError("ratio must be in (0, 1]")
        }
        if let maxWords = options.maxWords, maxWords < 1 { throw SummarizeOptionError("max-words must be at least 1") }
        guard options.minWords >= 0 else { throw SummarizeOptionError("min-words must not be negative") }
        guard options.graphLimit >= 10 else { throw SummarizeOptionError("graph-limit must be at least 10") }
        guard let table = IDFTable.builtin else {
            throw SummarizeOptionError("the built-in IDF table (idf-en.tsv) is missing from the installation")
        }
        self.options = options
        self.table = table
    }

    /// A stage with an explicit IDF table (tests, or callers with their own statistics).
    public init(options: Options, table: IDFTable?) {
        self.options = options
        self.table = table
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        let picked = try summarize(document, context: context)
        let sentences = document.annotations(.sentence)
        document.set(
            picked.map { index, score in
                Annotation(range: sentences[index].range, score: Double(score), attributes: ["sentence": String(index)])
            }, for: .summary)
    }

    /// Indices (into the sentence layer) and scores of the chosen sentences, in document order.
    public func summarize(_ document: Document, context: StageContext = StageContext()) throws -> [(Int, Float)] {
        let sentences = document.annotations(.sentence)
        guard !sentences.isEmpty else { return [] }
        let ranges = sentences.map(\.range)
        let words = WordScanner.words(in: ranges, of: document)
        try context.checkDeadline()
        let weighting: SentenceVectors.Weighting
        if options.idf == .batch, let corpus = context.corpus {
            weighting = .corpus(corpus)
        } else if let table {
            weighting = .table(table)
        } else {
            weighting = .uniform
        }
        let vectors = SentenceVectors(words: words, weighting: weighting)
        let candidates = eligibleSentences(document, ranges: ranges, words: words)
        guard !candidates.isEmpty else { return [] }
        try context.checkDeadline()
        let ranker = SentenceRanker(method: options.method, graphLimit: options.graphLimit)
        let scores = ranker.scores(vectors, candidates: candidates)
        let count: Int
        if let ratio = options.ratio {
            count = max(1, Int((ratio * Double(sentences.count)).rounded()))
        } else {
            count = options.sentences
        }
        let chosen = ranker.pick(
            vectors, candidates: candidates, scores: scores, count: count, maxWords: options.maxWords)
        return chosen.map { (candidates[$0], scores[$0]) }
    }

    /// Sentences that may be picked: not in an excluded block, long enough, not furniture.
    private func eligibleSentences(_ document: Document, ranges: [TextRange], words: [[WordScanner.Word]]) -> [Int] {
        let screen = SentenceScreen(minimumWords: options.minWords)
        let blocks = document.annotations(.paragraph).filter { SentenceScreen.excludedBlocks.contains($0.label) }
        var text = document.text
        return text.withUTF8 { bytes in
            var eligible: [Int] = []
            var blockIndex = 0
            for (index, range) in ranges.enumerated() {
                while blockIndex < blocks.count && blocks[blockIndex].range.end <= range.start { blockIndex += 1 }
                if blockIndex < blocks.count && blocks[blockIndex].range.overlaps(range) { continue }
                if screen.exclusion(words: words[index], text: bytes, range: range) == nil { eligible.append(index) }
            }
            return eligible
        }
    }
}

/// An invalid `summarize` or `keyphrases` option value.
public struct SummarizeOptionError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
