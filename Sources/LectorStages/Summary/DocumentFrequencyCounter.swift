import LectorCore

/// Counts in how many documents each lower-cased word occurs, with the same word rules as
/// `summarize` and `keyphrases`. Used by `lector train idf` to build the built-in table, and usable
/// for the batch reduce step (`statistics` gives `CorpusStatistics`).
public struct DocumentFrequencyCounter: Sendable {
    public private(set) var documentCount = 0
    public private(set) var frequencies: [String: Int] = [:]

    public init() {}

    /// Count one document's text.
    public mutating func add(_ text: String) {
        add(distinctWords: Self.distinctWords(text))
    }

    /// Count one document given as its distinct words.
    public mutating func add(distinctWords words: [String]) {
        for word in words { frequencies[word, default: 0] += 1 }
        documentCount += 1
    }

    /// The distinct lower-cased words of `text`, sorted (what one document adds to the counts).
    public static func distinctWords(_ text: String) -> [String] {
        var copy = text
        let words = copy.withUTF8 { WordScanner.scan($0, from: 0, to: $0.count) }
        return Set(words.map(\.key)).sorted()
    }

    /// Merge counts made elsewhere (e.g. by another lane).
    public mutating func merge(_ other: DocumentFrequencyCounter) {
        documentCount += other.documentCount
        for (word, count) in other.frequencies { frequencies[word, default: 0] += count }
    }

    /// The counts as batch statistics for `StageContext.corpus`.
    public var statistics: CorpusStatistics {
        CorpusStatistics(documentCount: documentCount, documentFrequency: frequencies)
    }

    /// The table file: `#documents<TAB>N`, then the `top` most frequent words occurring in at least
    /// `minimumFrequency` documents (ties by word, so the file is deterministic).
    public func tsv(top: Int, minimumFrequency: Int) -> String {
        let kept = frequencies.filter { $0.value >= minimumFrequency }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(max(top, 0))
        var lines = ["#documents\t\(documentCount)"]
        lines.reserveCapacity(kept.count + 1)
        for (word, count) in kept { lines.append("\(word)\t\(count)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
