/// A half-open span `[start, end)` of UTF-8 byte offsets into a document's `text`.
///
/// UTF-8 offsets are Swift's native unit: O(1) to index `text.utf8`. Reports convert them to
/// Unicode-scalar offsets when they write JSON for other tools (see `ScalarOffsetMap`).
public struct TextRange: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "TextRange start \(start) is after end \(end)")
        self.start = start
        self.end = end
    }

    public init(_ range: Range<Int>) {
        self.start = range.lowerBound
        self.end = range.upperBound
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "[\(start), \(end))" }
}
