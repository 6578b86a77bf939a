import Foundation
import LectorCore

/// Inverse document frequencies of lower-cased English words, with each word's Porter stem.
///
/// The built-in table (`idf-en.tsv` among the module's resources) is built by `lector train idf`
/// and loaded once, on first use, by a `static let` (thread-safe lazy initialisation). File format:
/// a first line `#documents<TAB>N`, then `word<TAB>document-frequency` lines. Words not in the table
/// get the IDF of a word seen in no document.
public struct IDFTable: Sendable {
    /// Number of documents the frequencies were counted over.
    public let documentCount: Int
    /// Entries by `FeatureHash.hash(word)` (looked up per word type of every document, so without
    /// re-hashing strings; a 64-bit collision would give one word the other's entry).
    private let index: HashedKeyMap<Int32>
    private let entries: [Entry]
    private let unseen: Double

    struct Entry: Sendable {
        var idf: Double
        var stem: String
    }

    /// A table from document frequencies (counted over `documentCount` documents).
    public init(documentCount: Int, documentFrequency: [String: Int]) {
        let stemmer = PorterStemmer()
        self.documentCount = max(documentCount, 0)
        let total = Double(self.documentCount)
        var index = HashedKeyMap<Int32>(capacity: documentFrequency.count)
        var entries: [Entry] = []
        entries.reserveCapacity(documentFrequency.count)
        for (word, frequency) in documentFrequency {
            let idf = log((total + 1) / (Double(frequency) + 1)) + 1
            let stem = word.utf8.count > 3 ? stemmer.stem(word) : word
            index[FeatureHash.hash(word), default: 0] = Int32(entries.count)
            entries.append(Entry(idf: idf, stem: stem))
        }
        self.index = index
        self.entries = entries
        self.unseen = log(total + 1) + 1
    }

    /// Parse the table's text format. Throws on a malformed line (with its number).
    public init(tsv text: String) throws {
        var count = 0
        var frequencies: [String: Int] = [:]
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            lineNumber += 1
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, let value = Int(fields[1]), value >= 0 else {
                throw IDFTableError(message: "line \(lineNumber): expected 'word<TAB>count'")
            }
            if fields[0] == "#documents" {
                count = value
            } else {
                frequencies[String(fields[0])] = value
            }
        }
        guard count > 0 else { throw IDFTableError(message: "missing '#documents' line") }
        self.init(documentCount: count, documentFrequency: frequencies)
    }

    /// The built-in English table; nil when the resource is missing from the installation
    /// (`builtinMissing` says where it was looked for).
    public static let builtin: IDFTable? = {
        guard let url = try? ResourceLocator.url("Resources/idf-en.tsv", target: "LectorStages"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? IDFTable(tsv: String(decoding: data, as: UTF8.self))
    }()

    /// Why `builtin` is nil, for error messages.
    public static var builtinMissing: String {
        "\(ResourceMissing(path: "Resources/idf-en.tsv", searched: ResourceLocator.candidates("Resources/idf-en.tsv", target: "LectorStages").map(\.path)))"
    }

    /// Number of words in the table.
    public var count: Int { entries.count }

    /// The IDF of a lower-cased word (≥ 1).
    public func idf(_ word: String) -> Double { entry(word)?.idf ?? unseen }

    /// The IDF of a word the table never saw (the largest it gives).
    var unseenIDF: Double { unseen }

    /// The IDF of a lower-cased word whose `FeatureHash.hash` is `hash` (no re-hashing).
    func idf(hash: UInt64) -> Double { entry(hash: hash)?.idf ?? unseen }

    /// The Porter stem of the word whose `FeatureHash.hash` is `hash`, when the table knows it.
    func knownStem(hash: UInt64) -> String? { entry(hash: hash)?.stem }

    private func entry(_ word: String) -> Entry? { entry(hash: FeatureHash.hash(word)) }

    private func entry(hash: UInt64) -> Entry? { index[hash].map { entries[Int($0)] } }

    /// The IDF of a lower-cased word and, when the table knows it, its Porter stem (one look-up).
    func idfAndStem(_ word: String) -> (idf: Double, stem: String?) {
        guard let entry = entry(word) else { return (unseen, nil) }
        return (entry.idf, entry.stem)
    }
}

/// A malformed IDF table.
public struct IDFTableError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { "IDF table: \(message)" }
}
