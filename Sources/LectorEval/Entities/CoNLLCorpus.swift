import Foundation
import LectorCore
import LectorStages

/// A corpus in CoNLL column format (CoNLL-2003 `TOKEN POS CHUNK NER`, WNUT `token<TAB>tag`), read into
/// documents of sentences with gold entity spans.
///
/// The tag is the last column. IOB1 (`I-X` opens a span unless it continues one of the same type; `B-X`
/// only separates adjacent spans) and IOB2 are both read by conlleval's chunk rules, so either scheme
/// yields the same spans. `-DOCSTART-` lines separate documents; a file without them is one document.
/// Lines holding only whitespace or a byte-order mark separate sentences. `labelMap` renames or drops
/// types (a type mapped to "" is dropped).
public struct CoNLLCorpus: Sendable {
    /// One sentence: its tokens and gold spans over token indices.
    public struct Sentence: Sendable {
        public var words: [String]
        public var spans: [EntitySpan]
    }

    /// One document: sentences in order.
    public struct Document: Sendable {
        public var sentences: [Sentence]
        /// Types the source does not annotate (BTC has no MISC): in training, a predicted span of such a
        /// type over gold `O` tokens is not counted as a mistake.
        public var unannotatedTypes: Set<String> = []
        /// How much a training mistake in this document moves the weights (1: as every other).
        public var weight: Double = 1

        public init(sentences: [Sentence], unannotatedTypes: Set<String> = [], weight: Double = 1) {
            self.sentences = sentences
            self.unannotatedTypes = unannotatedTypes
            self.weight = weight
        }
    }

    /// The same sentences with each one its own document (for corpora of independent posts, such as
    /// WNUT-17, whose files have no document boundaries).
    public var sentencesAsDocuments: CoNLLCorpus {
        CoNLLCorpus(
            documents: documents.flatMap { document in
                document.sentences.map {
                    Document(sentences: [$0], unannotatedTypes: document.unannotatedTypes, weight: document.weight)
                }
            })
    }

    /// Every document marked as not annotating `types`.
    public func withUnannotatedTypes(_ types: Set<String>) -> CoNLLCorpus {
        CoNLLCorpus(
            documents: documents.map { Document(sentences: $0.sentences, unannotatedTypes: types, weight: $0.weight) })
    }

    public var documents: [Document]

    /// Total tokens.
    public var tokenCount: Int { documents.reduce(0) { $0 + $1.sentences.reduce(0) { $0 + $1.words.count } } }

    /// Total sentences.
    public var sentenceCount: Int { documents.reduce(0) { $0 + $1.sentences.count } }

    public init(documents: [Document]) { self.documents = documents }

    /// The WNUT-17 types mapped onto CoNLL's.
    public static let wnutLabelMap: [String: String] = [
        "person": "PER", "location": "LOC", "corporation": "ORG", "group": "ORG", "product": "MISC",
        "creative-work": "MISC",
    ]

    /// GermEval 2014's outer types on CoNLL's: OTH is MISC; the `deriv` and `part` forms are dropped.
    public static let germevalLabelMap: [String: String] = {
        var map = ["OTH": "MISC"]
        for type in ["PER", "ORG", "LOC", "OTH"] {
            map[type + "deriv"] = ""
            map[type + "part"] = ""
        }
        return map
    }()

    /// Read `url`; `labelMap` renames types (unmapped types are kept as they are).
    public init(contentsOf url: URL, labelMap: [String: String] = [:]) throws {
        let data = try Data(contentsOf: url)
        self.init(text: String(decoding: data, as: UTF8.self), labelMap: labelMap)
    }

    /// Parse CoNLL text.
    public init(text: String, labelMap: [String: String] = [:]) {
        var documents: [Document] = []
        var sentences: [Sentence] = []
        var words: [String] = []
        var tags: [String] = []

        func endSentence() {
            if !words.isEmpty {
                let spans = Self.chunks(tags).compactMap { span -> EntitySpan? in
                    var span = span
                    if let mapped = labelMap[span.label] { span.label = mapped }
                    return span.label.isEmpty ? nil : span
                }
                sentences.append(Sentence(words: words, spans: spans))
            }
            words.removeAll(keepingCapacity: true)
            tags.removeAll(keepingCapacity: true)
        }
        func endDocument() {
            endSentence()
            if !sentences.isEmpty { documents.append(Document(sentences: sentences)) }
            sentences.removeAll()
        }

        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{FEFF}" })
            guard let first = fields.first, let last = fields.last else {
                endSentence()
                continue
            }
            if first == "-DOCSTART-" {
                endDocument()
                continue
            }
            words.append(String(first))
            tags.append(fields.count > 1 ? String(last) : "O")
        }
        endDocument()
        self.documents = documents
    }

    /// Spans of a tag sequence by conlleval's rules: a chunk starts at `B-X`, at `I-X` after a tag of
    /// another type or after `O`, and ends before any tag that starts a chunk or is `O`.
    public static func chunks(_ tags: [String]) -> [EntitySpan] {
        var spans: [EntitySpan] = []
        var open: (start: Int, type: Substring)?
        for (index, tag) in tags.enumerated() {
            let prefix: Character
            let type: Substring
            if tag == "O" || tag.count < 2 {
                prefix = "O"
                type = ""
            } else if let dash = tag.firstIndex(of: "-") {
                prefix = tag[tag.startIndex]
                type = tag[tag.index(after: dash)...]
            } else {
                prefix = "I"
                type = tag[...]
            }
            let starts = prefix == "B" || prefix == "S" || (prefix != "O" && open?.type != type)
            if let current = open, prefix == "O" || starts {
                spans.append(EntitySpan(start: current.start, end: index, label: String(current.type)))
                open = nil
            }
            if prefix != "O", open == nil { open = (index, type) }
            if prefix == "E" || prefix == "S", let current = open {
                spans.append(EntitySpan(start: current.start, end: index + 1, label: String(current.type)))
                open = nil
            }
        }
        if let current = open {
            spans.append(EntitySpan(start: current.start, end: tags.count, label: String(current.type)))
        }
        return spans
    }
}
