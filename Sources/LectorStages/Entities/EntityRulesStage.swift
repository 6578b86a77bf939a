import Foundation
import LectorCore

/// The `entity-rules` stage: user gazetteers (TSV) and token patterns from the pipeline file, matched
/// over each sentence's tokens and written to the `entity` layer.
///
/// Precedence: a rule match wins over any entity already in the layer that overlaps it (those are
/// removed), like a rule layer placed after a statistical recogniser with overwriting on. Among rules,
/// the leftmost match wins, then the longest, then phrases before patterns. With `overwrite: false`,
/// rule matches that overlap an existing entity are dropped instead. Run it after `entities` to correct
/// the model, or alone for pure dictionary tagging.
///
/// Options:
/// ```yaml
/// - stage: entity-rules
///   options:
///     gazetteers:
///       - path: lists/companies.tsv     # phrase<TAB>label[<TAB>canonical]
///         caseSensitive: false
///     patterns:
///       - label: PRODUCT
///         tokens: [iPhone, NUM]          # NUM: digits, CAP: capitalised word, *: any token
///         canonical: iPhone              # optional
///     overwrite: true
/// ```
public struct EntityRulesStage: Stage {
    /// One gazetteer file.
    public struct Gazetteer: Decodable, Sendable {
        public var path: ConfigPath
        public var caseSensitive: Bool

        enum CodingKeys: String, CodingKey { case path, caseSensitive }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            path = try container.decode(ConfigPath.self, forKey: .path)
            caseSensitive = try container.decodeIfPresent(Bool.self, forKey: .caseSensitive) ?? false
        }
    }

    /// One token pattern.
    public struct Pattern: Decodable, Sendable {
        public var label: String
        public var tokens: [String]
        public var canonical: String?

        enum CodingKeys: String, CodingKey { case label, tokens, canonical }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            label = try container.decode(String.self, forKey: .label)
            tokens = try container.decode([String].self, forKey: .tokens)
            canonical = try container.decodeIfPresent(String.self, forKey: .canonical)
        }
    }

    /// Options from the pipeline file.
    public struct Options: Decodable, Sendable {
        public var gazetteers: [Gazetteer]
        public var patterns: [Pattern]
        public var overwrite: Bool

        enum CodingKeys: String, CodingKey { case gazetteers, patterns, overwrite }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            gazetteers = try container.decodeIfPresent([Gazetteer].self, forKey: .gazetteers) ?? []
            patterns = try container.decodeIfPresent([Pattern].self, forKey: .patterns) ?? []
            overwrite = try container.decodeIfPresent(Bool.self, forKey: .overwrite) ?? true
        }
    }

    public static let name = "entity-rules"
    public static let summary =
        "Entities from user gazetteers (TSV) and token patterns; rules win over overlapping entities."
    public static let optionHelp: [OptionHelp] = [
        OptionHelp(
            "gazetteers", type: "list", default: "[]",
            "TSV files: {path, caseSensitive}; phrase<TAB>label[<TAB>canonical]"),
        OptionHelp(
            "patterns", type: "list", default: "[]",
            "token patterns: {label, tokens, canonical}; NUM, CAP, * are wildcards"),
        OptionHelp(
            "overwrite", type: "bool", default: "true", "rule matches replace overlapping entities (false: keep them)"),
    ]
    public static let defaultRequires: Set<Layer> = [.token]
    public static let defaultProduces: Set<Layer> = [.entity]

    let matcher: EntityPhraseMatcher
    let overwrite: Bool

    public init(options: Options) throws {
        var matcher = EntityPhraseMatcher()
        for gazetteer in options.gazetteers {
            try matcher.load(tsv: gazetteer.path.url, caseSensitive: gazetteer.caseSensitive)
        }
        for pattern in options.patterns {
            matcher.add(
                pattern: pattern.tokens.map(EntityPhraseMatcher.TokenTest.init),
                target: EntityPhraseMatcher.Target(label: pattern.label, canonical: pattern.canonical))
        }
        self.init(matcher: matcher, overwrite: options.overwrite)
    }

    /// A stage around an already compiled matcher.
    public init(matcher: EntityPhraseMatcher, overwrite: Bool = true) {
        self.matcher = matcher
        self.overwrite = overwrite
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        let groups = try EntitiesStage.sentenceTokens(document)
        var found: [Annotation] = []
        for tokens in groups {
            let words = tokens.map { document.text(in: $0) }
            for match in matcher.matches(words) {
                var annotation = Annotation(
                    range: TextRange(start: tokens[match.start].start, end: tokens[match.end - 1].end),
                    label: match.target.label, score: 1)
                if let canonical = match.target.canonical { annotation.attributes["canonical"] = canonical }
                found.append(annotation)
            }
        }
        let existing = document.annotations(.entity)
        var merged: [Annotation]
        if overwrite {
            merged = existing.filter { entity in !found.contains { $0.range.overlaps(entity.range) } } + found
        } else {
            merged = existing + found.filter { rule in !existing.contains { $0.range.overlaps(rule.range) } }
        }
        merged.sort { $0.range < $1.range }
        document.set(merged, for: .entity)
    }
}
