import LectorCore

/// `document-frequencies`: counts in how many documents of the batch each word occurs, for the stages
/// with `idf: batch` (`summarize`, `keyphrases`). The pipeline builder places it right before the first
/// such stage; a pipeline file need not name it.
///
/// Summary: the document's distinct lower-cased words (sorted). Reduce: their counts, in input order.
/// Result: `CorpusStatistics`, which the stages after it see as `StageContext.corpus`.
public struct DocumentFrequencyStage: BatchStage {
    public static let name = "document-frequencies"
    public static let summary = "Batch document frequencies for idf: batch (added before the first stage that uses them)."

    public init(options: NoOptions) {}

    public func summarize(_ document: Document) -> [String] {
        DocumentFrequencyCounter.distinctWords(document.text)
    }

    public func makeReduction() -> Reduction { Reduction() }

    public func apply(_ result: CorpusStatistics, ordinal: Int, to document: inout Document) -> BatchVerdict { .keep }

    /// The counts so far.
    public struct Reduction: BatchReduction {
        var counter = DocumentFrequencyCounter()

        public mutating func add(_ summary: [String], ordinal: Int, id: String) {
            counter.add(distinctWords: summary)
        }

        public func finish() -> CorpusStatistics { counter.statistics }
    }
}
