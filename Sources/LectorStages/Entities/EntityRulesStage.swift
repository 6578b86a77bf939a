import Foundation
import LectorCore

/// The `entity-rules` stage: user gazetteers (TSV), token patterns and regular expressions from the
/// pipeline file, written to the `entity` layer.
///
/// Everything is compiled once, when the stage is built: gazetteer phrases and token patterns into hash
/// tries over tokens (each token costs one or two dictionary lookups however many phrases there are),
/// regular expressions into `NSRegularExpression`s. An invalid expression is a configuration error
/// naming the file, line and key. Phrases and token patterns are matched within each sentence's
/// tokens; a regular expression runs once per document over the whole text, so its match may start
/// or end inside a token.
///
/// Precedence, stated and tested:
/// 1. **Rules over the statistical recogniser.** With `overwrite: true` (the default) a rule match
///    replaces every entity already in the layer that overlaps it, like a rule layer placed after a
///    statistical recogniser with overwriting on. With `overwrite: false`, a rule match that overlaps
///    an existing entity is dropped instead. Run the stage after `entities` to correct the model, or
///    without it for pure dictionary tagging.
/// 2. **Among rules, the longer match wins** (length in bytes of text), whatever kind of rule made
///    it; matches are chosen longest first and a match overlapping one already chosen is dropped.
/// 3. **On equal length and start, gazetteer phrases win over token patterns, which win over regular
///    expressions**; among regular expressions, the one listed first wins. Curated lists carry a
///    canonical form and are the most specific evidence; a regular expression is the broadest.
///
/// Options:
/// ```yaml
/// - stage: entity-rules
///   options:
///     gazetteers:
///       - path: lists/companies.tsv     # phrase<TAB>label[<TAB>canonical]; relative to the pipeline file
///         case-sensitive: false
///     patterns:
///       - label: PRODUCT
///         tokens: [iPhone, NUM]          # NUM: digits, CAP: capitalised word, *: any token
///         canonical: iPhone              # optional
///       - label: TICKER
///         regex: "\\b[A-Z]{2,6}:[A-Z]{1,5}\\b"   # ICU syntax; (?i) for case-insensitive
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

    /// One pattern: a sequence of token tests or a regular expression, with its label.
    public struct Pattern: Decodable, Sendable {
        /// How a pattern matches.
        public enum Rule: Sendable {
            case tokens([EntityPhraseMatcher.TokenTest])
            case regex(EntityRegexRule)
        }

        public var label: String
        public var canonical: String?
        public var rule: Rule

        enum CodingKeys: String, CodingKey { case label, tokens, regex, canonical }

        public init(label: String, canonical: String? = nil, rule: Rule) {
            self.label = label
            self.canonical = canonical
            self.rule = rule
        }

        /// Exactly one of `tokens` and `regex`; a regular expression is compiled here, so that a bad
        /// one is reported with the line of its `regex` key.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            label = try container.decode(String.self, forKey: .label)
            canonical = try container.decodeIfPresent(String.self, forKey: .canonical)
            let tokens = try container.decodeIfPresent([String].self, forKey: .tokens)
            let regex = try container.decodeIfPresent(String.self, forKey: .regex)
            switch (tokens, regex) {
            case (let tokens?, nil):
                guard !tokens.isEmpty else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .tokens, in: container, debugDescription: "expected at least one token test, found an empty list")
                }
                rule = .tokens(tokens.map(EntityPhraseMatcher.TokenTest.init))
            case (nil, let regex?):
                do {
                    rule = .regex(try EntityRegexRule(regex, target: .init(label: label, canonical: canonical)))
                } catch {
                    throw DecodingError.dataCorruptedError(forKey: .regex, in: container, debugDescription: "\(error)")
                }
            case (.some, .some):
                throw DecodingError.dataCorruptedError(
                    forKey: .regex, in: container, debugDescription: "expected either 'tokens' or 'regex', found both")
            case (nil, nil):
                throw DecodingError.dataCorruptedError(
                    forKey: .label, in: container, debugDescription: "expected a 'tokens' list or a 'regex' with this label")
            }
        }
    }

    /// Options from the pipeline file.
    public struct Options: DeclaredOptions {
        public var gazetteers: [Gazetteer] = []
        public var patterns: [Pattern] = []
        public var overwrite = true

        public init() {}

        public static let declarations: [OptionDeclaration<Options>] = [
            .value(
                "gazetteers", \.gazetteers, type: "list",
                "TSV files: {path, case-sensitive}; phrase<TAB>label[<TAB>canonical]"),
            .value(
                "patterns", \.patterns, type: "list",
                "{label, tokens | regex, canonical}; token tests NUM, CAP, * are wildcards; regex in ICU syntax"),
            .value("overwrite", \.overwrite, type: "bool", "rule matches replace overlapping entities (false: keep them)"),
        ]
    }

    public static let name = "entity-rules"
    public static let summary =
        "Entities from gazetteers (TSV), token patterns and regular expressions; rules win over overlapping entities."
    public static let defaultRequires: Set<Layer> = [.token]
    public static let defaultProduces: Set<Layer> = [.entity]

    let matcher: EntityPhraseMatcher
    let regexes: [EntityRegexRule]
    let overwrite: Bool

    public init(options: Options) throws {
        var matcher = EntityPhraseMatcher()
        for gazetteer in options.gazetteers {
            try matcher.load(tsv: gazetteer.path.url, caseSensitive: gazetteer.caseSensitive)
        }
        var regexes: [EntityRegexRule] = []
        for pattern in options.patterns {
            switch pattern.rule {
            case .tokens(let tests):
                matcher.add(pattern: tests, target: .init(label: pattern.label, canonical: pattern.canonical))
            case .regex(let rule):
                regexes.append(rule)
            }
        }
        self.init(matcher: matcher, regexes: regexes, overwrite: options.overwrite)
    }

    /// A stage around an already compiled matcher and regular expressions.
    public init(matcher: EntityPhraseMatcher, regexes: [EntityRegexRule] = [], overwrite: Bool = true) {
        self.matcher = matcher
        self.regexes = regexes
        self.overwrite = overwrite
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        var candidates: [Candidate] = []
        if matcher.count > 0 {
            let groups = try EntitiesStage.sentenceTokens(document)
            for tokens in groups {
                let words = tokens.map { document.text(in: $0) }
                for match in matcher.longestMatches(words) {
                    let range = TextRange(start: tokens[match.start].start, end: tokens[match.end - 1].end)
                    candidates.append(Candidate(range: range, target: match.target, rank: match.isPattern ? 1 : 0))
                }
            }
        }
        for (index, rule) in regexes.enumerated() {
            try context.checkDeadline()
            for range in rule.matches(in: document.text) {
                candidates.append(Candidate(range: range, target: rule.target, rank: 2 + index))
            }
        }
        let found = Self.choose(candidates).map { candidate in
            var annotation = Annotation(range: candidate.range, label: candidate.target.label, score: 1)
            if let canonical = candidate.target.canonical { annotation.attributes["canonical"] = canonical }
            return annotation
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

    /// A rule match before the choice: `rank` orders kinds on a tie (0 phrase, 1 token pattern,
    /// 2 + i the i-th regular expression).
    struct Candidate {
        var range: TextRange
        var target: EntityPhraseMatcher.Target
        var rank: Int
    }

    /// Non-overlapping matches, longest first, then leftmost, then by rank; returned in text order.
    static func choose(_ candidates: [Candidate]) -> [Candidate] {
        let ordered = candidates.filter { !$0.range.isEmpty }.sorted { left, right in
            if left.range.length != right.range.length { return left.range.length > right.range.length }
            if left.range.start != right.range.start { return left.range.start < right.range.start }
            return left.rank < right.rank
        }
        var chosen: [Candidate] = []  // kept sorted by start; never overlapping
        for candidate in ordered {
            // First chosen match starting at or after this one; only it and the one before can overlap.
            var low = 0
            var high = chosen.count
            while low < high {
                let middle = (low + high) / 2
                if chosen[middle].range.start < candidate.range.start { low = middle + 1 } else { high = middle }
            }
            if low < chosen.count && chosen[low].range.overlaps(candidate.range) { continue }
            if low > 0 && chosen[low - 1].range.overlaps(candidate.range) { continue }
            chosen.insert(candidate, at: low)
        }
        return chosen
    }
}
