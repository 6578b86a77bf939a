/// Gives each distinct ROUGE token of one document a small integer, so that n-grams count as integers
/// (evaluation and training only).
struct TokenInterner {
    let scorer: RougeScorer
    private var vocabulary: [String: Int] = [:]

    init(scorer: RougeScorer) { self.scorer = scorer }

    /// The ids of `text`'s tokens (rouge-score's stemmed tokens), in order.
    mutating func ids(_ text: String) -> [Int] {
        scorer.tokenize(text).map { token in
            if let id = vocabulary[token] { return id }
            vocabulary[token] = vocabulary.count
            return vocabulary.count - 1
        }
    }

    /// N-gram counts for n = 1 or 2 (a bigram is its two ids packed in one integer).
    static func counts(_ tokens: [Int], n: Int) -> [Int: Int] {
        var result: [Int: Int] = [:]
        guard tokens.count >= n else { return result }
        for start in 0...(tokens.count - n) {
            let key = n == 1 ? tokens[start] : tokens[start] << 32 | tokens[start + 1]
            result[key, default: 0] += 1
        }
        return result
    }
}
