import Foundation
import LectorCore

/// The `entity-rules` stage: user gazetteers (TSV), token patterns and regular expressions from the
/// pipeline file, compiled once when the pipeline is built, and written to the `entity` layer.
///
/// Precedence:
/// - Against entities already in the layer (from `entities`): a rule match wins over any entity it
///   overlaps (those are removed), like spaCy's entity ruler with overwriting on. With
///   `overwrite: false`, rule matches that overlap an existing entity are dropped instead. Run it after
///   `entities` to correct the model, or alone for pure dictionary tagging.
/// - Among rules: the leftmost match wins, then the longest; on equal spans gazetteer phrases come
///   before token patterns, and token patterns before regular expressions.
///
/// Gazetteer phrases and token patterns are matched over each sentence's tokens through one trie, so
/// their cost does not grow with the number of phrases; regular expressions run over the whole text.
///
/// Options:
/// ```yaml
/// - stage: entity-rules
///   options:
///     gazetteers:
///       - path: lists/companies.tsv     # phrase<TAB>label[<TAB>canonical]
///         case-sensitive: false
///     patterns:
///       - label: PRODUCT
///         tokens: [iPhone, NUM]          # NUM: digits, CAP: capitalised word, *: any token
///         canonical: iPhone              # optional
///       - label: TICKER
///         regex: "\\b[A-Z]{2,6}:[A-Z]{1,5}\\b"
///     overwrite: true
/// ```
public struct EntityRulesStage: Stage {
    /// One gazetteer file.
    public struct Gazetteer: Decodable, Sendable {
        public var path: ConfigPath
        public var caseSensitive: Bool

        enum CodingKeys: String, CodingKey {
            case path
            case caseSensitive = "case-sensitive"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            path = try container.decode(ConfigPath.self, forKey: .path)
            caseSensitive = try container.decodeIfPresent(Bool.self, forKey: .caseSensitive) ?? false
        }
    }

    /// One pattern: a sequence of token tests, or a regular expression over the text.
    public struct Pattern: Decodable, Sendable {
        public var label: String
        public var tokens: [String]?
        public var regex: String?
        public var caseSensitive: Bool
        public var canonical: String?

        enum CodingKeys: String, CodingKey {
            case label, tokens, regex, canonical
            case caseSensitive = "case-sensitive"
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            label = try container.decode(String.self, forKey: .label)
            tokens = try container.decodeIfPresent([String].self, forKey: .tokens)
            regex = try container.decodeIfPresent(String.self, forKey: .regex)
            caseSensitive = try container.decodeIfPresent(Bool.self, forKey: .caseSensitive) ?? true
            canonical = try container.decodeIfPresent(String.self, forKey: .canonical)
            switch (tokens, regex) {
            case (nil, nil), (.some, .some):
                throw DecodingError.dataCorruptedError(
                    forKey: .label, in: container,
                    debugDescription: "expected exactly one of 'tokens' (a list of token tests) or 'regex'")
            case (.some(let tokens), nil) where tokens.isEmpty:
                throw DecodingError.dataCorruptedError(
                    forKey: .tokens, in: container, debugDescription: "expected at least one token test")
            case (nil, .some(let regex)):
                do {
                    _ = try RegexRule.compile(regex, caseSensitive: caseSensitive)
                } catch {
                    throw DecodingError.dataCorruptedError(
                        forKey: .regex, in: container,
                        debugDescription: "expected a regular expression (ICU syntax), found '\(regex)', which does not compile")
                }
            default:
                break
            }
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
        "Entities from user gazetteers (TSV), token patterns and regular expressions; rules win over overlapping entities."
    public static let optionHelp: [OptionHelp] = [
        OptionHelp(
            "gazetteers", type: "list", default: "[]",
            "TSV files: {path, case-sensitive}; phrase<TAB>label[<TAB>canonical]"),
        OptionHelp(
            "patterns", type: "list", default: "[]",
            "{label, tokens | regex, case-sensitive, canonical}; in tokens NUM, CAP, * are wildcards"),
        OptionHelp(
            "overwrite", type: "bool", default: "true", "rule matches replace overlapping entities (false: keep them)"),
    ]
    public static let defaultRequires: Set<Layer> = [.token]
    public static let defaultProduces: Set<Layer> = [.entity]

    let matcher: EntityPhraseMatcher
    let regexes: [RegexRule]
    let overwrite: Bool

    public init(options: Options) throws {
        var matcher = EntityPhraseMatcher()
        for gazetteer in options.gazetteers {
            try matcher.load(tsv: gazetteer.path.url, caseSensitive: gazetteer.caseSensitive)
        }
        var regexes: [RegexRule] = []
        for pattern in options.patterns {
            if let tokens = pattern.tokens {
                matcher.add(
                    pattern: tokens.map(EntityPhraseMatcher.TokenTest.init),
                    target: EntityPhraseMatcher.Target(label: pattern.label, canonical: pattern.canonical))
            } else if let regex = pattern.regex {
                regexes.append(
                    RegexRule(
                        expression: try RegexRule.compile(regex, caseSensitive: pattern.caseSensitive),
                        label: pattern.label, canonical: pattern.canonical))
            }
        }
        self.init(matcher: matcher, regexes: regexes, overwrite: options.overwrite)
    }

    /// A stage around an already compiled matcher (and regular expressions).
    public init(matcher: EntityPhraseMatcher, regexes: [RegexRule] = [], overwrite: Bool = true) {
        self.matcher = matcher
        self.regexes = regexes
        self.overwrite = overwrite
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        let groups = try EntitiesStage.sentenceTokens(document)
        // (annotation, precedence among rules on equal spans: 0 phrases and token patterns, 1 regex)
        var candidates: [(annotation: Annotation, rank: Int)] = []
        for tokens in groups {
            let words = tokens.map { document.text(in: $0) }
            for match in matcher.matches(words) {
                var annotation = Annotation(
                    range: TextRange(start: tokens[match.start].start, end: tokens[match.end - 1].end),
                    label: match.target.label, score: 1)
                if let canonical = match.target.canonical { annotation.attributes["canonical"] = canonical }
                candidates.append((annotation, 0))
            }
        }
        for rule in regexes {
            for range in rule.matches(in: document.text) {
                var annotation = Annotation(range: range, label: rule.label, score: 1)
                if let canonical = rule.canonical { annotation.attributes["canonical"] = canonical }
                candidates.append((annotation, 1))
            }
        }
        // Leftmost first, then longest, then by kind; a candidate overlapping a kept one is dropped.
        candidates.sort { lhs, rhs in
            let left = lhs.annotation.range
            let right = rhs.annotation.range
            if left.start != right.start { return left.start < right.start }
            if left.end != right.end { return left.end > right.end }
            return lhs.rank < rhs.rank
        }
        var found: [Annotation] = []
        for candidate in candidates where !found.contains(where: { $0.range.overlaps(candidate.annotation.range) }) {
            found.append(candidate.annotation)
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
