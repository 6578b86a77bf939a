import LectorStages

/// Oracle labels for training the summary scorer: the sentences a greedy search picks to maximise
/// the mean of ROUGE-1 and ROUGE-2 F1 against the reference (stemmed, rouge-score's tokens), adding
/// one sentence at a time while the score still rises, at most `limit` sentences (evaluation and
/// training only).
struct SummaryOracle {
    var limit: Int
    private let scorer = RougeScorer(stemming: true)

    init(limit: Int) { self.limit = limit }

    /// Indices into `sentences` of the oracle's picks.
    func labels(sentences: [String], reference: String) -> Set<Int> {
        var vocabulary: [String: Int] = [:]
        func ids(_ text: String) -> [Int] {
            scorer.tokenize(text).map { token in
                if let id = vocabulary[token] { return id }
                vocabulary[token] = vocabulary.count
                return vocabulary.count - 1
            }
        }
        let referenceTokens = ids(reference)
        guard !referenceTokens.isEmpty else { return [] }
        let referenceUnigrams = Self.counts(referenceTokens, n: 1)
        let referenceBigrams = Self.counts(referenceTokens, n: 2)
        let sentenceUnigrams = sentences.map { Self.counts(ids($0), n: 1) }
        let sentenceBigrams = sentences.map { Self.counts(ids($0), n: 2) }
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
        var vocabulary: [String: Int] = [:]
        func ids(_ text: String) -> [Int] {
            scorer.tokenize(text).map { token in
                if let id = vocabulary[token] { return id }
                vocabulary[token] = vocabulary.count
                return vocabulary.count - 1
            }
        }
        let referenceTokens = ids(reference)
        let referenceUnigrams = Self.counts(referenceTokens, n: 1)
        let referenceBigrams = Self.counts(referenceTokens, n: 2)
        let scores = sentences.map { sentence -> Double in
            let tokens = ids(sentence)
            return (Self.f1(referenceUnigrams, [:], adding: Self.counts(tokens, n: 1))
                + Self.f1(referenceBigrams, [:], adding: Self.counts(tokens, n: 2))) / 2
        }
        let top = scores.max() ?? 0
        return top > 0 ? scores.map { $0 / top } : scores
    }

    /// N-gram counts (bigrams keyed by a pair of ids packed in one integer). Bigrams of the summary
    /// are counted per sentence; across a sentence boundary rouge-score would count one more, which
    /// the greedy search can ignore.
    private static func counts(_ tokens: [Int], n: Int) -> [Int: Int] {
        var result: [Int: Int] = [:]
        guard tokens.count >= n else { return result }
        for start in 0...(tokens.count - n) {
            let key = n == 1 ? tokens[start] : tokens[start] << 32 | tokens[start + 1]
            result[key, default: 0] += 1
        }
        return result
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
