import LectorCore

/// What one document contributes to story grouping: its main terms, its main entities and its day.
///
/// - `terms`: hashes of the Porter stems of the document's highest-weighted content words
///   (term frequency × the built-in IDF), highest first, at most `Options.terms`.
/// - `entities`: hashes of its most mentioned person, organisation, place and other names, most
///   mentioned first, at most `Options.entities`. A person counts by surname (the last word of the
///   name), so "Vladimir Putin" and "Putin" in two documents meet; other names by their lower-cased
///   words.
/// - `day`: the publication day (days since 1970-01-01) from the metadata (`date`, `published`, …) when
///   it reads as ISO `yyyy-mm-dd`.
///
/// Size: 8 bytes per term and entity plus 4: about 300 bytes with the defaults. Pure and
/// deterministic; `Codable` for the cache and shard files.
public struct StorySummary: Codable, Sendable, Hashable {
    public var terms: [UInt64]
    public var entities: [UInt64]
    public var day: Int32?

    public init(terms: [UInt64], entities: [UInt64], day: Int32?) {
        self.terms = terms
        self.entities = entities
        self.day = day
    }

    /// How summaries are made.
    public struct Options: Sendable, Hashable, Codable {
        /// Terms kept per document.
        public var terms: Int = 20
        /// Entities kept per document.
        public var entities: Int = 10
        public init(terms: Int = 20, entities: Int = 10) {
            self.terms = max(0, terms)
            self.entities = max(0, entities)
        }
    }

    /// Metadata keys read for the day, in order.
    public static let dateKeys = ["date", "published", "article:published_time", "pubDate", "dc:date", "updated"]

    /// The summary of a processed document: its text, its `entity` layer and its metadata.
    public init(document: Document, options: Options = Options()) {
        let names = document.annotations(.entity).map { annotation in
            (annotation.attributes["canonical"] ?? document.text(in: annotation.range), annotation.label)
        }
        let date = Self.dateKeys.lazy.compactMap { document.metadata[$0] }.first { Self.day(iso: $0) != nil }
        var text = document.text
        if let title = document.title, !title.isEmpty, !document.text.hasPrefix(title) { text = title + "\n\n" + text }
        self.init(text: text, names: names, date: date, options: options)
    }

    /// The summary of `text` with its entity names (name, label) and an optional ISO date.
    public init(text: String, names: [(name: String, label: String)], date: String?, options: Options = Options()) {
        self.init(
            terms: Self.topTerms(text, count: options.terms), entities: Self.topEntities(names, count: options.entities),
            day: date.flatMap(Self.day(iso:)))
    }

    static let entityLabels: Set<String> = ["PER", "ORG", "LOC", "MISC"]

    /// The hash of the key under which a name meets its variants in other documents.
    static func entityKey(name: String, label: String) -> UInt64? {
        let normal = BatchEntityName(name: name, label: label)
        guard let last = normal.words.last else { return nil }
        let key = label == "PER" ? "PER\u{1F}" + last : normal.key
        return BatchWords.hash(key)
    }

    private static func topEntities(_ names: [(name: String, label: String)], count: Int) -> [UInt64] {
        var counts: [UInt64: (count: Int, first: Int)] = [:]
        for (position, (name, label)) in names.enumerated() where entityLabels.contains(label) {
            guard let key = entityKey(name: name, label: label) else { continue }
            let entry = counts[key] ?? (0, position)
            counts[key] = (entry.count + 1, entry.first)
        }
        return counts.sorted { ($0.value.count, -$0.value.first) > ($1.value.count, -$1.value.first) }
            .prefix(count).map(\.key)
    }

    private static func topTerms(_ text: String, count: Int) -> [UInt64] {
        guard count > 0 else { return [] }
        // Count each distinct word once by its hash; strings and stems only per distinct word.
        var words: [UInt64: (count: Int, word: [UInt8], first: Int)] = [:]
        var position = 0
        BatchWords.forEachWord(in: text) { word in
            position += 1
            guard word.count >= 3, word.contains(where: { !UTF8Scanning.isDigit($0) }) else { return }
            let hash = BatchWords.hash(word)
            if let entry = words[hash] {
                words[hash] = (entry.count + 1, entry.word, entry.first)
            } else {
                words[hash] = (1, Array(word), position)
            }
        }
        let table = IDFTable.builtin
        let stemmer = PorterStemmer()
        var stems: [UInt64: (weight: Double, first: Int)] = [:]
        // In text order, so that the weights of words sharing a stem add up in one order in every process.
        for entry in words.values.sorted(by: { $0.first < $1.first }) {
            let word = String(decoding: entry.word, as: UTF8.self)
            guard !StopWords.english.contains(word) else { continue }
            let (idf, knownStem) = table?.idfAndStem(word) ?? (1, nil)
            let key: UInt64
            if entry.word.allSatisfy({ $0 < 0x80 }) {
                // The table holds the same stemmer's stem of each word longer than three bytes.
                if let knownStem, entry.word.count > 3 {
                    key = BatchWords.hash(knownStem)
                } else {
                    key = stemmer.stem(entry.word).withUnsafeBufferPointer { BatchWords.hash($0) }
                }
            } else {
                key = entry.word.withUnsafeBufferPointer { BatchWords.hash($0) }
            }
            let weight = Double(entry.count) * idf
            let current = stems[key] ?? (0, entry.first)
            stems[key] = (current.weight + weight, min(current.first, entry.first))
        }
        return stems.sorted { ($0.value.weight, -$0.value.first) > ($1.value.weight, -$1.value.first) }
            .prefix(count).map(\.key)
    }

    /// Days since 1970-01-01 of an ISO date (`yyyy-mm-dd`, optionally followed by a time); nil otherwise.
    public static func day(iso text: String) -> Int32? {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard UTF8Scanning.isDigit(bytes[index]) else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...31).contains(day), year >= 1
        else { return nil }
        // Days from the civil date (proleptic Gregorian calendar), after Howard Hinnant's algorithm.
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return Int32(clamping: era * 146_097 + dayOfEra - 719_468)
    }
}

extension StorySummary: JSONWritableSummary {
    public func writeJSON(to writer: inout JSONWriter) {
        writer.beginObject()
        if let day { writer.field("day", Int(day)) }
        writer.key("entities")
        writer.beginArray()
        for entity in entities { writer.value(entity) }
        writer.endArray()
        writer.key("terms")
        writer.beginArray()
        for term in terms { writer.value(term) }
        writer.endArray()
        writer.endObject()
    }
}
