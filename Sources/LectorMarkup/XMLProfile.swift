/// Where the parts of an XML news document are, as XPath 1.0 expressions, for XML formats without a
/// built-in reader (feeds and NITF have their own).
///
/// Expressions run against the document as parsed (namespaces are not registered: use
/// `*[local-name()='body']` for namespaced elements). `body` selects elements whose text becomes the
/// blocks; `title`, `date` and `author` select elements or attributes whose text becomes metadata.
public struct XMLProfile: Sendable, Hashable, Codable {
    public var body: String
    public var title: String?
    public var date: String?
    public var author: String?

    public init(body: String, title: String? = nil, date: String? = nil, author: String? = nil) {
        self.body = body
        self.title = title
        self.date = date
        self.author = author
    }

    /// The first expression that does not compile, with its field name, or nil when all compile.
    public func validationError() -> String? {
        for (field, expression) in [("body", body), ("title", title), ("date", date), ("author", author)] {
            guard let expression else { continue }
            if !MarkupParser.compiles(xpath: expression) { return "\(field): invalid XPath expression '\(expression)'" }
        }
        return nil
    }

    /// The expressions in a fixed order: body, title, date, author (empty when absent).
    var expressions: [String] { [body, title ?? "", date ?? "", author ?? ""] }
}

/// What an XPath expression selected, as positions in a `MarkupTree` or as text (attributes, text
/// nodes, or string results).
enum XPathMatch: Sendable, Equatable {
    case node(Int)
    case text(String)
}
