import Foundation
import LectorCore
import LectorMarkup
import LectorStages

/// The entity development sets scored by `lector eval entities --suite DIR [--lang XX]`, each from gold
/// tokens and through the reading pipeline from raw text, with a peer's entities (spaCy, written by
/// `Benchmarks/spacy/spacy_entities.py`) scored the same way.
///
/// Raw text: every sentence is a paragraph of its tokens joined by spaces (a blank line between
/// sentences), one text file per document; in social sets `@` and `#` are joined to the following
/// word, as posted. Predicted entities are mapped back onto the gold tokens they overlap and scored as
/// exact spans (micro-averaged over the set's labels; a set without MISC ignores predicted MISC).
struct EntitySuite {
    /// One development set.
    struct Set: Sendable {
        var name: String
        var path: String
        var format: EntityCorpusFormat
        /// Also score without user-name entities.
        var withoutMentions = false
        /// Primary language subtag of the set's text.
        var language = "en"
        /// Every sentence is its own document (a file of unrelated sentences).
        var sentenceDocuments = false
    }

    static let sets: [Set] = [
        Set(name: "conll2003-dev", path: "ner/conll2003/dev.txt", format: .conll),
        Set(name: "wnut17-dev", path: "ner/wnut17/dev.conll", format: .wnut),
        Set(name: "btc-dev", path: "ner/btc/dev.conll", format: .btc, withoutMentions: true),
        Set(name: "wikigold", path: "ner/wikigold/dev.conll", format: .conll),
        Set(name: "gum-dev", path: "sent/ud_english/en_gum/en_gum-ud-dev.conllu", format: .gum),
        Set(name: "conll2002-es-dev", path: "ner/conll2002/es/dev.conll", format: .conll, language: "es"),
        Set(name: "wikineural-es-dev", path: "ner/wikineural/es/dev.conll", format: .conll, language: "es", sentenceDocuments: true),
        Set(name: "conll2002-nl-dev", path: "ner/conll2002/nl/dev.conll", format: .conll, language: "nl"),
        Set(name: "wikineural-nl-dev", path: "ner/wikineural/nl/dev.conll", format: .conll, language: "nl", sentenceDocuments: true),
        Set(name: "germeval-dev", path: "ner/germeval2014/dev.conll", format: .germeval, language: "de", sentenceDocuments: true),
        Set(name: "wikineural-de-dev", path: "ner/wikineural/de/dev.conll", format: .conll, language: "de", sentenceDocuments: true),
        Set(name: "wikineural-fr-dev", path: "ner/wikineural/fr/dev.conll", format: .conll, language: "fr", sentenceDocuments: true),
        Set(name: "kind-dev", path: "ner/kind_wikinews/dev.conll", format: .plo, language: "it"),
        Set(name: "wikineural-it-dev", path: "ner/wikineural/it/dev.conll", format: .conll, language: "it", sentenceDocuments: true),
    ]

    /// The sets in `language`.
    static func sets(language: String) -> [Set] { sets.filter { $0.language == language } }

    /// A set read and laid out as raw text.
    struct Prepared {
        var set: Set
        var corpus: CoNLLCorpus
        /// Per document: its text and each sentence's token byte ranges in it.
        var texts: [String]
        var tokenRanges: [[[Range<Int>]]]
    }

    /// One scored row.
    struct Row {
        var set: String
        var system: String
        var scorer: EntityScorer
        var labels: [String]
    }

    static func prepare(_ set: Set, root: URL) throws -> Prepared {
        var corpus = try set.format.read(root.appendingPathComponent(set.path), dropMentions: false)
        if set.sentenceDocuments { corpus = corpus.sentencesAsDocuments }
        var texts: [String] = []
        var ranges: [[[Range<Int>]]] = []
        for document in corpus.documents {
            var text = ""
            var offset = 0
            var documentRanges: [[Range<Int>]] = []
            for (index, sentence) in document.sentences.enumerated() {
                if index > 0 {
                    text += "\n\n"
                    offset += 2
                }
                var sentenceRanges: [Range<Int>] = []
                for (position, word) in sentence.words.enumerated() {
                    if position > 0 {
                        text += " "
                        offset += 1
                    }
                    text += word
                    sentenceRanges.append(offset..<(offset + word.utf8.count))
                    offset += word.utf8.count
                }
                documentRanges.append(sentenceRanges)
            }
            texts.append(text + "\n")
            ranges.append(documentRanges)
        }
        return Prepared(set: set, corpus: corpus, texts: texts, tokenRanges: ranges)
    }

