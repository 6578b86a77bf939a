/// The tag set of the statistical recogniser: `O`, then one tag per part of an entity for each type.
///
/// Two encodings (the model file says which it uses):
/// - `bio` (IOB2): `B-X` begins an entity, `I-X` continues it. Tag `1 + 2k + part`.
/// - `bilou`: `B-X` begins an entity of two or more tokens, `I-X` is inside it, `L-X` is its last
///   token, `U-X` is a one-token entity. Tag `1 + 4k + part`. Marking the last token and one-token
///   entities lets the weights tell a name's end from its middle (Ratinov and Roth 2009 found it the
///   better encoding for CoNLL-style NER).
///
/// Index 0 is always `O`. Indices are stable within a model file (the file stores its type list and
/// encoding).
public struct EntityTagSet: Sendable, Hashable {
    /// How entity tokens are encoded.
    public enum Scheme: UInt8, Sendable, Hashable, CaseIterable {
        case bio = 0
        case bilou = 1

        /// Parts per type: B, I (and L, U).
        var parts: Int { self == .bio ? 2 : 4 }
    }

    /// Where a token sits in its entity.
    public enum Part: Int, Sendable {
        case begin = 0, inside, last, unit
    }

    /// Entity types in model order (e.g. PER, ORG, LOC, MISC).
    public let types: [String]
    public let scheme: Scheme

    public init(types: [String], scheme: Scheme = .bio) {
        self.types = types
        self.scheme = scheme
    }

    /// The CoNLL-2003 types in IOB2.
    public static let conll = EntityTagSet(types: ["PER", "ORG", "LOC", "MISC"])

    /// This tag set's types with another encoding.
    public func with(scheme: Scheme) -> EntityTagSet { EntityTagSet(types: types, scheme: scheme) }

    /// Number of tags (`1 + parts × types`).
    public var count: Int { 1 + scheme.parts * types.count }

    /// The tag of `part` of an entity of `type` (in `bio`, `last` reads as `inside` and `unit` as `begin`).
    public func tag(type: Int, part: Part) -> Int {
        switch scheme {
        case .bio: return 1 + 2 * type + (part == .begin || part == .unit ? 0 : 1)
        case .bilou: return 1 + 4 * type + part.rawValue
        }
    }

    /// The tag index of `B-type` (`begin == true`) or `I-type`.
    public func tag(type: Int, begin: Bool) -> Int { tag(type: type, part: begin ? .begin : .inside) }

    /// The entity type of tag `tag`, or nil for `O`.
    public func type(of tag: Int) -> Int? { tag == 0 ? nil : (tag - 1) / scheme.parts }

    /// The part of an entity that `tag` marks, or nil for `O`.
    public func part(of tag: Int) -> Part? { tag == 0 ? nil : Part(rawValue: (tag - 1) % scheme.parts) }

    /// Whether `tag` starts an entity (`B-`, or `U-` in BILOU).
    public func isBegin(_ tag: Int) -> Bool {
        let part = part(of: tag)
        return part == .begin || part == .unit
    }

    /// Whether `tag` ends an entity (`L-` or `U-`; never in BIO, where the next tag decides).
    public func isEnd(_ tag: Int) -> Bool {
        let part = part(of: tag)
        return part == .last || part == .unit
    }

    /// A readable name: `O`, `B-PER`, `I-LOC`, `L-ORG`, `U-MISC`.
    public func name(of tag: Int) -> String {
        guard let type = type(of: tag), types.indices.contains(type), let part = part(of: tag) else { return "O" }
        return ["B-", "I-", "L-", "U-"][part.rawValue] + types[type]
    }

    /// The IOB2 name of `tag` (`B-` for begin and unit, `I-` for inside and last), for CoNLL output.
    public func iob2Name(of tag: Int) -> String {
        guard let type = type(of: tag), types.indices.contains(type) else { return "O" }
        return (isBegin(tag) ? "B-" : "I-") + types[type]
    }

    /// Whether `next` may follow `previous` (`nil`: sentence start). IOB2: `I-X` only after `B-X` or
    /// `I-X`. BILOU: `I-X` and `L-X` only after `B-X` or `I-X`; everything else only where no entity is
    /// open (at the start, or after `O`, `L-` or `U-`).
    public func allows(_ previous: Int?, _ next: Int) -> Bool {
        let open = previous.map { type(of: $0) != nil && !isEnd($0) && scheme == .bilou } ?? false
        guard let nextType = type(of: next), !isBegin(next) else { return !open }
        guard let previous, let previousType = type(of: previous), !isEnd(previous) else { return false }
        return previousType == nextType
    }

    /// Whether a sentence may end on `tag` (BILOU: not inside an open entity).
    public func canEnd(_ tag: Int) -> Bool { scheme == .bio || type(of: tag) == nil || isEnd(tag) }

    /// Tags for `count` tokens holding `spans`.
    public func tags(for spans: [EntitySpan], count: Int) -> [Int] {
        var tags = [Int](repeating: 0, count: count)
        for span in spans {
            guard let type = types.firstIndex(of: span.label), span.start >= 0, span.end <= count,
                span.start < span.end
            else { continue }
            if span.end - span.start == 1 {
                tags[span.start] = tag(type: type, part: .unit)
                continue
            }
            tags[span.start] = tag(type: type, part: .begin)
            for index in (span.start + 1)..<(span.end - 1) { tags[index] = tag(type: type, part: .inside) }
            tags[span.end - 1] = tag(type: type, part: .last)
        }
        return tags
    }

    /// Spans of a tag sequence as (start, end, type index), repairing ill-formed ones: a stray `I-X` or
    /// `L-X` starts a span, a span closes at `L-`/`U-`, at a change of type and before `B-`/`U-`.
    public func typedSpans(of tags: [Int]) -> [(start: Int, end: Int, type: Int)] {
        var spans: [(start: Int, end: Int, type: Int)] = []
        var open: (start: Int, type: Int)?
        for (index, tag) in tags.enumerated() {
            let type = self.type(of: tag)
            if let current = open, type != current.type || isBegin(tag) {
                spans.append((current.start, index, current.type))
                open = nil
            }
            if let type, open == nil { open = (index, type) }
            if let current = open, isEnd(tag) {
                spans.append((current.start, index + 1, current.type))
                open = nil
            }
        }
        if let current = open { spans.append((current.start, tags.count, current.type)) }
        return spans
    }

    /// Spans of a well-formed or repaired tag sequence, labelled (see `typedSpans`).
    public func spans(of tags: [Int]) -> [EntitySpan] {
        typedSpans(of: tags).compactMap { span in
            types.indices.contains(span.type)
                ? EntitySpan(start: span.start, end: span.end, label: types[span.type]) : nil
        }
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
