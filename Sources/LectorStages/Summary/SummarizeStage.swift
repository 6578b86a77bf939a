import LectorCore

/// `summarize`: picks the sentences that best sum up a document (extractive), in document order.
///
/// Produces `.summary`: one annotation per chosen sentence with the sentence's range, its score, and
/// the attribute `sentence` (its index in the `.sentence` layer). Uses `.token` when present, else
/// scans words itself. Headings, captions and page furniture (bylines, datelines, photo credits,
/// "Read more" lines) are never chosen. Immutable after `init`; shared by every lane.
public struct SummarizeStage: Stage {
    public static let name = "summarize"
    public static let summary = "Extractive summary: sentences picked by a learned scorer (position, centrality, title, content), in order."
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
                "ranking: learned scorer + MMR, position-aware centrality + MMR, first sentences, TextRank, LexRank, or TF-IDF centroid"),
            .value("sentences", \.sentences, type: "integer ≥ 1", "number of sentences in the summary"),
            .value("ratio", \.ratio, type: "number in (0, 1]", "fraction of the sentences (overrides sentences)"),
            .value("max-words", \.maxWords, type: "integer ≥ 1", "word budget of the whole summary"),
            .value("min-words", \.minWords, type: "integer ≥ 0", "shorter sentences are never picked"),
            .choice("idf", \.idf, "word rarity: built-in table, or the batch's own document frequencies (counted before this stage runs)"),
            .value("graph-limit", \.graphLimit, type: "integer ≥ 10", "largest sentence graph (caps long documents)"),
        ]
    }


    public let options: Options
    private let table: IDFTable?
    /// The default method's scorer (the built-in model unless one is given).
    private let model: SummaryModel?

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
            throw SummarizeOptionError(IDFTable.builtinMissing)
        }
        self.options = options
        self.table = table
        self.model = SummaryModel.builtin
    }

    /// A stage with an explicit IDF table (tests, or callers with their own statistics).
    public init(options: Options, table: IDFTable?) {
        self.options = options
        self.table = table
        self.model = SummaryModel.builtin
    }

    /// A stage with an explicit sentence-scoring model (training and cross-validation).
    package init(options: Options, model: SummaryModel) throws {
        try self.init(options: options)
        self = SummarizeStage(options: options, table: table, model: model)
    }

    /// The same stage (table and model kept) asking for a summary of another length: at most
    /// `sentences` sentences within `maxWords` words (evaluation at a reference's length).
    package func withLength(sentences: Int, maxWords: Int?) -> SummarizeStage {
        var options = self.options
        options.sentences = max(sentences, 1)
        options.ratio = nil
        options.maxWords = maxWords.map { max($0, 1) }
        return SummarizeStage(options: options, table: table, model: model)
    }

    private init(options: Options, table: IDFTable?, model: SummaryModel?) {
        self.options = options
        self.table = table
        self.model = model
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
        guard let prepared = try prepare(document, context: context) else { return [] }
        let candidates = prepared.candidates
        let ranker = SentenceRanker(method: options.method, graphLimit: options.graphLimit)
        var scores = ranker.scores(prepared.vectors, candidates: candidates)
        let count: Int
        if let ratio = options.ratio {
            count = max(1, Int((ratio * Double(document.annotations(.sentence).count)).rounded()))
        } else {
            count = options.sentences
        }
        var redundancyWeight: Float = 0
        var redundancyThreshold: Float = 0.5
        var kept = 0
        if options.method == .default {
            let model = self.model ?? SummaryModel(weights: SentenceFeatures.names.map { $0 == "centrality" ? 1 : 0 })
            scores = model.scores(features(prepared, centrality: scores, document: document), anchored: count)
            redundancyWeight = model.redundancyWeight
            redundancyThreshold = model.redundancyThreshold
            kept = model.leadKept
        } else if options.method == .central {
            redundancyWeight = 0.5
        }
        let chosen = ranker.pick(
            prepared.vectors, candidates: candidates, scores: scores, count: count, maxWords: options.maxWords,
            redundancyWeight: redundancyWeight, redundancyThreshold: redundancyThreshold, kept: kept)
        return chosen.map { (candidates[$0], scores[$0]) }
    }

    /// The default method's feature rows for a document's candidate sentences (for training): nil when
    /// nothing may be picked.
    package func featureRows(_ document: Document) throws -> (candidates: [Int], rows: [[Float]])? {
        guard let prepared = try prepare(document, context: StageContext()) else { return nil }
        let ranker = SentenceRanker(method: .default, graphLimit: options.graphLimit)
        let centrality = ranker.scores(prepared.vectors, candidates: prepared.candidates)
        let features = features(prepared, centrality: centrality, document: document)
        return (prepared.candidates, (0..<features.count).map { Array(features.row($0)) })
    }

    /// What every method needs: sentence words, vectors (the title, when known, as one extra row at
    /// the end), and the candidates.
    private struct Prepared {
        var ranges: [TextRange]
        var words: [[WordScanner.Word]]
        var vectors: SentenceVectors
        var candidates: [Int]
        /// Row of the title in `vectors`, if any.
        var titleRow: Int?
        var language: SummaryLanguage
    }

    private func prepare(_ document: Document, context: StageContext) throws -> Prepared? {
        let sentences = document.annotations(.sentence)
        guard !sentences.isEmpty else { return nil }
        let ranges = sentences.map(\.range)
        var words = WordScanner.words(in: ranges, of: document)
        try context.checkDeadline()
        let language = SummaryLanguage.of(document)
        let weighting = SentenceVectors.Weighting.choose(
            options.idf, corpus: context.corpus, table: table, language: language)
        var titleWords: [WordScanner.Word] = []
        if var title = document.title {
            titleWords = title.withUTF8 { WordScanner.scan($0, from: 0, to: $0.count) }
        }
        var candidates = eligibleSentences(document, ranges: ranges, words: words)
        if !titleWords.isEmpty {
            // The headline is never part of the summary: a sentence with the title's words is left out.
            let titleKeys = titleWords.map(\.hash)
            candidates.removeAll { words[$0].count == titleKeys.count && words[$0].map(\.hash) == titleKeys }
        }
        guard !candidates.isEmpty else { return nil }
        var titleRow: Int?
        if !titleWords.isEmpty {
            titleRow = words.count
            words.append(titleWords)
        }
        let vectors = SentenceVectors(words: words, weighting: weighting, function: language.function)
        try context.checkDeadline()
        return Prepared(
            ranges: ranges, words: words, vectors: vectors, candidates: candidates, titleRow: titleRow,
            language: language)
    }

    private func features(_ prepared: Prepared, centrality: [Float], document: Document) -> SentenceFeatures {
        var paragraphStarts = Set<Int>()
        let paragraphs = document.annotations(.paragraph)
        var sentence = 0
        for paragraph in paragraphs {
            while sentence < prepared.ranges.count && prepared.ranges[sentence].start < paragraph.range.start {
                sentence += 1
            }
            if sentence < prepared.ranges.count && prepared.ranges[sentence].start < paragraph.range.end {
                paragraphStarts.insert(sentence)
            }
        }
        if paragraphs.isEmpty { paragraphStarts.insert(0) }
        var text = document.text
        let quoted = text.withUTF8 { bytes in
            prepared.candidates.map { Self.containsQuote(bytes, prepared.ranges[$0]) }
        }
        let titleCosine = prepared.titleRow.map { row in prepared.candidates.map { prepared.vectors.cosine($0, row) } }
        return SentenceFeatures(
            vectors: prepared.vectors, words: prepared.words, ranges: prepared.ranges, candidates: prepared.candidates,
            centrality: centrality, paragraphStarts: paragraphStarts, quoted: quoted, titleCosine: titleCosine ?? [],
            openingReferences: prepared.language.openingReferences,
            capitalsMarkNames: prepared.language.capitalsMarkNames)
    }

    /// A straight or curly double quote inside the range.
    private static func containsQuote(_ bytes: UnsafeBufferPointer<UInt8>, _ range: TextRange) -> Bool {
        let end = min(range.end, bytes.count)
        var index = max(range.start, 0)
        while index < end {
            let byte = bytes[index]
            if byte == 0x22 { return true }
            if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80, bytes[index + 2] == 0x9C || bytes[index + 2] == 0x9D {
                return true
            }
            index += 1
        }
        return false
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
