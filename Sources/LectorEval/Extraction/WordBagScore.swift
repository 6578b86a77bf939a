/// Word tokens as Python's `re.findall(r"\w+", text)` cuts them: runs of letters (categories L*),
/// numbers (N*) and `_`. Combining marks end a token, as in Python. Evaluation only, not a hot path.
enum PythonWords {
    /// The `\w+` tokens of `text`, lowercased first when `lowercase` (Python's `str.lower()`).
    static func tokens(_ text: String, lowercase: Bool) -> [String] {
        let source = lowercase ? text.lowercased() : text
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in source.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
                || value == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Counts of each token.
    static func bag(_ tokens: [String]) -> [String: Int] {
        var counts: [String: Int] = [:]
        counts.reserveCapacity(tokens.count)
        for token in tokens { counts[token, default: 0] += 1 }
        return counts
    }
}

/// WCXB's bag-of-words measure: per page, lowercased `\w+` tokens of the extraction and of the gold;
/// overlap = size of the multiset intersection; P = overlap / extracted tokens, R = overlap / gold
/// tokens, F1 = 2PR/(P+R). An empty gold scores 1 when the extraction is empty too, else 0; an empty
/// extraction of a non-empty gold scores 0. P, R and F1 are plain means over pages.
struct WordBagScore: Sendable {
    private(set) var pages = 0
    private(set) var precisionSum = 0.0
    private(set) var recallSum = 0.0
    private(set) var f1Sum = 0.0

    /// One page's precision, recall and F1.
    static func page(predicted: String, gold: String) -> (precision: Double, recall: Double, f1: Double) {
        let goldTokens = PythonWords.tokens(gold, lowercase: true)
        let predictedTokens = PythonWords.tokens(predicted, lowercase: true)
        if goldTokens.isEmpty { return predictedTokens.isEmpty ? (1, 1, 1) : (0, 0, 0) }
        if predictedTokens.isEmpty { return (0, 0, 0) }
        let goldBag = PythonWords.bag(goldTokens)
        var overlap = 0
        for (token, count) in PythonWords.bag(predictedTokens) { overlap += min(count, goldBag[token] ?? 0) }
        let precision = Double(overlap) / Double(predictedTokens.count)
        let recall = Double(overlap) / Double(goldTokens.count)
        let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
        return (precision, recall, f1)
    }

    mutating func add(_ score: (precision: Double, recall: Double, f1: Double)) {
        pages += 1
        precisionSum += score.precision
        recallSum += score.recall
        f1Sum += score.f1
    }

    var precision: Double { pages == 0 ? 0 : precisionSum / Double(pages) }
    var recall: Double { pages == 0 ? 0 : recallSum / Double(pages) }
    var f1: Double { pages == 0 ? 0 : f1Sum / Double(pages) }
}

/// The Zyte article-extraction benchmark's measure: per page, multisets of 4-grams of `\w+` tokens (case
/// kept); true/false positives and false negatives normalised to sum to 1 per page; precision is the
/// mean over pages with tp + fp > 0, recall the mean over pages with tp + fn > 0, F1 that of the two means.
struct ShingleF1: Sendable {
    private(set) var precisionPages = 0
    private(set) var recallPages = 0
    private(set) var precisionSum = 0.0
    private(set) var recallSum = 0.0

    /// One page's normalised counts (tp, fp, fn), summing to 1 (all 0 when neither text has a shingle).
    static func page(predicted: String, gold: String) -> (tp: Double, fp: Double, fn: Double) {
        let predictedShingles = shingles(PythonWords.tokens(predicted, lowercase: false))
        let goldShingles = shingles(PythonWords.tokens(gold, lowercase: false))
        var truePositives = 0
        for (shingle, count) in predictedShingles { truePositives += min(count, goldShingles[shingle] ?? 0) }
        let predictedCount = predictedShingles.values.reduce(0, +)
        let goldCount = goldShingles.values.reduce(0, +)
        let falsePositives = predictedCount - truePositives
        let falseNegatives = goldCount - truePositives
        let total = Double(truePositives + falsePositives + falseNegatives)
        guard total > 0 else { return (0, 0, 0) }
        return (Double(truePositives) / total, Double(falsePositives) / total, Double(falseNegatives) / total)
    }

    mutating func add(_ counts: (tp: Double, fp: Double, fn: Double)) {
        if counts.tp + counts.fp > 0 {
            precisionPages += 1
            precisionSum += counts.tp / (counts.tp + counts.fp)
        }
        if counts.tp + counts.fn > 0 {
            recallPages += 1
            recallSum += counts.tp / (counts.tp + counts.fn)
        }
    }

    var precision: Double { precisionPages == 0 ? 0 : precisionSum / Double(precisionPages) }
    var recall: Double { recallPages == 0 ? 0 : recallSum / Double(recallPages) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    private static func shingles(_ tokens: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        guard tokens.count >= 4 else { return result }
        for start in 0...(tokens.count - 4) {
            result[tokens[start..<(start + 4)].joined(separator: "\u{1F}"), default: 0] += 1
        }
        return result
    }
}
