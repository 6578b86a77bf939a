import LectorStages

/// Oracle labels for training the summary scorer: the sentences a greedy search picks to maximise
/// the mean of ROUGE-1 and ROUGE-2 F1 against the reference (stemmed, rouge-score's tokens), adding
/// one sentence at a time while the score still rises, at most `limit` sentences (evaluation and
/// training only).
struct SummaryOracle {
    var limit: Int
    private let scorer = RougeScorer(stemming: true)

    init(limit: Int) { self.limit = limit }

    /// Indices into `sentences` of the oracle's picks. Bigrams of the summary are counted per
    /// sentence; across a sentence boundary rouge-score would count one more, which the greedy search
    /// can ignore.
    func labels(sentences: [String], reference: String) -> Set<Int> {
        var interner = TokenInterner(scorer: scorer)
        let referenceTokens = interner.ids(reference)
        guard !referenceTokens.isEmpty else { return [] }
        let referenceUnigrams = TokenInterner.counts(referenceTokens, n: 1)
        let referenceBigrams = TokenInterner.counts(referenceTokens, n: 2)
        let sentenceUnigrams = sentences.map { TokenInterner.counts(interner.ids($0), n: 1) }
        let sentenceBigrams = sentences.map { TokenInterner.counts(interner.ids($0), n: 2) }
        var chosen = Set<Int>()
        var unigrams: [Int: Int] = [:]
        var bigrams: [Int: Int] = [:]
        var best = 0.0
        while chosen.count < limit {
            var pick = -1
            var pickScore = best
            for index in sentences.indices where !chosen.contains(index) {
                let r1 = Self.f1(referenceUnigrams, unigrams, adding: sentenceUnigrams[index])
                let r2 = Self.f1(referenceBigrams, bigrams, adding: sentenceBigrams[index])
                let score = (r1 + r2) / 2
                if score > pickScore {
                    pickScore = score
                    pick = index
                }
            }
            guard pick >= 0 else { break }
            chosen.insert(pick)
            best = pickScore
            unigrams.merge(sentenceUnigrams[pick], uniquingKeysWith: +)
            bigrams.merge(sentenceBigrams[pick], uniquingKeysWith: +)
        }
        return chosen
    }

    /// Each sentence's own mean of ROUGE-1 and ROUGE-2 F1 against the reference, divided by the best
    /// sentence's (0…1; all 0 when no sentence shares a word with the reference).
    func relativeScores(sentences: [String], reference: String) -> [Double] {
        var interner = TokenInterner(scorer: scorer)
        let referenceTokens = interner.ids(reference)
        let referenceUnigrams = TokenInterner.counts(referenceTokens, n: 1)
        let referenceBigrams = TokenInterner.counts(referenceTokens, n: 2)
        let scores = sentences.map { sentence -> Double in
            let tokens = interner.ids(sentence)
            return (Self.f1(referenceUnigrams, [:], adding: TokenInterner.counts(tokens, n: 1))
                + Self.f1(referenceBigrams, [:], adding: TokenInterner.counts(tokens, n: 2))) / 2
        }
        let top = scores.max() ?? 0
        return top > 0 ? scores.map { $0 / top } : scores
    }

    private static func f1(_ reference: [Int: Int], _ summary: [Int: Int], adding extra: [Int: Int]) -> Double {
        var overlap = 0
        var summaryTotal = 0
        for (key, count) in summary {
            let total = count + (extra[key] ?? 0)
            summaryTotal += total
            overlap += min(total, reference[key] ?? 0)
        }
        for (key, count) in extra where summary[key] == nil {
            summaryTotal += count
            overlap += min(count, reference[key] ?? 0)
        }
        let referenceTotal = reference.values.reduce(0, +)
        guard overlap > 0, summaryTotal > 0, referenceTotal > 0 else { return 0 }
        let precision = Double(overlap) / Double(summaryTotal)
        let recall = Double(overlap) / Double(referenceTotal)
        return 2 * precision * recall / (precision + recall)
    }
}
