import LectorCore

/// Everything the report needs from one source (one file, or one feed with several items), rendered
/// on the lane that processed it by `ReportWriter.render`: bytes and small rows only, so it crosses
/// threads freely and the consuming thread just writes it out.
public struct RenderedSource: Sendable {
    enum Item: Sendable {
        case document(RenderedDocument)
        case failure(RenderedFailure)
    }

    var items: [Item]

    /// The number of processed documents in this source.
    public var documentCount: Int {
        items.reduce(0) { count, item in if case .document = item { count + 1 } else { count } }
    }

    /// The number of failed documents in this source.
    public var failureCount: Int { items.count - documentCount }
}

/// A failed document, ready to write.
struct RenderedFailure: Sendable {
    var failure: DocumentFailure
    /// One `errors.jsonl` line, newline included.
    var jsonLine: [UInt8]
}

/// One processed document, ready to write.
struct RenderedDocument: Sendable {
    var id: String
    /// File-name stem of its page and export files (the writer adds a suffix if two ids collide).
    var stem: String
    /// One `documents.jsonl` line, newline included.
    var jsonLine: [UInt8]
    /// `entities.csv` and `summaries.csv` rows (CRLF-terminated), without header.
    var entityRows: [UInt8]
    var summaryRows: [UInt8]
    /// `documents/STEM.html`, when HTML is on.
    var page: [UInt8]?
    /// CoNLL block and brat files, when requested.
    var conll: [UInt8]?
    var bratText: [UInt8]?
    var bratAnnotations: [UInt8]?
    /// The row of the index's documents table.
    var row: IndexRow
    /// The document's named entities with counts and one sample each, for entity pages.
    var entities: [EntitySighting]
}

/// A document's row in the index table: small on purpose (the writer keeps some of it in memory).
struct IndexRow: Sendable {
    var title: String
    var date: PublicationDate?
    var source: String
    var format: String
    var entityCount: Int
    var lead: String
    /// The document's story (`stories` batch stage), if it shares one with other documents.
    var story: String? = nil
    /// The earlier document this one repeats (`duplicates` batch stage).
    var duplicateOf: String? = nil
}

/// A canonical entity: its label and name. Where its section lives is derived from both.
///
/// Entity pages are grouped: one file per bucket of the key's hash (`entities/0a7.html`), one
/// section per entity in it (`#anchor`). A corpus of 100,000 documents holds about a million
/// entities; a file for each would cost more than the run itself (creating a file is ~70 µs here),
/// while a bounded number of buckets keeps the report's file count and write time flat.
struct EntityKey: Hashable, Sendable {
    var label: String
    var name: String
    /// How many entity pages the report has (`ReportOptions.entityPageBuckets`).
    var buckets: Int

    init(label: String, name: String, buckets: Int) {
        self.label = label
        self.name = name
        self.buckets = max(1, buckets)
    }

    /// `slug-hash`: the id of the entity's section, unique per key.
    var anchor: String { FileNaming.stem(for: "\(label)\u{1F}\(name)") }

    /// The number of the page that holds the entity's section.
    var bucket: UInt64 { FileNaming.hash("\(label)\u{1F}\(name)") % UInt64(buckets) }

    /// The stem of the page file that holds the entity's section (three hex digits).
    var page: String { Self.pageStem(bucket) }

    static func pageStem(_ bucket: UInt64) -> String {
        let digits = String(bucket, radix: 16)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// The link to the entity's section, relative to the `entities` folder: `0a7.html#slug-hash`.
    var href: String { "\(page).html#\(anchor)" }
}

/// An entity seen in one document: how often, and the first mention in context.
struct EntitySighting: Sendable {
    var key: EntityKey
    /// `key.href`, computed once.
    var href: String
    var count: Int
    /// Anchor of the first mention on the document page (`m12`).
    var anchor: String
    var before: String
    var mention: String
    var after: String
}