    /// Predicted (byte range, label) pairs of one document mapped onto gold token spans per sentence: a
    /// prediction covers the tokens it overlaps; one that overlaps no token, or crosses a sentence, is
    /// kept as a span no gold span can equal.
    static func spans(
        _ predicted: [(range: Range<Int>, label: String)], tokenRanges: [[Range<Int>]]
    ) -> [[EntitySpan]] {
        var result = [[EntitySpan]](repeating: [], count: tokenRanges.count)
        for entity in predicted {
            var placed = false
            for (sentence, ranges) in tokenRanges.enumerated() {
                guard let first = ranges.firstIndex(where: { $0.upperBound > entity.range.lowerBound }),
                    ranges[first].lowerBound < entity.range.upperBound
                else { continue }
                var last = first
                while last + 1 < ranges.count && ranges[last + 1].lowerBound < entity.range.upperBound { last += 1 }
                let crosses = sentence + 1 < tokenRanges.count
                    && tokenRanges[sentence + 1].first.map { $0.lowerBound < entity.range.upperBound } ?? false
                result[sentence].append(
                    EntitySpan(start: first, end: crosses ? ranges.count + 1 : last + 1, label: entity.label))
                placed = true
                break
            }
            if !placed, !tokenRanges.isEmpty {
                result[0].append(EntitySpan(start: -1, end: -1, label: entity.label))
            }
        }
        return result
    }

    /// Score predicted spans (per document, per sentence) against the gold of `prepared`; with
    /// `withoutMentions`, gold and predicted spans touching a `@name` token are left out.
    static func score(_ predicted: [[[EntitySpan]]], prepared: Prepared, withoutMentions: Bool) -> EntityScorer {
        var scorer = EntityScorer()
        let labels = prepared.set.format.labels
        for (document, documentSpans) in zip(prepared.corpus.documents, predicted) {
            for (sentence, spans) in zip(document.sentences, documentSpans) {
                func keep(_ span: EntitySpan) -> Bool {
                    guard labels.contains(span.label) else { return false }
                    guard withoutMentions else { return true }
                    let start = max(0, span.start)
                    let end = min(sentence.words.count, span.end)
                    return !(start..<max(start, end)).contains { CoNLLCorpus.isMention(sentence.words[$0]) }
                }
                scorer.add(gold: sentence.spans.filter(keep), predicted: spans.filter(keep))
            }
        }
        return scorer
    }

    /// The entities stage on gold tokens: documents rebuilt from the corpus with token and sentence layers
    /// set by hand.
    static func tagGoldTokens(_ prepared: Prepared, stage: EntitiesStage) throws -> [[[EntitySpan]]] {
        var result: [[[EntitySpan]]] = []
        for (index, text) in prepared.texts.enumerated() {
            var document = Document(id: "\(index)", source: prepared.set.name, format: "text", text: text)
            let ranges = prepared.tokenRanges[index]
            document.set(
                ranges.compactMap { sentence in
                    guard let first = sentence.first, let last = sentence.last else { return nil }
                    return Annotation(first.lowerBound, last.upperBound)
                }, for: .sentence)
            document.set(ranges.flatMap { $0.map { Annotation($0.lowerBound, $0.upperBound, label: "word") } }, for: .token)
            try stage.process(&document, context: StageContext())
            let entities = document.annotations(.entity).map { ($0.start..<$0.end, $0.label) }
            result.append(spans(entities, tokenRanges: ranges))
        }
        return result
    }

