import Foundation
import LectorCore

/// A regular expression with the entity label it yields, compiled once and matched over a whole
/// document's text (not per token).
///
/// Uses `NSRegularExpression` (ICU syntax: `\b`, `\d`, `(?i)` for case-insensitive, …). Matches are
/// non-overlapping, left to right; an empty match, or one whose ends fall inside a character that
/// UTF-16 splits (a lone surrogate), is skipped. Ranges come back as UTF-8 byte offsets.
public struct EntityRegexRule: Sendable {
    /// The expression as written in the pipeline file.
    public let source: String
    /// What a match yields.
    public let target: EntityPhraseMatcher.Target
    private let expression: NSRegularExpression

    /// Compile `source`; throws `EntitiesStageError` with the reason when it is not a valid expression.
    public init(_ source: String, target: EntityPhraseMatcher.Target) throws {
        guard !source.isEmpty else { throw EntitiesStageError("expected a regular expression, found an empty string") }
        do {
            expression = try NSRegularExpression(pattern: source)
        } catch {
            throw EntitiesStageError("invalid regular expression '\(source)': \(error.localizedDescription)")
        }
        self.source = source
        self.target = target
    }

    /// The matches in `text`, in text order, as UTF-8 byte ranges.
    public func matches(in text: String) -> [TextRange] {
        let utf16Count = text.utf16.count
        guard utf16Count > 0 else { return [] }
        let found = expression.matches(in: text, range: NSRange(location: 0, length: utf16Count))
        var ranges: [TextRange] = []
        ranges.reserveCapacity(found.count)
        let utf16 = text.utf16
        // Matches come in text order: walk forward from the previous one instead of from the start.
        var cursor = utf16.startIndex
        var cursorOffset = 0
        for match in found where match.range.location != NSNotFound && match.range.length > 0 {
            let lowerOffset = match.range.location
            let upperOffset = lowerOffset + match.range.length
            guard lowerOffset >= cursorOffset, upperOffset <= utf16Count else { continue }
            let lower = utf16.index(cursor, offsetBy: lowerOffset - cursorOffset)
            let upper = utf16.index(lower, offsetBy: match.range.length)
            cursor = upper
            cursorOffset = upperOffset
            guard lower.samePosition(in: text.unicodeScalars) != nil, upper.samePosition(in: text.unicodeScalars) != nil
            else { continue }
            let start = text.utf8.distance(from: text.utf8.startIndex, to: lower)
            let end = text.utf8.distance(from: text.utf8.startIndex, to: upper)
            ranges.append(TextRange(start: start, end: end))
        }
        return ranges
    }
}
