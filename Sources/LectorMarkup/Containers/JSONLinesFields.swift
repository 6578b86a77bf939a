/// Which fields of a JSON Lines record hold the document: set in a pipeline's `reader: jsonl:`.
///
/// Defaults fit common scraper exports: the body is the first of `html`, `content`, `text` that is a
/// non-empty string (HTML when it looks like markup, plain text otherwise).
public struct JSONLinesFields: Sendable, Hashable, Codable {
    /// The field whose value becomes the id's suffix (`FILE#VALUE`); the line number when absent.
    public var id: String
    /// Fields tried in order for the body.
    public var body: [String]
    public var title: String
    public var url: String
    /// A publication date (kept as metadata `date`).
    public var date: String

    public init(
        id: String = "id", body: [String] = ["html", "content", "text"], title: String = "title", url: String = "url",
        date: String = "date"
    ) {
        self.id = id
        self.body = body
        self.title = title
        self.url = url
        self.date = date
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, body, title, url, date
    }

    public init(from decoder: any Decoder) throws {
        let defaults = JSONLinesFields()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? defaults.id
        if let one = try? container.decodeIfPresent(String.self, forKey: .body) {
            body = [one]
        } else {
            body = try container.decodeIfPresent([String].self, forKey: .body) ?? defaults.body
        }
        title = try container.decodeIfPresent(String.self, forKey: .title) ?? defaults.title
        url = try container.decodeIfPresent(String.self, forKey: .url) ?? defaults.url
        date = try container.decodeIfPresent(String.self, forKey: .date) ?? defaults.date
    }
}
