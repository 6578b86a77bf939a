/// Scores of main-text extraction against gold, as two public benchmarks compute them.
///
/// - `SnippetTally`: trafilatura's evaluation. A `with` snippet found in the extracted text is a true
///   positive, missing a false negative; a `without` snippet found is a false positive, missing a true
///   negative. Matching is substring matching after collapsing whitespace (and dropping soft hyphens)
///   on both sides.
/// - `ShingleScore`: the article-extraction benchmark's evaluation. Texts become `\w+` tokens, then
///   multisets of 4-token shingles; each page gets precision and recall from shingle counts; both
///   are averaged over pages and F1 is taken of the two averages.
public struct SnippetTally: Sendable, Hashable {
    public var truePositives = 0
    public var falsePositives = 0
    public var trueNegatives = 0
    public var falseNegatives = 0

    public init() {}

    /// Count one page's snippets against its extracted `text`.
    public mutating func add(text: String, with: [String], without: [String]) {
        let haystack = WhitespaceCollapser.collapse(text)
        for snippet in with {
            if haystack.containsBytes(WhitespaceCollapser.collapse(snippet)) { truePositives += 1 } else { falseNegatives += 1 }
        }
        for snippet in without {
            if haystack.containsBytes(WhitespaceCollapser.collapse(snippet)) { falsePositives += 1 } else { trueNegatives += 1 }
        }
    }

    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
    public var f1: Double { ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives) }
    public var accuracy: Double {
        ratio(truePositives + trueNegatives, truePositives + trueNegatives + falsePositives + falseNegatives)
    }
}

/// Shingle precision/recall averaged over pages (see `SnippetTally` for the definition).
public struct ShingleScore: Sendable, Hashable {
    public private(set) var pages = 0
    public private(set) var precisionSum = 0.0
    public private(set) var recallSum = 0.0

    public init() {}

    /// Score one page.
    public mutating func add(predicted: String, gold: String) {
        let (precision, recall) = Self.precisionRecall(predicted: predicted, gold: gold)
        pages += 1
        precisionSum += precision
        recallSum += recall
    }

    public var precision: Double { pages == 0 ? 0 : precisionSum / Double(pages) }
    public var recall: Double { pages == 0 ? 0 : recallSum / Double(pages) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// One page's shingle precision and recall: both 1 when neither text has a shingle, both 0 when
    /// no shingle is shared.
    public static func precisionRecall(predicted: String, gold: String) -> (precision: Double, recall: Double) {
        let predictedShingles = shingles(predicted)
        let goldShingles = shingles(gold)
        var truePositives = 0
        for (shingle, count) in predictedShingles { truePositives += min(count, goldShingles[shingle] ?? 0) }
        let predictedCount = predictedShingles.values.reduce(0, +)
        let goldCount = goldShingles.values.reduce(0, +)
        let falsePositives = predictedCount - truePositives
        let falseNegatives = goldCount - truePositives
        if falsePositives == 0 && falseNegatives == 0 { return (1, 1) }
        if truePositives == 0 { return (0, 0) }
        return (Double(truePositives) / Double(predictedCount), Double(truePositives) / Double(goldCount))
    }

    /// Multiset of 4-token shingles of `\w+` tokens (letters, marks, digits, connector punctuation).
    static func shingles(_ text: String) -> [[String]: Int] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType == .decimal || properties.generalCategory == .connectorPunctuation
                || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
            {
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(String(current))
                current.removeAll()
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        var result: [[String]: Int] = [:]
        guard tokens.count >= 4 else { return result }
        for start in 0...(tokens.count - 4) { result[Array(tokens[start..<(start + 4)]), default: 0] += 1 }
        return result
    }
}

private func ratio(_ numerator: Int, _ denominator: Int) -> Double {
    denominator == 0 ? 0 : Double(numerator) / Double(denominator)
}
