/// The BIO tag set of the statistical recogniser: `O`, then `B-X` and `I-X` for each entity type.
///
/// Tag indices are stable within a model file (the file stores its own label list); index 0 is `O`,
/// `1 + 2k` is `B` of type `k`, `2 + 2k` is `I` of type `k`.
public struct EntityTagSet: Sendable, Hashable {
    /// Entity types in model order (e.g. PER, ORG, LOC, MISC).
    public let types: [String]

    public init(types: [String]) { self.types = types }

    /// The CoNLL-2003 types.
    public static let conll = EntityTagSet(types: ["PER", "ORG", "LOC", "MISC"])

    /// Number of tags (`1 + 2 × types`).
    public var count: Int { 1 + 2 * types.count }

    /// The tag index of `B-type` (`begin == true`) or `I-type`.
    public func tag(type: Int, begin: Bool) -> Int { begin ? 1 + 2 * type : 2 + 2 * type }

    /// The entity type of tag `tag`, or nil for `O`.
    public func type(of tag: Int) -> Int? { tag == 0 ? nil : (tag - 1) / 2 }

    /// Whether `tag` is a `B-` tag.
    public func isBegin(_ tag: Int) -> Bool { tag != 0 && (tag - 1) % 2 == 0 }

    /// A readable name: `O`, `B-PER`, `I-LOC`.
    public func name(of tag: Int) -> String {
        guard let type = type(of: tag), types.indices.contains(type) else { return "O" }
        return (isBegin(tag) ? "B-" : "I-") + types[type]
    }

    /// Whether `next` may follow `previous` (`nil`: sentence start) in IOB2: `I-X` only after `B-X` or `I-X`.
    public func allows(_ previous: Int?, _ next: Int) -> Bool {
        guard let nextType = type(of: next), !isBegin(next) else { return true }
        guard let previous, let previousType = type(of: previous) else { return false }
        return previousType == nextType
    }

    /// Tags (IOB2 indices) for `count` tokens holding `spans`.
    public func tags(for spans: [EntitySpan], count: Int) -> [Int] {
        var tags = [Int](repeating: 0, count: count)
        for span in spans {
            guard let type = types.firstIndex(of: span.label), span.start >= 0, span.end <= count,
                span.start < span.end
            else { continue }
            tags[span.start] = tag(type: type, begin: true)
            for index in (span.start + 1)..<span.end { tags[index] = tag(type: type, begin: false) }
        }
        return tags
    }

    /// Spans of a well-formed or repaired IOB2 tag sequence (a stray `I-X` starts a span).
    public func spans(of tags: [Int]) -> [EntitySpan] {
        var spans: [EntitySpan] = []
        var open: (start: Int, type: Int)?
        for (index, tag) in tags.enumerated() {
            let type = self.type(of: tag)
            if let current = open, type != current.type || isBegin(tag) {
                spans.append(EntitySpan(start: current.start, end: index, label: types[current.type]))
                open = nil
            }
            if let type, open == nil { open = (index, type) }
        }
        if let current = open {
            spans.append(EntitySpan(start: current.start, end: tags.count, label: types[current.type]))
        }
        return spans
    }
}

/// An entity as a half-open range of token indices in one sentence, with its label.
public struct EntitySpan: Hashable, Sendable, Comparable {
    public var start: Int
    public var end: Int
    public var label: String

    public init(start: Int, end: Int, label: String) {
        self.start = start
        self.end = end
        self.label = label
    }

    public static func < (lhs: EntitySpan, rhs: EntitySpan) -> Bool {
        (lhs.start, lhs.end, lhs.label) < (rhs.start, rhs.end, rhs.label)
    }
}
