import LectorCore

/// The pipeline file's `limits:` section; command-line flags override it.
struct RunLimits: Decodable, Sendable {
    /// Largest source file read, in bytes.
    var maxBytes: Int = 64 * 1024 * 1024
    /// Seconds each document may spend in the pipeline.
    var deadline: Double?
    /// Abort the run after this many failures (absolute or a percentage of documents seen).
    var maxFailures: FailureBudget?

    init() {}

    enum CodingKeys: String, CodingKey {
        case maxBytes = "max-bytes"
        case deadline
        case maxFailures = "max-failures"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let maxBytes = try container.decodeIfPresent(Int.self, forKey: .maxBytes) { self.maxBytes = maxBytes }
        deadline = try container.decodeIfPresent(Double.self, forKey: .deadline)
        if let text = try container.decodeIfPresent(String.self, forKey: .maxFailures) {
            guard let budget = FailureBudget(text) else {
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: container.codingPath + [CodingKeys.maxFailures],
                        debugDescription: "expected a count (10) or a percentage (5%), found '\(text)'"))
            }
            maxFailures = budget
        }
    }
}

/// How many failed documents a run tolerates before it is declared broken.
struct FailureBudget: Sendable, Equatable {
    enum Limit: Sendable, Equatable {
        case count(Int)
        case percent(Double)
    }

    var limit: Limit
    /// Percentages only apply once this many documents were seen (so 1 failure in 2 is not "50%").
    static let minimumSample = 20

    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("%") {
            guard let value = Double(trimmed.dropLast()), value >= 0, value <= 100 else { return nil }
            limit = .percent(value)
        } else {
            guard let value = Int(trimmed), value >= 0 else { return nil }
            limit = .count(value)
        }
    }

    /// Whether `failed` out of `seen` documents exceeds the budget.
    func isExceeded(failed: Int, seen: Int) -> Bool {
        switch limit {
        case .count(let count): return failed > count
        case .percent(let percent):
            return seen >= Self.minimumSample && Double(failed) * 100 > percent * Double(seen)
        }
    }

    var description: String {
        switch limit {
        case .count(let count): "\(count)"
        case .percent(let percent): "\(JSONWriter.format(percent))%"
        }
    }
}

import Foundation
