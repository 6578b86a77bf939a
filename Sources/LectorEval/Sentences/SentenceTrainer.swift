import Foundation
import LectorCore
import LectorStages

/// Learns a `SentenceModel` from unlabelled text, after Kiss & Strunk's Punkt (2006).
///
/// 1. Abbreviations: a word type that occurs with a final period far more often than without it,
///    scored by Dunning's log-likelihood ratio and Punkt's length, internal-period and penalty factors.
/// 2. With those abbreviations, every other final period (and `?`, `!`) is taken as a sentence end.
///    Sentence starters are word types that follow such ends far more often than chance (collocation
///    log-likelihood).
/// 3. Orthographic context: how often each type appears capitalised or in lower case in the middle of
///    a sentence; types seen in lower case and almost never capitalised there become `lowercaseWords`.
///
/// Feed paragraphs with `add(paragraph:)`, then call `model()`. Not thread-safe; a training tool only.
public struct SentenceTrainer {
    /// Thresholds (Punkt's published defaults where Punkt has one).
    public struct Parameters: Sendable {
        /// Minimum Punkt abbreviation score.
        public var abbreviationScore = 0.3
        /// Minimum collocation log-likelihood of a sentence starter.
        public var starterLogLikelihood = 30.0
        /// Minimum mid-sentence lower-case occurrences of a lower-case word.
        public var minimumLowercaseCount = 3
        /// A type is a lower-case word when capitalised mid-sentence at most this share of the time.
        public var maximumCapitalisedShare = 0.1
        /// How many lower-case words to keep (the most frequent).
        public var maximumLowercaseWords = 12_000
        public init() {}
    }

    /// Thresholds used by `model()`.
    public var parameters = Parameters()
    /// Language of the text (ISO code): chooses the built-in abbreviations the statistics start from.
    public var language: String
    private var paragraphs: [String] = []

    public init(language: String = "en") { self.language = language }

    /// Add one paragraph of running text (blank ones are ignored).
    public mutating func add(paragraph: String) {
        let trimmed = paragraph.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty { paragraphs.append(trimmed) }
    }

    /// Paragraphs added so far.
    public var paragraphCount: Int { paragraphs.count }

    /// One whitespace-separated token, reduced to what Punkt looks at.
    struct TrainingToken {
        /// Lower-cased, without openers, closers, trailing `,;:` or the final period.
        var type: String
        var periodFinal: Bool
        /// Ends with `?` or `!` (possibly before closers).
        var exclaims: Bool
        var capitalised: Bool
        var lowercase: Bool
        var alphabetic: Bool
        var isNumber: Bool
    }

