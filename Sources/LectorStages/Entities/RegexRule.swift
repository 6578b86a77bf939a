import Foundation
import LectorCore

/// A regular expression from an `entity-rules` pattern, compiled once, with the label its matches get.
///
/// It runs over a document's whole text (not per token), so Foundation's engine is used here; match
/// ranges (UTF-16) are turned into the document's UTF-8 offsets. Empty matches are ignored.
public struct RegexRule: Sendable {
    let expression: NSRegularExpression
    public let label: String
    public let canonical: String?

    public init(expression: NSRegularExpression, label: String, canonical: String? = nil) {
        self.expression = expression
        self.label = label
        self.canonical = canonical
    }

    /// Compile `pattern` (ICU syntax); throws when it does not compile.
    public static func compile(_ pattern: String, caseSensitive: Bool) throws -> NSRegularExpression {
        try NSRegularExpression(pattern: pattern, options: caseSensitive ? [] : [.caseInsensitive])
    }

    /// The UTF-8 ranges of the matches in `text`, in order.
    public func matches(in text: String) -> [TextRange] {
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        var ranges: [TextRange] = []
        // Offsets are found by walking forward from the previous match (matches come in order).
        var cursor = text.startIndex
        var cursorOffset = 0
        for match in expression.matches(in: text, options: [], range: whole) where match.range.length > 0 {
            guard let range = Range(match.range, in: text), range.lowerBound >= cursor else { continue }
            let start = cursorOffset + text.utf8.distance(from: cursor, to: range.lowerBound)
            let end = start + text.utf8.distance(from: range.lowerBound, to: range.upperBound)
            ranges.append(TextRange(start: start, end: end))
            cursor = range.upperBound
            cursorOffset = end
        }
        return ranges
    }
}
