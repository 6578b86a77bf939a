import Foundation

/// Phrases and token patterns with labels, compiled once into hash tries over tokens, matched
/// leftmost-longest. Phrases are split into words at whitespace; a list is matched either exactly or
/// ignoring case. Each token costs one or two dictionary lookups however many phrases there are.
///
/// Immutable and `Sendable`.
public struct EntityPhraseMatcher: Sendable {
    /// What a phrase or pattern yields.
    public struct Target: Sendable, Hashable {
        public var label: String
        public var canonical: String?

        public init(label: String, canonical: String? = nil) {
            self.label = label
            self.canonical = canonical
        }
    }

    /// One element of a token pattern.
    public enum TokenTest: Sendable, Hashable {
        /// The token equals this text, ignoring case.
        case literal(String)
        /// A number written with digits (`5`, `3.5`, `1,000`).
        case number
        /// A word starting with a capital letter.
        case capitalised
        /// Any single token.
        case any

        /// `NUM`, `CAP` and `*` are the special elements; anything else is a literal.
        public init(_ text: String) {
            switch text {
            case "NUM": self = .number
            case "CAP": self = .capitalised
            case "*": self = .any
            default: self = .literal(text.lowercased())
            }
        }

        func matches(_ token: String, lower: String) -> Bool {
            switch self {
            case .literal(let text): return lower == text
            case .any: return true
            case .capitalised: return token.first?.isUppercase ?? false
            case .number:
                guard let first = token.utf8.first, first >= 0x30 && first <= 0x39 else { return false }
                return token.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2c || $0 == 0x2e }
            }
        }
    }

    /// A token pattern with its target.
    public struct Pattern: Sendable, Hashable {
        public var tests: [TokenTest]
        public var target: Target
    }

    /// A match over token indices `start..<end`.
    public struct Match: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var target: Target
        /// Whether a token pattern made the match (otherwise a gazetteer phrase).
        public var isPattern: Bool
    }

    /// Trie nodes keyed by hash chains: a value with a nil target marks a prefix of a longer phrase.
    private var exact: [UInt64: Target?] = [:]
    private var folded: [UInt64: Target?] = [:]
    private var patterns: [Pattern] = []

    public init() {}

    /// Number of phrases and patterns.
    public private(set) var count = 0

    /// Add a phrase (words separated by whitespace).
    public mutating func add(phrase: String, target: Target, caseSensitive: Bool) {
        let words = phrase.split(whereSeparator: \.isWhitespace).map { caseSensitive ? String($0) : $0.lowercased() }
        guard !words.isEmpty else { return }
        var key = EntityGazetteer.chainStart
        for (index, word) in words.enumerated() {
            key = EntityGazetteer.extend(key, with: FeatureHash.hash(word))
            let isLast = index == words.count - 1
            if caseSensitive {
                if isLast { exact[key] = .some(target) } else if exact[key] == nil { exact[key] = .some(nil) }
            } else {
                if isLast { folded[key] = .some(target) } else if folded[key] == nil { folded[key] = .some(nil) }
            }
        }
        count += 1
    }

    /// Add a token pattern.
    public mutating func add(pattern tests: [TokenTest], target: Target) {
        guard !tests.isEmpty else { return }
        patterns.append(Pattern(tests: tests, target: target))
        count += 1
    }

    /// Load a TSV gazetteer: `phrase<TAB>label[<TAB>canonical]` per line; `#` comments and blank lines
    /// are skipped. Errors name the file and line.
    public mutating func load(tsv url: URL, caseSensitive: Bool) throws {
        let text: String
        do {
            text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        } catch {
            throw EntitiesStageError("cannot read gazetteer \(url.path): \(error.localizedDescription)")
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if trimmed.trimmingCharacters(in: .whitespaces).isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                throw EntitiesStageError(
                    "\(url.path):\(number + 1): expected 'phrase<TAB>label[<TAB>canonical]', found '\(trimmed)'")
            }
            let canonical = fields.count > 2 && !fields[2].isEmpty ? fields[2] : nil
            add(phrase: fields[0], target: Target(label: fields[1], canonical: canonical), caseSensitive: caseSensitive)
        }
    }

    /// Leftmost-longest, non-overlapping matches over `tokens` (phrases before patterns on a tie).
    public func matches(_ tokens: [String]) -> [Match] {
        let keys = Keys(self, tokens)
        var result: [Match] = []
        var start = 0
        while start < tokens.count {
            if let best = longest(at: start, tokens, keys) {
                result.append(best)
                start = best.end
            } else {
                start += 1
            }
        }
        return result
    }

    /// For every token where a phrase or pattern starts, the longest one starting there (phrases before
    /// patterns on a tie). The matches may overlap; the caller chooses among them.
    public func longestMatches(_ tokens: [String]) -> [Match] {
        let keys = Keys(self, tokens)
        return tokens.indices.compactMap { longest(at: $0, tokens, keys) }
    }

    /// Lower-cased tokens and their hash keys, computed once per token list.
    private struct Keys {
        var lowered: [String]
        var exact: [UInt64]
        var folded: [UInt64]

        init(_ matcher: EntityPhraseMatcher, _ tokens: [String]) {
            lowered = tokens.map { $0.lowercased() }
            exact = matcher.exact.isEmpty ? [] : tokens.map(FeatureHash.hash)
            folded = matcher.folded.isEmpty ? [] : lowered.map(FeatureHash.hash)
        }
    }

    private func longest(at start: Int, _ tokens: [String], _ keys: Keys) -> Match? {
        var best: Match?
        func consider(_ end: Int, _ target: Target, isPattern: Bool) {
            if best == nil || end > best?.end ?? 0 {
                best = Match(start: start, end: end, target: target, isPattern: isPattern)
            }
        }
        for (table, tableKeys) in [(exact, keys.exact), (folded, keys.folded)] where !table.isEmpty {
            var key = EntityGazetteer.chainStart
            var end = start
            while end < tokens.count {
                key = EntityGazetteer.extend(key, with: tableKeys[end])
                guard let node = table[key] else { break }
                end += 1
                if let target = node { consider(end, target, isPattern: false) }
            }
        }
        for pattern in patterns where start + pattern.tests.count <= tokens.count {
            var matched = true
            for (offset, test) in pattern.tests.enumerated()
            where !test.matches(tokens[start + offset], lower: keys.lowered[start + offset]) {
                matched = false
                break
            }
            if matched { consider(start + pattern.tests.count, pattern.target, isPattern: true) }
        }
        return best
    }
}
