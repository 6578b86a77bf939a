import LectorCore

/// Turns the `style-issue` layer into one score per document, written to its metadata: 100 for
/// copy with no issues, less for each issue per ten sentences.
///
/// `score = max(0, 100 − penalty × issues × 10 / sentences)`, rounded to a whole number. A document
/// with no sentences scores 100. With `warn-below` set, a lower score also adds a warning to the
/// document's diagnostics, so it shows in the report without failing the document.
///
/// This stage requires a layer that another plugin stage adds (`style-issue`, from `house-style`)
/// and one that a built-in stage adds (`sentence`): the pipeline checks both when it is built and
/// names the stages that can provide a missing layer.
public struct StyleScoreStage: Stage {
    /// What a pipeline file may set under `options:`.
    ///
    /// ```yaml
    /// - stage: style-score
    ///   options: { penalty: 15, key: style-score, warn-below: 70 }
    /// ```
    public struct Options: Decodable, Sendable {
        /// Points lost per issue per ten sentences.
        public var penalty: Double
        /// The metadata key the score is written under.
        public var key: String
        /// Add a warning diagnostic when the score is below this (nil: never).
        public var warnBelow: Double?

        public init(penalty: Double = 10, key: String = "style-score", warnBelow: Double? = nil) {
            self.penalty = penalty
            self.key = key
            self.warnBelow = warnBelow
        }

        enum CodingKeys: String, CodingKey {
            case penalty
            case key
            case warnBelow = "warn-below"
        }

        /// Every key is optional; each is asked for with `decodeIfPresent` (see `HouseStyleStage.Options`).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init()
            penalty = try container.decodeIfPresent(Double.self, forKey: .penalty) ?? 10
            key = try container.decodeIfPresent(String.self, forKey: .key) ?? "style-score"
            warnBelow = try container.decodeIfPresent(Double.self, forKey: .warnBelow)
        }
    }

    /// A problem with the options that decoding alone cannot see.
    public enum OptionError: Error, CustomStringConvertible {
        case negativePenalty(Double)
        case emptyKey

        public var description: String {
            switch self {
            case .negativePenalty(let value): "penalty must be zero or more, found \(value)"
            case .emptyKey: "key must not be empty"
            }
        }
    }

    public static let name = "style-score"
    public static let summary = "Score each document's house style from 0 to 100 (metadata style-score)."
    public static let optionHelp: [OptionHelp] = [
        OptionHelp("penalty", type: "number", default: "10", "points lost per style issue per ten sentences"),
        OptionHelp("key", type: "string", default: "style-score", "metadata key the score is written under"),
        OptionHelp("warn-below", type: "number", default: "none", "add a warning when the score is below this"),
    ]
    public static let defaultRequires: Set<Layer> = [.styleIssue, .sentence]

    private let options: Options

    public init(options: Options) throws {
        guard options.penalty >= 0 else { throw OptionError.negativePenalty(options.penalty) }
        guard !options.key.isEmpty else { throw OptionError.emptyKey }
        self.options = options
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        let issues = document.annotations(.styleIssue).count
        let sentences = document.annotations(.sentence).count
        let score = Self.score(issues: issues, sentences: sentences, penalty: options.penalty)
        document.metadata[options.key] = String(score)
        if let threshold = options.warnBelow, Double(score) < threshold {
            document.note(
                .warning, origin: Self.name,
                "style score \(score) is below \(threshold) (\(issues) issues in \(sentences) sentences)")
        }
    }

    /// The score for `issues` style issues in `sentences` sentences (see the type's comment).
    public static func score(issues: Int, sentences: Int, penalty: Double) -> Int {
        guard sentences > 0 else { return 100 }
        let lost = penalty * Double(issues) * 10 / Double(sentences)
        return Int(max(0, 100 - lost).rounded())
    }
}
