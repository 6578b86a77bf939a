/// A half-open span `[start, end)` of UTF-8 byte offsets into a document's `text`.
///
/// UTF-8 offsets are Swift's native unit: O(1) to index `text.utf8`. Reports convert them to
/// Unicode-scalar offsets when they write JSON for other tools (see `ScalarOffsetMap`).
///
/// Making a range never traps, whatever the numbers: an invalid one (`start > end`, negative, past the
/// text) is caught when a stage stores it in a document (`Document.set`), which fails that document only.
public struct TextRange: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public init(_ range: Range<Int>) {
        self.start = range.lowerBound
        self.end = range.upperBound
    }

    /// `end - start`, never negative (0 for an invalid range).
    public var length: Int { max(0, end - start) }
    /// Whether the range is well formed and lies inside a text of `limit` UTF-8 bytes.
    public func isValid(within limit: Int) -> Bool { 0 <= start && start <= end && end <= limit }
    public var isEmpty: Bool { start == end }

    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextRange) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "[\(start), \(end))" }
}
