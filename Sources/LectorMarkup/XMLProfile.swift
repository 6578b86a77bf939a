/// Where the parts of an XML news document are, as XPath 1.0 expressions, for XML formats without a
/// built-in reader (feeds and NITF have their own).
///
/// Expressions run against the document as parsed (namespaces are not registered: use
/// `*[local-name()='body']` for namespaced elements). When `item` is set, each element it selects
/// becomes one document and the other expressions are evaluated relative to that element
/// (`./content`, `@id`, or absolute paths); otherwise the file is one document. `body` selects
/// elements whose text becomes the blocks (default `.`: the whole item or file); `title`, `date` and
/// `author` select elements, attributes or strings whose text becomes metadata.
public struct XMLProfile: Sendable, Hashable, Codable {
    /// The elements that are one document each (nil: the whole file is one document).
    public var item: String?
    public var body: String
    public var title: String?
    public var date: String?
    public var author: String?

    public init(item: String? = nil, body: String = ".", title: String? = nil, date: String? = nil, author: String? = nil) {
        self.item = item
        self.body = body
        self.title = title
        self.date = date
        self.author = author
    }

    enum CodingKeys: String, CodingKey {
        case item, body, title, date, author
    }

    /// Decodes every field as optional; `body` defaults to `.`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        item = try container.decodeIfPresent(String.self, forKey: .item)
        body = try container.decodeIfPresent(String.self, forKey: .body) ?? "."
        title = try container.decodeIfPresent(String.self, forKey: .title)
        date = try container.decodeIfPresent(String.self, forKey: .date)
        author = try container.decodeIfPresent(String.self, forKey: .author)
    }

    /// The fields in the order they are written: item, body, title, date, author (nil when absent).
    public var fields: [(name: String, expression: String?)] {
        [("item", item), ("body", body), ("title", title), ("date", date), ("author", author)]
    }

    /// The first expression that does not compile, with its field name, or nil when all compile.
    public func validationError() -> String? {
        for (field, expression) in fields {
            guard let expression else { continue }
            if !Self.compiles(expression) { return "\(field): invalid XPath expression '\(expression)'" }
        }
        return nil
    }

    /// Whether libxml2 compiles `expression` as XPath 1.0 (an empty expression does not).
    public static func compiles(_ expression: String) -> Bool {
        !expression.isEmpty && MarkupParser.compiles(xpath: expression)
    }

    /// The per-document expressions in a fixed order: body, title, date, author (empty when absent).
    var expressions: [String] { [body, title ?? "", date ?? "", author ?? ""] }
}

/// What an XPath expression selected, as positions in a `MarkupTree` or as text (attributes, text
/// nodes, or string results).
enum XPathMatch: Sendable, Equatable {
    case node(Int)
    case text(String)
}
