import LectorCore

/// `duplicates`: marks each document that repeats an earlier one (input order) with
/// `duplicate_of: ID` (metadata written as a field of `documents.jsonl`): the same clean text, or a
/// near-duplicate whose estimated shingle similarity reaches `threshold` (MinHash/LSH, see
/// `DuplicateSignature` and `DuplicateIndex`). With `skip: true` the stages after it leave
/// duplicates alone (they are still reported, and counted in `run.json` under `documents.skipped`).
///
/// Summary: the document's `DuplicateSignature` (about 150 bytes). Reduce: the LSH index, streamed in
/// input order (about 700 bytes per distinct document, 24 per duplicate), plus each document's id.
public struct DuplicatesStage: BatchStage {
    public static let name = "duplicates"
    public static let summary = "Exact and near-duplicate documents (MinHash/LSH): duplicate_of the earlier one."

    public struct Options: DeclaredOptions {
        // Defaults are the measured ones of the algorithms (see Benchmarks/batch/README.md).
        public var threshold: Double = DuplicateIndex.Options().threshold
        public var measure: DuplicateIndex.Measure = DuplicateIndex.Options().measure
        public var shingle: Int = DuplicateSignature.Options().shingle
        public var hashes: Int = DuplicateSignature.Options().hashes
        public var skip: Bool = false

        public init() {}

        public static let declarations: [OptionDeclaration<Options>] = [
            .value("threshold", \.threshold, type: "number in (0, 1]", "estimated similarity from which a document is a near-duplicate"),
            .choice("measure", \.measure, "similarity: shared shingles over all (jaccard) or over the shorter document's (containment)"),
            .value("shingle", \.shingle, type: "integer 1…10", "words per shingle"),
            .value("hashes", \.hashes, type: "integer 16…512", "MinHash functions (more: finer and larger)"),
            .value("skip", \.skip, type: "boolean", "stages after this one leave duplicates alone"),
        ]
    }

    public let options: Options

    public init(options: Options) throws {
        guard options.threshold > 0 && options.threshold <= 1 else { throw BatchOptionError("threshold must be in (0, 1]") }
        guard (1...10).contains(options.shingle) else { throw BatchOptionError("shingle must be in 1…10") }
        guard (16...512).contains(options.hashes) else { throw BatchOptionError("hashes must be in 16…512") }
        self.options = options
    }

    public func summarize(_ document: Document) -> DuplicateSignature {
        DuplicateSignature(
            text: document.text, options: DuplicateSignature.Options(shingle: options.shingle, hashes: options.hashes))
    }

    public func makeReduction() -> Reduction {
        Reduction(index: DuplicateIndex(options: DuplicateIndex.Options(threshold: options.threshold, measure: options.measure)))
    }

    public func apply(_ result: [Int: String], ordinal: Int, to document: inout Document) -> BatchVerdict {
        guard let original = result[ordinal] else { return .keep }
        document.metadata[BatchField.duplicateOf] = original
        return options.skip ? .skip : .keep
    }

    /// The LSH index and the ids of the documents added so far.
    public struct Reduction: BatchReduction {
        var index: DuplicateIndex
        var ids: [String] = []
        var originalOf: [Int: String] = [:]

        public mutating func add(_ summary: DuplicateSignature, ordinal: Int, id: String) {
            if let match = index.add(summary) { originalOf[ordinal] = ids[match.original] }
            ids.append(id)
        }

        /// Ordinal of each duplicate → the id of the document it repeats.
        public func finish() -> [Int: String] { originalOf }
    }
}
