import LectorStages

/// Direct search for the summary scorer's weights: coordinate ascent on the mean ROUGE-1/2 F1 of
/// the top-scored sentences, against the references of the training documents (evaluation and
/// training only).
///
/// Each document's candidates carry their feature rows and n-gram counts (rouge-score's stemmed
/// tokens), so a trial costs a few dictionary merges per document. The objective is, per set, the
/// margin over Lead-N (N = each entry of `counts`), averaged over sets with a loss counted
/// `lossFactor` times: a set that falls behind the lead costs more than another gains.
struct SummaryWeightSearch {
    /// One training document.
    struct Item {
        var set: Int
        var rows: [[Float]]
        var unigrams: [[Int: Int]]
        var bigrams: [[Int: Int]]
        var referenceUnigrams: [Int: Int]
        var referenceBigrams: [Int: Int]
    }

    var items: [Item]
    var setCount: Int
    var counts: [Int] = [3, 1]
    var lossFactor = 3.0
    var rounds = 8
    var steps: [Float] = [2, 1, 0.5, 0.25, 0.1, 0.05]
    /// Lead anchoring (`SummaryModel.leadMargin`): added to the first N rows' scores for Lead-N slots.
    var leadMargin: Float = 0
    /// Features the search may move (indices); the others keep their start value.
    var free: Set<Int>?

    init(setCount: Int) {
        self.items = []
        self.setCount = setCount
    }

    /// Add a document: its candidates' texts (in order), feature rows and reference.
    mutating func add(set: Int, texts: [String], rows: [[Float]], reference: String, scorer: RougeScorer) {
        var interner = TokenInterner(scorer: scorer)
        let referenceTokens = interner.ids(reference)
        let tokens = texts.map { interner.ids($0) }
        items.append(
            Item(
                set: set, rows: rows, unigrams: tokens.map { TokenInterner.counts($0, n: 1) },
                bigrams: tokens.map { TokenInterner.counts($0, n: 2) },
                referenceUnigrams: TokenInterner.counts(referenceTokens, n: 1),
                referenceBigrams: TokenInterner.counts(referenceTokens, n: 2)))
    }

    /// Per set and summary length, the mean of (ROUGE-1 F1 + ROUGE-2 F1) / 2 for `weights` over the
    /// items whose set is in `sets`; `lead` scores by position instead.
    func figures(_ weights: [Float]?, sets: Set<Int>) -> [[Double]] {
        var totals = [[Double]](repeating: [Double](repeating: 0, count: counts.count), count: setCount)
        var documents = [Double](repeating: 0, count: setCount)
        for item in items where sets.contains(item.set) {
            let scores = weights.map { weights in
                item.rows.map { row -> Float in
                    var sum: Float = 0
                    for (w, v) in zip(weights, row) { sum += w * v }
                    return sum
                }
            }
            documents[item.set] += 1
            for (slot, count) in counts.enumerated() {
                let order: [Int]
                if var scores {
                    for index in 0..<min(count, scores.count) { scores[index] += leadMargin }
                    order = item.rows.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
                } else {
                    order = Array(item.rows.indices)
                }
                let picked = order.prefix(count)
                var unigrams: [Int: Int] = [:]
                var bigrams: [Int: Int] = [:]
                for index in picked {
                    unigrams.merge(item.unigrams[index], uniquingKeysWith: +)
                    bigrams.merge(item.bigrams[index], uniquingKeysWith: +)
                }
                totals[item.set][slot] +=
                    (Self.f1(item.referenceUnigrams, unigrams) + Self.f1(item.referenceBigrams, bigrams)) / 2
            }
        }
        return totals.enumerated().map { set, values in values.map { documents[set] > 0 ? $0 / documents[set] : 0 } }
    }

    /// The objective for `weights` on `sets` given the lead's figures.
    func objective(_ weights: [Float], sets: Set<Int>, lead: [[Double]]) -> Double {
        let figures = figures(weights, sets: sets)
        var total = 0.0
        for set in sets {
            for slot in counts.indices {
                let margin = figures[set][slot] - lead[set][slot]
                total += margin < 0 ? margin * lossFactor : margin
            }
        }
        return total / Double(max(sets.count * counts.count, 1))
    }

    /// Coordinate ascent from a lead-like start (only the inverse position weighs), on `sets`.
    func search(sets: Set<Int>, width: Int, start: [Float]) -> [Float] {
        let lead = figures(nil, sets: sets)
        var weights = start
        var best = objective(weights, sets: sets, lead: lead)
        for _ in 0..<rounds {
            var improved = false
            for feature in 1..<width where free?.contains(feature) ?? true {
                for step in steps {
                    for sign: Float in [1, -1] {
                        var trial = weights
                        trial[feature] += sign * step
                        let value = objective(trial, sets: sets, lead: lead)
                        if value > best + 1e-6 {
                            best = value
                            weights = trial
                            improved = true
                        }
                    }
                }
            }
            if !improved { break }
        }
        return weights
    }

    /// `search` from each start; the end point with the best objective.
    func bestOf(sets: Set<Int>, width: Int, starts: [[Float]]) -> [Float] {
        let lead = figures(nil, sets: sets)
        var best: (weights: [Float], value: Double)?
        for start in starts {
            let weights = search(sets: sets, width: width, start: start)
            let value = objective(weights, sets: sets, lead: lead)
            if best == nil || value > best!.value { best = (weights, value) }
        }
        return best?.weights ?? starts.first ?? []
    }

    private static func f1(_ reference: [Int: Int], _ summary: [Int: Int]) -> Double {
        var overlap = 0
        var summaryTotal = 0
        for (key, count) in summary {
            summaryTotal += count
            overlap += min(count, reference[key] ?? 0)
        }
        let referenceTotal = reference.values.reduce(0, +)
        guard overlap > 0 else { return 0 }
        let precision = Double(overlap) / Double(summaryTotal)
        let recall = Double(overlap) / Double(referenceTotal)
        return 2 * precision * recall / (precision + recall)
    }
}
