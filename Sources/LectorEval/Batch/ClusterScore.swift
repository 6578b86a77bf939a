/// Scores a clustering of items against gold clusters: B³ (Bagga and Baldwin 1998) and pairwise
/// precision, recall and F1.
///
/// Items are positions; `predicted[i]` and `gold[i]` are cluster labels of item `i` (any hashable values;
/// only equality matters). B³ averages, over items, the share of the item's predicted cluster that is in
/// its gold cluster (precision) and the share of its gold cluster that is in its predicted cluster
/// (recall). Pairwise counts item pairs placed together. Counting is by cluster intersections, not over
/// all pairs, so it is linear in the number of items.
struct ClusterScore: Sendable, Hashable {
    var b3Precision: Double
    var b3Recall: Double
    var pairPrecision: Double
    var pairRecall: Double

    var b3F1: Double { Self.f1(b3Precision, b3Recall) }
    var pairF1: Double { Self.f1(pairPrecision, pairRecall) }

    init<P: Hashable, G: Hashable>(predicted: [P], gold: [G]) {
        precondition(predicted.count == gold.count, "one predicted and one gold label per item")
        var predictedSize: [P: Int] = [:]
        var goldSize: [G: Int] = [:]
        var overlap: [Pair<P, G>: Int] = [:]
        for (p, g) in zip(predicted, gold) {
            predictedSize[p, default: 0] += 1
            goldSize[g, default: 0] += 1
            overlap[Pair(p, g), default: 0] += 1
        }
        let count = Double(max(predicted.count, 1))
        var precision = 0.0
        var recall = 0.0
        var togetherBoth = 0.0
        for (pair, shared) in overlap {
            let n = Double(shared)
            precision += n * n / Double(predictedSize[pair.first] ?? 1)
            recall += n * n / Double(goldSize[pair.second] ?? 1)
            togetherBoth += n * (n - 1) / 2
        }
        let togetherPredicted = predictedSize.values.reduce(0.0) { $0 + Double($1) * Double($1 - 1) / 2 }
        let togetherGold = goldSize.values.reduce(0.0) { $0 + Double($1) * Double($1 - 1) / 2 }
        b3Precision = predicted.isEmpty ? 1 : precision / count
        b3Recall = predicted.isEmpty ? 1 : recall / count
        pairPrecision = togetherPredicted == 0 ? 1 : togetherBoth / togetherPredicted
        pairRecall = togetherGold == 0 ? 1 : togetherBoth / togetherGold
    }

    /// The figures as JSON-ready values, rounded to 4 places.
    var json: [String: Double] {
        [
            "b3_p": b3Precision, "b3_r": b3Recall, "b3_f1": b3F1, "pair_p": pairPrecision, "pair_r": pairRecall,
            "pair_f1": pairF1,
        ].mapValues(rounded)
    }

    /// One result row: the scores, the method's name and how many clusters it made (under `countKey`).
    static func row<P: Hashable, G: Hashable>(
        _ method: String, predicted: [P], gold: [G], countKey: String
    ) -> [String: Any] {
        var row: [String: Any] = ClusterScore(predicted: predicted, gold: gold).json
        row["method"] = method
        row[countKey] = Set(predicted).count
        return row
    }

    static func f1(_ precision: Double, _ recall: Double) -> Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}

/// Rounds to 4 decimal places for printing.
func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

private struct Pair<A: Hashable, B: Hashable>: Hashable {
    var first: A
    var second: B
    init(_ first: A, _ second: B) {
        self.first = first
        self.second = second
    }
}