    /// The reading pipeline (`clean`, `sentences`, `tokens`, `entities` with default options) on each
    /// document's raw text; entities aligned back to the raw text's token offsets. A set in another
    /// language than English is read as declared in its language (`lang`), as a page or feed declares it,
    /// so that sentences and tokens follow that language's rules.
    static func tagRawText(_ prepared: Prepared, pipeline: Pipeline) -> [[[EntitySpan]]] {
        let reader = FormatReader()
        var result: [[[EntitySpan]]] = []
        var timings = [UInt64](repeating: 0, count: pipeline.stages.count)
        for (index, text) in prepared.texts.enumerated() {
            let ranges = prepared.tokenRanges[index]
            guard case .processed(var document)? = reader.read(
                bytes: Array(text.utf8), id: "\(index)", source: "\(index).txt", formatHint: "txt"
            ).first
            else {
                result.append([[EntitySpan]](repeating: [], count: ranges.count))
                continue
            }
            if prepared.set.language != "en" { document.metadata["lang"] = prepared.set.language }
            guard pipeline.process(&document, context: StageContext(), timings: &timings) == nil else {
                result.append([[EntitySpan]](repeating: [], count: ranges.count))
                continue
            }
            let offsets = alignment(of: document.text, to: text)
            let entities: [(range: Range<Int>, label: String)] = document.annotations(.entity).compactMap {
                guard $0.start < $0.end, $0.end <= offsets.count, let start = offsets[$0.start],
                    let last = offsets[$0.end - 1]
                else { return nil }
                return (start..<(last + 1), $0.label)
            }
            result.append(spans(entities, tokenRanges: ranges))
        }
        return result
    }

    /// For each byte of `processed`, the offset of the same byte in `original`, when the two differ only
    /// in whitespace and invisible characters (the reader folds runs of spaces): bytes other than spaces
    /// are matched in order; nil for spaces and bytes that do not match.
    static func alignment(of processed: String, to original: String) -> [Int?] {
        let a = Array(processed.utf8)
        let b = Array(original.utf8)
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        var map = [Int?](repeating: nil, count: a.count)
        var j = 0
        for i in 0..<a.count where !isSpace(a[i]) {
            while j < b.count && isSpace(b[j]) { j += 1 }
            // The cleaner drops invisible characters and composes accents: resynchronise on the next
            // matching byte a few bytes on, or leave this byte unmapped.
            var k = j
            while k < min(b.count, j + 12) && b[k] != a[i] { k += 1 }
            guard k < b.count && b[k] == a[i] else { continue }
            map[i] = k
            j = k + 1
        }
        return map
    }

    /// A peer's entities for `prepared` from `directory/<set>/spacy.jsonl` (`{"id", "entities": [[start,
    /// end, label]]}` with UTF-8 byte offsets into the raw text), or nil when the file is missing.
    static func peerSpans(_ prepared: Prepared, directory: URL, file: String) throws -> [[[EntitySpan]]]? {
        let url = directory.appendingPathComponent(prepared.set.name).appendingPathComponent(file)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        var byDocument: [Int: [(range: Range<Int>, label: String)]] = [:]
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        for line in text.split(separator: "\n") {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = (object["id"] as? String).flatMap({ Int($0) }),
                let entities = object["entities"] as? [[Any]]
            else { continue }
            byDocument[id] = entities.compactMap { entity in
                guard entity.count == 3, let start = entity[0] as? Int, let end = entity[1] as? Int,
                    let label = entity[2] as? String, start < end
                else { return nil }
                return (start..<end, label)
            }
        }
        return prepared.tokenRanges.indices.map { index in
            spans(byDocument[index] ?? [], tokenRanges: prepared.tokenRanges[index])
        }
    }

    /// Write each document's raw text to `directory/<set>/<index>.txt`.
    static func writeTexts(_ prepared: Prepared, to directory: URL) throws {
        let folder = directory.appendingPathComponent(prepared.set.name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, text) in prepared.texts.enumerated() {
            try Data(text.utf8).write(to: folder.appendingPathComponent("\(index).txt"))
        }
    }
}
