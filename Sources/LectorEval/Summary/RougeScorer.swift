import LectorCore
import LectorStages

/// ROUGE-1, ROUGE-2 and ROUGE-Lsum as Google's `rouge-score` package computes them, so that figures
/// can be compared with published ones.
///
/// Tokenisation follows that package: lower-case, every run of characters other than `a`–`z` and
/// `0`–`9` is a separator, tokens longer than three letters are stemmed (Porter, NLTK's variant) when
/// `stemming` is on. ROUGE-Lsum is the summary-level LCS over sentences (one per element of the
/// input lists), with the same tie-breaking in the LCS back-trace and the same guard against counting
/// a token twice. Only ASCII letters are lower-cased: Python's `lower()` also maps a few non-ASCII
/// letters (the Kelvin sign, dotted capital I) to ASCII ones, which this scorer treats as separators.
public struct RougeScorer: Sendable {
    /// Precision, recall and F1 of one ROUGE variant, each in 0…1.
    public struct Score: Sendable, Equatable {
        public var precision: Double
        public var recall: Double
        public var f1: Double

        public init(precision: Double, recall: Double) {
            self.precision = precision
            self.recall = recall
            self.f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        }

        static let zero = Score(precision: 0, recall: 0)
    }

    /// The three scores of one candidate against one reference.
    public struct Scores: Sendable, Equatable {
        public var rouge1: Score
        public var rouge2: Score
        public var rougeLsum: Score
    }

    public let stemming: Bool
    private let stemmer = PorterStemmer()

    public init(stemming: Bool = true) { self.stemming = stemming }

    /// The scorer's tokens of `text`.
    public func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        func flush() {
            guard !current.isEmpty else { return }
            let token = stemming && current.count > 3 ? stemmer.stem(current) : current
            tokens.append(String(decoding: token, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            switch byte {
            case 0x61...0x7A, 0x30...0x39: current.append(byte)
            case 0x41...0x5A: current.append(byte | 0x20)
            default: flush()
            }
        }
        flush()
        return tokens
    }

    /// Score `candidate` against `reference`, both given as their sentences (Lsum treats each
    /// element as one sentence; empty elements are dropped).
    public func score(reference: [String], candidate: [String]) -> Scores {
        var vocabulary: [String: Int] = [:]
        func ids(_ sentence: String) -> [Int] {
            tokenize(sentence).map { token in
                if let id = vocabulary[token] { return id }
                let id = vocabulary.count
                vocabulary[token] = id
                return id
            }
        }
        let referenceSentences = reference.filter { !$0.isEmpty }.map(ids)
        let candidateSentences = candidate.filter { !$0.isEmpty }.map(ids)
        let referenceTokens = referenceSentences.flatMap { $0 }
        let candidateTokens = candidateSentences.flatMap { $0 }
        return Scores(
            rouge1: Self.ngramScore(referenceTokens, candidateTokens, n: 1),
            rouge2: Self.ngramScore(referenceTokens, candidateTokens, n: 2),
            rougeLsum: Self.summaryLCS(referenceSentences, candidateSentences))
    }

    // MARK: - N-grams

    private struct Gram: Hashable {
        var first: Int
        var second: Int
    }

    static func ngramScore(_ reference: [Int], _ candidate: [Int], n: Int) -> Score {
        func counts(_ tokens: [Int]) -> [Gram: Int] {
            var table: [Gram: Int] = [:]
            guard tokens.count >= n else { return table }
            for i in 0...(tokens.count - n) {
                table[Gram(first: tokens[i], second: n == 2 ? tokens[i + 1] : -1), default: 0] += 1
            }
            return table
        }
        precondition(n == 1 || n == 2, "only ROUGE-1 and ROUGE-2 are supported")
        let referenceCounts = counts(reference)
        let candidateCounts = counts(candidate)
        var overlap = 0
        for (gram, count) in referenceCounts { overlap += min(count, candidateCounts[gram] ?? 0) }
        let referenceTotal = max(reference.count - n + 1, 0)
        let candidateTotal = max(candidate.count - n + 1, 0)
        return Score(
            precision: Double(overlap) / Double(max(candidateTotal, 1)),
            recall: Double(overlap) / Double(max(referenceTotal, 1)))
    }

    // MARK: - Summary-level LCS

    static func summaryLCS(_ reference: [[Int]], _ candidate: [[Int]]) -> Score {
        let m = reference.reduce(0) { $0 + $1.count }
        let n = candidate.reduce(0) { $0 + $1.count }
        guard !reference.isEmpty, !candidate.isEmpty, m > 0, n > 0 else { return .zero }
        var referenceCounts: [Int: Int] = [:]
        var candidateCounts: [Int: Int] = [:]
        for sentence in reference { for token in sentence { referenceCounts[token, default: 0] += 1 } }
        for sentence in candidate { for token in sentence { candidateCounts[token, default: 0] += 1 } }
        var hits = 0
        for sentence in reference {
            var union = Set<Int>()
            for other in candidate { union.formUnion(lcsIndices(sentence, other)) }
            for index in union.sorted() {
                let token = sentence[index]
                if let c = candidateCounts[token], c > 0, let r = referenceCounts[token], r > 0 {
                    hits += 1
                    candidateCounts[token] = c - 1
                    referenceCounts[token] = r - 1
                }
            }
        }
        return Score(precision: Double(hits) / Double(n), recall: Double(hits) / Double(m))
    }

    /// Indices into `reference` of one longest common subsequence, chosen as `rouge-score` does.
    static func lcsIndices(_ reference: [Int], _ candidate: [Int]) -> [Int] {
        let rows = reference.count
        let columns = candidate.count
        guard rows > 0, columns > 0 else { return [] }
        let width = columns + 1
        var table = [Int32](repeating: 0, count: (rows + 1) * width)
        for i in 1...rows {
            for j in 1...columns {
                table[i * width + j] =
                    reference[i - 1] == candidate[j - 1]
                    ? table[(i - 1) * width + j - 1] + 1
                    : max(table[(i - 1) * width + j], table[i * width + j - 1])
            }
        }
        var indices: [Int] = []
        var i = rows
        var j = columns
        while i > 0 && j > 0 {
            if reference[i - 1] == candidate[j - 1] {
                indices.append(i - 1)
                i -= 1
                j -= 1
            } else if table[i * width + j - 1] > table[(i - 1) * width + j] {
                j -= 1
            } else {
                i -= 1
            }
        }
        return indices.reversed()
    }
}