    static func tokens(of paragraph: String) -> [TrainingToken] {
        var result: [TrainingToken] = []
        for raw in paragraph.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            var core = Substring(raw)
            while let first = core.first, "\"'([{“‘«".contains(first) { core = core.dropFirst() }
            while let last = core.last, "\"')]}”’»".contains(last) { core = core.dropLast() }
            var exclaims = false
            while let last = core.last, "?!".contains(last) {
                exclaims = true
                core = core.dropLast()
            }
            while let last = core.last, ",;:".contains(last) { core = core.dropLast() }
            var periodFinal = false
            if core.hasSuffix("."), !core.hasSuffix("..") {
                periodFinal = true
                core = core.dropLast()
            }
            guard let first = core.first else { continue }
            let letters = core.filter { $0 != "." && $0 != "-" && $0 != "'" }
            let alphabetic = !letters.isEmpty && letters.allSatisfy(\.isLetter)
            let isNumber = !letters.isEmpty && letters.allSatisfy { $0.isNumber || $0 == "," }
            result.append(
                TrainingToken(
                    type: isNumber ? "##number##" : core.lowercased(), periodFinal: periodFinal, exclaims: exclaims,
                    capitalised: first.isUppercase, lowercase: first.isLowercase, alphabetic: alphabetic,
                    isNumber: isNumber))
        }
        return result
    }

    /// Learn the model (built-in titles, connectives and abbreviations are added by `SentenceModel`).
    public func model() -> SentenceModel {
        let tokenized = paragraphs.map(Self.tokens(of:))
        // Pass 1: abbreviations.
        var withPeriod: [String: Int] = [:]
        var withoutPeriod: [String: Int] = [:]
        var total = 0
        var periods = 0
        for tokens in tokenized {
            for token in tokens {
                total += 1
                if token.periodFinal {
                    periods += 1
                    withPeriod[token.type, default: 0] += 1
                } else {
                    withoutPeriod[token.type, default: 0] += 1
                }
            }
        }
        var abbreviations: Set<String> = []
        for (type, countWith) in withPeriod {
            guard type.count <= 12, type.first?.isLetter == true,
                type.allSatisfy({ $0.isLetter || $0 == "." })
            else { continue }
            let countWithout = withoutPeriod[type] ?? 0
            let score = Self.abbreviationScore(
                type: type, countWith: countWith, countWithout: countWithout, total: total, periods: periods)
            if score >= parameters.abbreviationScore { abbreviations.insert(type) }
        }
        // Pass 2: sentence starters and orthographic context.
        var breaks = 0
        var afterBreak: [String: Int] = [:]
        var typeCount: [String: Int] = [:]
        var lowerMiddle: [String: Int] = [:]
        var upperMiddle: [String: Int] = [:]
        let builtin = SentenceModel.builtinAbbreviations(language: language)
        let known = abbreviations.union(builtin).union(SentenceModel.builtinTitles)
        for tokens in tokenized {
            var position = Position.first
            for token in tokens {
                if token.alphabetic {
                    typeCount[token.type, default: 0] += 1
                    switch position {
                    case .first:
                        if token.capitalised { afterBreak[token.type, default: 0] += 1 }
                    case .middle:
                        if token.lowercase { lowerMiddle[token.type, default: 0] += 1 }
                        if token.capitalised { upperMiddle[token.type, default: 0] += 1 }
                    case .unknown:
                        break
                    }
                }
                if token.exclaims {
                    position = .first
                    breaks += 1
                } else if token.periodFinal {
                    let isInitial = token.type.count == 1
                    if known.contains(token.type) || isInitial || token.type.contains(".") {
                        position = .unknown
                    } else {
                        position = .first
                        breaks += 1
                    }
                } else {
                    position = .middle
                }
            }
        }
        var starters: Set<String> = []
        let allTokens = typeCount.values.reduce(0, +)
        for (type, count) in afterBreak where count >= 5 {
            // Names follow sentence ends too; a starter must also be an ordinary lower-case word.
            let lower = lowerMiddle[type] ?? 0
            guard type == "i" || type.hasPrefix("i'") || (lower > 0 && (upperMiddle[type] ?? 0) <= lower) else {
                continue
            }
            let overall = typeCount[type] ?? count
            guard Double(count) / Double(max(breaks, 1)) > Double(overall) / Double(max(allTokens, 1)) else { continue }
            let score = Self.collocationLogLikelihood(
                countA: breaks, countB: overall, countAB: count, total: allTokens)
            if score >= parameters.starterLogLikelihood { starters.insert(type) }
        }
        let lowercaseWords = lowerMiddle.filter { type, lower in
            lower >= parameters.minimumLowercaseCount
                && Double(upperMiddle[type] ?? 0) <= parameters.maximumCapitalisedShare * Double(lower)
        }
        .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        .prefix(parameters.maximumLowercaseWords)
        .map(\.key)
        return SentenceModel(
            abbreviations: abbreviations.union(builtin), sentenceStarters: starters,
            lowercaseWords: Set(lowercaseWords))
    }

    private enum Position { case first, middle, unknown }

    /// Punkt's abbreviation score: Dunning's log-likelihood that the period belongs to the type,
    /// scaled down for long types and for types that also occur without a period.
    static func abbreviationScore(type: String, countWith: Int, countWithout: Int, total: Int, periods: Int)
        -> Double
    {
        let internalPeriods = type.filter { $0 == "." }.count + 1
        let nonPeriods = type.count - internalPeriods + 1
        let countAll = Double(countWith + countWithout)
        let likelihood = dunningLogLikelihood(
            countA: countAll, countB: Double(periods), countAB: Double(countWith), total: Double(total))
        let lengthFactor = exp(-Double(nonPeriods))
        let penalty = pow(Double(nonPeriods), -Double(countWithout))
        return likelihood * lengthFactor * Double(internalPeriods) * penalty
    }

    /// Punkt's modified Dunning log-likelihood (the alternative hypothesis fixes p = 0.99).
    static func dunningLogLikelihood(countA: Double, countB: Double, countAB: Double, total: Double) -> Double {
        let p1 = max(min(countB / total, 1 - 1e-12), 1e-12)
        let p2 = 0.99
        let null = countAB * log(p1) + (countA - countAB) * log(1 - p1)
        let alternative = countAB * log(p2) + (countA - countAB) * log(1 - p2)
        return -2 * (null - alternative)
    }

    /// Dunning's collocation log-likelihood of A and B occurring together `countAB` times.
    static func collocationLogLikelihood(countA: Int, countB: Int, countAB: Int, total: Int) -> Double {
        let a = Double(countA)
        let b = Double(countB)
        let ab = Double(countAB)
        let n = Double(total)
        func safeLog(_ value: Double) -> Double { log(max(value, 1e-12)) }
        let p = b / n
        let p1 = ab / a
        let p2 = (b - ab) / max(n - a, 1)
        let s1 = ab * safeLog(p) + (a - ab) * safeLog(1 - p)
        let s2 = (b - ab) * safeLog(p) + (n - a - b + ab) * safeLog(1 - p)
        let s3 = a == ab ? 0 : ab * safeLog(p1) + (a - ab) * safeLog(1 - p1)
        let s4 = b == ab ? 0 : (b - ab) * safeLog(p2) + (n - a - b + ab) * safeLog(1 - p2)
        return -2 * (s1 + s2 - s3 - s4)
    }
}
