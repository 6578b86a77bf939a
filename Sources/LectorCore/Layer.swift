/// The name of a kind of annotation that stages produce and require.
///
/// Open for extension: a plugin adds `extension Layer { static let keyword: Layer = "keyword" }`
/// without touching the core.
public struct Layer: Hashable, Sendable, Comparable, RawRepresentable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Layer, rhs: Layer) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Blocks of the clean text: paragraphs, headings, list items, table cells (label says which).
    public static let paragraph: Layer = "paragraph"
    /// Sentences; never cross a paragraph.
    public static let sentence: Layer = "sentence"
    /// Tokens (words, numbers, punctuation, URLs…); label is the token kind.
    public static let token: Layer = "token"
    /// Named entities and numeric expressions; label is the entity type.
    public static let entity: Layer = "entity"
    /// Sentences chosen for the summary, in document order, with their scores.
    public static let summary: Layer = "summary"
    /// Key phrases of the document with scores.
    public static let keyphrase: Layer = "keyphrase"
}
