import LectorCore

/// `keyphrases`: the top key phrases of a document (multi-word, deduplicated, scored).
///
/// Produces `.keyphrase`: one annotation per phrase at its first occurrence; label = the phrase
/// lower-cased with single spaces; score = relative strength (best = 1); attribute `text` = the
/// phrase as first written. Uses `.sentence` and `.token` when present (phrases never cross a
/// sentence), else the whole text. Immutable after `init`; shared by every lane.
public struct KeyphraseStage: Stage {
    public static let name = "keyphrases"
    public static let summary = "Key phrases: recurring multi-word terms weighted by TF-IDF and position."
    public static let defaultRequires: Set<Layer> = []
    public static let defaultProduces: Set<Layer> = [.keyphrase]

    /// Options as a pipeline file writes them.
    public struct Options: DeclaredOptions {
        public var count: Int = 10
        public var maxWords: Int = 3
        public var idf: SummarizeStage.IDFSource = .builtin

        public init() {}

        public static let declarations: [OptionDeclaration<Options>] = [
            .value("count", \.count, type: "integer ≥ 1", "number of key phrases"),
            .value("max-words", \.maxWords, type: "integer 1…6", "longest phrase in words"),
            .choice("idf", \.idf, "word rarity: built-in table, or the batch's own document frequencies (counted before this stage runs)"),
        ]
    }


    public let options: Options
    private let table: IDFTable?

    /// Whether this stage would use the batch's document frequencies (`StageContext.corpus`), so the
    /// runner knows to count them before the map.
    public var usesBatchStatistics: Bool { options.idf == .batch }

    public init(options: Options) throws {
        guard options.count >= 1 else { throw SummarizeOptionError("count must be at least 1") }
        guard (1...6).contains(options.maxWords) else { throw SummarizeOptionError("max-words must be in 1…6") }
        guard let table = IDFTable.builtin else {
            throw SummarizeOptionError(IDFTable.builtinMissing)
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
        let language = SummaryLanguage.of(document)
        let weighting = SentenceVectors.Weighting.choose(
            options.idf, corpus: context.corpus, table: table, language: language)
        let extractor = KeyphraseExtractor(count: options.count, maxWords: options.maxWords, language: language)
        let phrases = extractor.extract(document, weighting: weighting)
        document.set(
            phrases.map {
                Annotation(range: $0.range, label: $0.label, score: $0.score, attributes: ["text": $0.text])
            },
            for: .keyphrase)
    }
}
