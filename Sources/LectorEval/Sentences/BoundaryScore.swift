import LectorCore
import LectorStages

/// Precision, recall and F1 of predicted boundaries (or spans) against gold ones.
public struct BoundaryScore: Sendable, Equatable {
    /// Predicted items that are also gold.
    public var truePositives = 0
    /// Predicted items.
    public var predicted = 0
    /// Gold items.
    public var gold = 0

    public init() {}

    /// Add one document's sets.
    public mutating func add<T: Hashable>(predicted: Set<T>, gold: Set<T>) {
        truePositives += predicted.intersection(gold).count
        self.predicted += predicted.count
        self.gold += gold.count
    }

    /// Share of predictions that are right (1 when nothing was predicted and nothing was expected).
    public var precision: Double { predicted == 0 ? (gold == 0 ? 1 : 0) : Double(truePositives) / Double(predicted) }
    /// Share of gold items found.
    public var recall: Double { gold == 0 ? 1 : Double(truePositives) / Double(gold) }
    /// Harmonic mean of precision and recall.
    public var f1: Double {
        let sum = precision + recall
        return sum == 0 ? 0 : 2 * precision * recall / sum
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
