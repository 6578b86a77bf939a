import LectorCore
import LectorStages

/// Precision, recall and F1 of predicted entity spans against gold spans, by conlleval's exact-span
/// rule: a prediction counts only when its start, end and label all match a gold span.
public struct EntityScorer: Sendable {
    /// Counts for one label (or for all, micro-averaged).
    public struct Counts: Sendable, Hashable, Codable {
        public var truePositives = 0
        public var predicted = 0
        public var gold = 0

        public init() {}

        public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        public var f1: Double {
            let p = precision
            let r = recall
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
    }

    public private(set) var byLabel: [String: Counts] = [:]
    public private(set) var micro = Counts()

    public init() {}

    /// Add one sentence's spans.
    public mutating func add(gold: [EntitySpan], predicted: [EntitySpan]) {
        let goldSet = Set(gold)
        for span in predicted {
            byLabel[span.label, default: Counts()].predicted += 1
            micro.predicted += 1
            if goldSet.contains(span) {
                byLabel[span.label, default: Counts()].truePositives += 1
                micro.truePositives += 1
            }
        }
        for span in gold {
            byLabel[span.label, default: Counts()].gold += 1
            micro.gold += 1
        }
    }
}
