import LectorCore

/// `stories`: groups the documents about one event (shared entities and terms, close dates; see
/// `StoryGrouper`). Each document of a story with two or more documents gets `story: ID` (metadata
/// written as a field of `documents.jsonl`; ids `S1`, `S2`… in order of each story's first document);
/// the report's Stories page shows them. A document alone in its story gets none.
///
/// Summary: the document's `StorySummary` (about 300 bytes). Reduce: every summary is kept until the
/// grouping runs (single pass in input order), so about 300 bytes per document.
public struct StoriesStage: BatchStage {
    public static let name = "stories"
    public static let summary = "Stories: documents about the same event grouped (story: ID), with a Stories page."
    public static let defaultRequires: Set<Layer> = [.entity]

    public struct Options: DeclaredOptions {
        // Defaults are the measured ones of the algorithms (see Benchmarks/batch/README.md).
        public var threshold: Double = StoryGrouper.Options().threshold
        public var days: Int = StoryGrouper.Options().days
        public var entityWeight: Double = StoryGrouper.Options().entityWeight
        public var terms: Int = StorySummary.Options().terms
        public var entities: Int = StorySummary.Options().entities

        public init() {}

        public static let declarations: [OptionDeclaration<Options>] = [
            .value("threshold", \.threshold, type: "number in (0, 1]", "similarity from which a document joins a story"),
            .value("days", \.days, type: "integer ≥ 0", "largest gap in days between a document and its story"),
            .value("entity-weight", \.entityWeight, type: "number > 0", "weight of a shared entity against a shared term"),
            .value("terms", \.terms, type: "integer 1…200", "terms kept per document"),
            .value("entities", \.entities, type: "integer 0…100", "entities kept per document"),
        ]
    }

    public let options: Options

    public init(options: Options) throws {
        guard options.threshold > 0 && options.threshold <= 1 else { throw BatchOptionError("threshold must be in (0, 1]") }
        guard options.days >= 0 else { throw BatchOptionError("days must not be negative") }
        guard options.entityWeight > 0 else { throw BatchOptionError("entity-weight must be positive") }
        guard (1...200).contains(options.terms) else { throw BatchOptionError("terms must be in 1…200") }
        guard (0...100).contains(options.entities) else { throw BatchOptionError("entities must be in 0…100") }
        self.options = options
    }

    public func summarize(_ document: Document) -> StorySummary {
        StorySummary(document: document, options: StorySummary.Options(terms: options.terms, entities: options.entities))
    }

    public func makeReduction() -> Reduction {
        Reduction(
            grouper: StoryGrouper(
                options: StoryGrouper.Options(threshold: options.threshold, days: options.days, entityWeight: options.entityWeight)))
    }

    public func apply(_ result: [Int: String], ordinal: Int, to document: inout Document) -> BatchVerdict {
        if let story = result[ordinal] { document.metadata[BatchField.story] = story }
        return .keep
    }

    /// The summaries so far, with their ordinals.
    public struct Reduction: BatchReduction {
        var grouper: StoryGrouper
        var summaries: [StorySummary] = []
        var ordinals: [Int] = []

        public mutating func add(_ summary: StorySummary, ordinal: Int, id: String) {
            summaries.append(summary)
            ordinals.append(ordinal)
        }

        /// Ordinal → story id, for the documents of stories with two or more documents.
        public func finish() -> [Int: String] {
            let (ids, stories) = grouper.group(summaries)
            var sizes = [Int](repeating: 0, count: stories.count)
            for id in ids where id < sizes.count { sizes[id] += 1 }
            // Dense ids over the stories shown, in order of each story's first document.
            var names: [Int: String] = [:]
            var result: [Int: String] = [:]
            for (position, id) in ids.enumerated() where id < sizes.count && sizes[id] >= 2 {
                if names[id] == nil { names[id] = "S\(names.count + 1)" }
                result[ordinals[position]] = names[id]
            }
            return result
        }
    }
}
