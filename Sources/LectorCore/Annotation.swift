/// One standoff annotation: a span of the document's text, with an optional label, score and
/// free-form attributes (for example an entity's `canonical` form).
///
/// Kept small on purpose: token layers hold one per word, so the empty-attributes case must not allocate.
public struct Annotation: Hashable, Sendable {
    public var range: TextRange
    public var label: String
    public var score: Double?
    public var attributes: [String: String]

    public init(range: TextRange, label: String = "", score: Double? = nil, attributes: [String: String] = [:]) {
        self.range = range
        self.label = label
        self.score = score
        self.attributes = attributes
    }

    public init(_ start: Int, _ end: Int, label: String = "", score: Double? = nil) {
        self.init(range: TextRange(start: start, end: end), label: label, score: score)
    }

    public var start: Int { range.start }
    public var end: Int { range.end }
}
