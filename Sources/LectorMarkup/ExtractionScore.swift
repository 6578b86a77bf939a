/// Snippet scores of main-text extraction against gold, as trafilatura's evaluation computes them.
///
/// A `with` snippet found in the extracted text is a true positive, missing a false negative; a
/// `without` snippet found is a false positive, missing a true negative. Matching is substring matching
/// after collapsing whitespace (and dropping soft hyphens) on both sides. (The full-text measures,
/// `ShingleF1` and `WordBagScore`, live with the evaluation code.)
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

private func ratio(_ numerator: Int, _ denominator: Int) -> Double {
    denominator == 0 ? 0 : Double(numerator) / Double(denominator)
}
