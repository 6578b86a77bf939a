/// A calendar day read from a document's metadata, for the index's date column and timeline.
///
/// Understands ISO 8601 (`2024-03-05`, `2024-03-05T10:00:00Z`), RFC 822 as RSS writes it
/// (`Tue, 05 Mar 2024 10:00:00 GMT`), and `5 March 2024` / `March 5, 2024`. Anything else is nil.
struct PublicationDate: Hashable, Comparable, Sendable {
    var year: Int
    var month: Int
    var day: Int

    /// Metadata keys tried in order.
    static let metadataKeys = [
        "published", "article:published_time", "date", "pubDate", "pubdate", "dc:date", "dcterms:created",
        "og:published_time", "updated", "modified",
    ]

    /// The first parseable date among `metadataKeys`.
    init?(metadata: [String: String]) {
        for key in Self.metadataKeys {
            if let value = metadata[key], let date = PublicationDate(value) {
                self = date
                return
            }
        }
        return nil
    }

    init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    init?(_ text: String) {
        let words = Self.words(text)
        guard !words.isEmpty else { return nil }
        // ISO: the first word is yyyy-mm-dd (a `T` time part is split off by `words`).
        let iso = words[0].split(separator: "-")
        if iso.count == 3, iso[0].count == 4, let year = Int(iso[0]), let month = Int(iso[1]), let day = Int(iso[2]) {
            self.init(year: year, month: month, day: day)
            return
        }
        // Word forms: find a month name, a day (1-31) and a year (4 digits) among the first words.
        var year: Int?
        var month: Int?
        var day: Int?
        for word in words.prefix(5) {
            if let number = Int(word) {
                if word.count == 4 { year = year ?? number } else if number >= 1 && number <= 31 { day = day ?? number }
            } else if month == nil, word.count >= 3,
                let index = Self.monthPrefixes.firstIndex(of: word.prefix(3).lowercased())
            {
                month = index + 1
            }
        }
        guard let year, let month, let day else { return nil }
        self.init(year: year, month: month, day: day)
    }

    private static let monthPrefixes = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// Words split on spaces, commas and `T` after an ISO date.
    private static func words(_ text: String) -> [Substring] {
        var result: [Substring] = []
        for piece in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" }) {
            if piece.count > 10, piece.dropFirst(10).first == "T" {
                result.append(piece.prefix(10))
            } else {
                result.append(piece)
            }
            if result.count >= 6 { break }
        }
        return result
    }

    /// `YYYY-MM-DD`.
    var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Months since year 0, for bucketing.
    var monthNumber: Int { year * 12 + month - 1 }

    static func < (lhs: PublicationDate, rhs: PublicationDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
