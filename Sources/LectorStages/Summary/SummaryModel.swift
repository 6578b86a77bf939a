import Foundation
import LectorCore

/// The default summary method's sentence scorer: a logistic model over `SentenceFeatures`, plus the
/// redundancy control (MMR) applied when sentences are picked.
///
/// The built-in model (`summary-model.tsv` among the module's resources) is written by
/// `lector train summarize`. File format: `#` comment lines (provenance), then `name<TAB>value`
/// lines: one weight per feature name, plus `mmr-weight`, `mmr-threshold` and `lead-margin`. A
/// feature the file does not name weighs 0; a name the code does not know is an error (the file is
/// from another version).
///
/// Lead anchoring: a summary of N sentences starts from the first N candidates, and another
/// sentence takes a lead sentence's place only when its linear score beats that lead sentence's by
/// `leadMargin` (the margin is added to the lead's scores before the logistic squash). With
/// `lead-kept` k, the first k candidates are always in the summary and the rest are picked by score.
package struct SummaryModel: Sendable, Equatable {
    /// Names of the features, in weight order.
    package static var featureNames: [String] { SentenceFeatures.names }

    /// Weights in `SentenceFeatures.names` order.
    package var weights: [Float]
    /// MMR penalty for a candidate as close as a duplicate to an already chosen sentence.
    package var redundancyWeight: Float
    /// TF-IDF cosine above which MMR starts to penalise.
    package var redundancyThreshold: Float
    /// How far another sentence's linear score must beat a lead sentence's to take its place (0: no
    /// anchoring).
    package var leadMargin: Float
    /// How many opening candidates every summary keeps, in place before any other pick (0: none); the
    /// other sentences are picked by score, with MMR against the kept ones.
    package var leadKept: Int

    package init(
        weights: [Float], redundancyWeight: Float = 0.5, redundancyThreshold: Float = 0.5, leadMargin: Float = 0,
        leadKept: Int = 0
    ) {
        precondition(weights.count == SentenceFeatures.names.count, "one weight per feature")
        self.weights = weights
        self.redundancyWeight = redundancyWeight
        self.redundancyThreshold = redundancyThreshold
        self.leadMargin = leadMargin
        self.leadKept = leadKept
    }

    /// Probability-like score (0…1) of each candidate belonging in a summary; the first `anchored`
    /// candidates (the lead of a summary that long) get `leadMargin` added before the squash.
    func scores(_ features: SentenceFeatures, anchored: Int = 0) -> [Float] {
        (0..<features.count).map { candidate in
            var sum: Float = candidate < anchored ? leadMargin : 0
            for (weight, value) in zip(weights, features.row(candidate)) { sum += weight * value }
            return 1 / (1 + expf(-sum))
        }
    }

    /// Parse the text format (see the type's comment).
    package init(tsv text: String) throws {
        var weights = [Float](repeating: 0, count: SentenceFeatures.names.count)
        var redundancyWeight: Float = 0.5
        var redundancyThreshold: Float = 0.5
        var leadMargin: Float = 0
        var leadKept = 0
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t")
            guard fields.count == 2, let value = Float(fields[1]), value.isFinite else {
                throw SummaryModelError(message: "line \(number + 1): expected 'name<TAB>number'")
            }
            let name = String(fields[0])
            if name == "mmr-weight" {
                redundancyWeight = value
            } else if name == "mmr-threshold" {
                guard value >= 0 && value < 1 else {
                    throw SummaryModelError(message: "line \(number + 1): mmr-threshold must be in [0, 1)")
                }
                redundancyThreshold = value
            } else if name == "lead-margin" {
                guard value >= 0 else { throw SummaryModelError(message: "line \(number + 1): lead-margin must not be negative") }
                leadMargin = value
            } else if name == "lead-kept" {
                guard value >= 0, value == value.rounded(), value < 1_000 else {
                    throw SummaryModelError(message: "line \(number + 1): lead-kept must be a whole number ≥ 0")
                }
                leadKept = Int(value)
            } else if let index = SentenceFeatures.names.firstIndex(of: name) {
                weights[index] = value
            } else {
                throw SummaryModelError(message: "line \(number + 1): unknown feature '\(name)'")
            }
        }
        self.init(
            weights: weights, redundancyWeight: redundancyWeight, redundancyThreshold: redundancyThreshold,
            leadMargin: leadMargin, leadKept: leadKept)
    }

    /// The text format, with `comments` as `#` lines first.
    package func tsv(comments: [String]) -> String {
        var lines = comments.map { "# " + $0 }
        for (name, weight) in zip(SentenceFeatures.names, weights) { lines.append("\(name)\t\(weight)") }
        lines.append("mmr-weight\t\(redundancyWeight)")
        lines.append("mmr-threshold\t\(redundancyThreshold)")
        lines.append("lead-margin\t\(leadMargin)")
        if leadKept > 0 { lines.append("lead-kept\t\(leadKept)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The built-in model; nil when the resource is missing or unreadable.
    package static let builtin: SummaryModel? = {
        guard let url = Bundle.module.url(forResource: "summary-model", withExtension: "tsv", subdirectory: "Resources"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? SummaryModel(tsv: String(decoding: data, as: UTF8.self))
    }()
}

/// A malformed summary model file.
package struct SummaryModelError: Error, CustomStringConvertible {
    package var message: String
    package var description: String { "summary model: \(message)" }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
