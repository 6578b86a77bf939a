import Foundation

/// A stage that works across the whole batch, in three steps:
///
/// 1. **Summarize** (per document, on the lanes): a small `Codable` summary of one document (counts,
///    a signature, entity keys). It is stored with the document's outcome in the run cache and in
///    shard results, so a cached or sharded document contributes it without being processed again.
/// 2. **Reduce** (once, on one thread): the summaries are folded into a `BatchReduction` one by one,
///    in input order, whatever the number of lanes or shards: the result is deterministic.
/// 3. **Apply** (per document, on the lanes): the result is applied to each document (metadata,
///    attributes of its annotations), before the stages that follow run on it.
///
/// A batch stage sits in the pipeline's stage list like any stage and is a barrier: the summaries
/// are taken from the documents as the stages before it left them, and the stages after it see the
/// applied result. See `BatchPlan` for how the runner schedules the passes.
public protocol BatchStage: Sendable {
    associatedtype Options: Decodable & Sendable = NoOptions
    associatedtype Summary: Codable & Sendable
    associatedtype Reduction: BatchReduction where Reduction.Summary == Summary

    /// What a pipeline file writes after `stage:`.
    static var name: String { get }
    /// One line for `lector stages`.
    static var summary: String { get }
    /// The options a user may set, for `lector stages`.
    static var optionHelp: [OptionHelp] { get }
    /// Layers the summary is made from (checked when the pipeline is built).
    static var defaultRequires: Set<Layer> { get }

    /// Layers this stage's summary needs (default: `defaultRequires`).
    var requires: Set<Layer> { get }

    init(options: Options) throws

    /// The summary of one processed document.
    func summarize(_ document: Document) -> Summary
    /// An empty reduction, ready for the summaries in input order.
    func makeReduction() -> Reduction
    /// Use the reduced result on the document at `ordinal` (its place among the batch's outcomes in
    /// input order, failed ones included). Returning `.skip` keeps the stages after this one from
    /// running on the document (it is still reported).
    func apply(_ result: Reduction.Result, ordinal: Int, to document: inout Document) -> BatchVerdict
}

extension BatchStage {
    public static var summary: String { "" }
    public static var optionHelp: [OptionHelp] { [] }
    public static var defaultRequires: Set<Layer> { [] }
    public var requires: Set<Layer> { Self.defaultRequires }
}

/// The state of a batch stage's reduce: summaries are added in input order, then `finish` gives
/// the result every document's `apply` sees. Memory stays what the state needs, never the documents.
public protocol BatchReduction {
    associatedtype Summary
    associatedtype Result: Sendable
    /// Add the summary of the document at `ordinal` (ascending; failed documents have none).
    mutating func add(_ summary: Summary, ordinal: Int, id: String)
    /// The reduced result.
    func finish() -> Result
}

/// What happens to a document after a batch stage applied its result.
public enum BatchVerdict: Sendable, Equatable {
    /// The stages after the batch stage run on it.
    case keep
    /// The stages after the batch stage leave it as it is (counted in `run.json` as skipped).
    case skip
}

/// Document metadata keys batch stages set and the report writes as top-level fields of
/// `documents.jsonl` (not under `metadata`).
public enum BatchField {
    /// The id of the earlier document (in input order) this one repeats.
    public static let duplicateOf = "duplicate_of"
    /// The id of the story (group of documents about one event) this document belongs to.
    public static let story = "story"
    /// Every such key, in the order `documents.jsonl` writes them.
    public static let all = [duplicateOf, story]
    /// The annotation attribute of an entity mention naming its batch entity.
    public static let entityID = "entity_id"
}

/// A batch stage with its types erased, as `AnyStage.batch` holds it.
public struct AnyBatchStage: Sendable {
    public let name: String
    /// Summary of one document.
    let summarize: @Sendable (Document) -> any Sendable
    /// A summary as JSON, for the cache and shard results.
    let encode: @Sendable (any Sendable) -> [UInt8]
    /// Decode a summary written by `summarize` (nil: damaged).
    let decode: @Sendable ([UInt8]) -> (any Sendable)?
    /// A fresh reduce state.
    let makeReducer: @Sendable () -> AnyBatchReducer

    public init<B: BatchStage>(_ stage: B) {
        name = B.name
        summarize = { document in stage.summarize(document) }
        encode = { summary in
            if let summary = summary as? any JSONWritableSummary {
                var writer = JSONWriter(capacity: 512)
                summary.writeJSON(to: &writer)
                return writer.bytes
            }
            return (summary as? B.Summary).flatMap { try? JSONEncoder.batchSummary.encode($0) }.map { Array($0) }
                ?? Array("null".utf8)
        }
        decode = { bytes in try? JSONDecoder().decode(B.Summary.self, from: Data(bytes)) }
        makeReducer = { AnyBatchReducer(stage) }
    }
}

/// A batch summary that writes its own JSON, a few times faster than `JSONEncoder` (every document of a
/// cached run or a shard writes its summaries). What it writes must decode with `JSONDecoder` into an
/// equal value; keys sorted, as `JSONEncoder.batchSummary` writes them.
public protocol JSONWritableSummary {
    func writeJSON(to writer: inout JSONWriter)
}

extension Array: JSONWritableSummary where Element == String {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginArray()
        for text in self { writer.value(text) }
        writer.endArray()
    }
}

extension JSONEncoder {
    /// Sorted keys: a summary's bytes depend on its content only.
    static var batchSummary: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

/// A batch stage's reduce state with its types erased. Used from one thread.
public final class AnyBatchReducer {
    private let addSummary: (any Sendable, Int, String) -> Void
    private let finishReduce: () -> BatchResult

    init<B: BatchStage>(_ stage: B) {
        let box = ReductionBox(stage.makeReduction())
        addSummary = { summary, ordinal, id in
            if let summary = summary as? B.Summary { box.reduction.add(summary, ordinal: ordinal, id: id) }
        }
        finishReduce = {
            let result = box.reduction.finish()
            return BatchResult(
                name: B.name, value: result,
                apply: { ordinal, document in stage.apply(result, ordinal: ordinal, to: &document) })
        }
    }

    func add(_ summary: any Sendable, ordinal: Int, id: String) { addSummary(summary, ordinal, id) }
    func finish() -> BatchResult { finishReduce() }
}

/// A reduction held by reference, so the type-erased reducer's closures share it.
final class ReductionBox<Reduction> {
    var reduction: Reduction
    init(_ reduction: Reduction) { self.reduction = reduction }
}

/// The reduced result of one batch stage, ready to apply to documents on any lane.
public struct BatchResult: Sendable {
    public let name: String
    /// The result itself (e.g. `CorpusStatistics` for document frequencies).
    public let value: any Sendable
    let apply: @Sendable (Int, inout Document) -> BatchVerdict

    /// The batch statistics this result gives the stages after it, if it is document frequencies.
    public var corpus: CorpusStatistics? { value as? CorpusStatistics }
}
