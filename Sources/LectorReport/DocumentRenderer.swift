import LectorCore

/// Renders one processed document into the report's pieces: its JSON line, CSV rows, HTML page,
/// exports, index row and entity sightings.
///
/// Works on a byte copy of the text with one `ScalarOffsetMap`; every range is clamped to the text
/// and snapped to scalar boundaries first, so odd annotations cannot split a character or crash.
struct DocumentRenderer {
    let document: Document
    let utf8: [UInt8]
    let offsets: ScalarOffsetMap
    let stem: String

    /// The text of every entity annotation (aligned with `document.annotations(.entity)`), made once:
    /// the JSON line, the CSV rows and the page all need it.
    let entityTexts: [String]
    /// Entities that do not overlap (the first, then the longest at equal start, wins).
    let entities: [Annotation]
    /// How each of `entities` is drawn, worked out once per document.
    let marks: [Mark]
    let sentences: [Annotation]

    /// An entity's canonical name, CSS class, and page (nil for value labels such as MONEY).
    struct Mark {
        var text: String
        var name: String
        var className: String
        var key: EntityKey?
        /// Link to the entity's section, relative to `entities/` (`EntityKey.href`).
        var href: String?
    }

    /// Layers written under their own keys rather than under `layers`.
    static let dedicatedLayers: Set<Layer> = [.token, .paragraph, .sentence, .entity, .summary, .keyphrase]

    /// Entity labels that are values rather than things: highlighted, but with no entity page.
    static let valueLabels: Set<String> = [
        "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "NUMBER", "DURATION", "SET",
    ]

    init(_ document: Document, entityPageBuckets: Int = ReportOptions().entityPageBuckets) {
        self.document = document
        utf8 = Array(document.text.utf8)
        offsets = ScalarOffsetMap(document.text)
        stem = FileNaming.stem(for: document.id)
        sentences = document.annotations(.sentence)
        let all = document.annotations(.entity)
        var texts: [String] = []
        texts.reserveCapacity(all.count)
        for entity in all { texts.append(Self.text(entity.range, in: utf8)) }
        entityTexts = texts
        var kept: [Annotation] = []
        var keptTexts: [String] = []
        for (index, entity) in all.enumerated() where !entity.range.isEmpty {
            if let last = kept.last, entity.start < last.end {
                if entity.start == last.start && entity.end > last.end {
                    kept[kept.count - 1] = entity
                    keptTexts[keptTexts.count - 1] = texts[index]
                }
                continue
            }
            kept.append(entity)
            keptTexts.append(texts[index])
        }
        entities = kept
        var classes: [String: String] = [:]
        var hrefs: [EntityKey: String] = [:]
        var marks: [Mark] = []
        marks.reserveCapacity(kept.count)
        for (entity, text) in zip(kept, keptTexts) {
            let name = Self.canonicalName(entity, text: text)
            let className = classes[entity.label] ?? LabelStyle.className(for: entity.label)
            classes[entity.label] = className
            var mark = Mark(text: text, name: name, className: className)
            if Self.hasPage(label: entity.label) && !name.isEmpty {
                let key = EntityKey(label: entity.label, name: name, buckets: entityPageBuckets)
                let href = hrefs[key] ?? key.href
                hrefs[key] = href
                mark.key = key
                mark.href = href
            }
            marks.append(mark)
        }
        self.marks = marks
    }

    // MARK: Ranges

    /// `offset` clamped to the text and moved back to the start of its scalar.
    func snap(_ offset: Int) -> Int { Self.snap(offset, in: utf8) }

    static func snap(_ offset: Int, in utf8: [UInt8]) -> Int {
        var position = min(max(offset, 0), utf8.count)
        while position > 0 && position < utf8.count && utf8[position] & 0xC0 == 0x80 { position -= 1 }
        return position
    }

    /// The text of `range`, snapped to scalar boundaries.
    static func text(_ range: TextRange, in utf8: [UInt8]) -> String {
        let start = snap(range.start, in: utf8)
        let end = max(start, snap(range.end, in: utf8))
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    func snapped(_ range: TextRange) -> Range<Int> {
        let start = snap(range.start)
        return start..<max(start, snap(range.end))
    }

    func text(_ range: TextRange) -> String { String(decoding: utf8[snapped(range)], as: UTF8.self) }

    func scalar(_ offset: Int) -> Int { offsets.scalarOffset(ofByte: snap(offset)) }

    /// The canonical name of an entity: its `canonical` attribute or its text, with runs of ASCII
    /// whitespace as single spaces and none at the ends.
    static func canonicalName(_ entity: Annotation, text: String) -> String {
        collapsed(entity.attributes["canonical"] ?? text)
    }

    /// `text` with runs of ASCII whitespace as one space and none at the ends (the same string when
    /// there is nothing to change, which is nearly always).
    private static func collapsed(_ text: String) -> String {
        var copy = text
        let clean = copy.withUTF8 { bytes in
            var previousSpace = true
            for byte in bytes {
                let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                if space && (previousSpace || byte != 0x20) { return false }
                previousSpace = space
            }
            return !previousSpace
        }
        return clean || text.isEmpty ? text : collapsed(Array(text.utf8)[...])
    }

    private static func collapsed(_ bytes: ArraySlice<UInt8>) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        var clean = true
        var previousSpace = true
        for byte in bytes {
            let space = isSpace(byte)
            if space && (previousSpace || byte != 0x20) {
                clean = false
                break
            }
            previousSpace = space
        }
        if clean && !previousSpace { return String(decoding: bytes, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if isSpace(byte) {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    static func hasPage(label: String) -> Bool { !valueLabels.contains(label.uppercased()) }

    /// The 0-based index of the sentence a summary annotation stands for.
    func sentenceIndex(of summary: Annotation) -> Int? {
        if let written = summary.attributes["sentence"], let index = Int(written) { return index }
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let sentence = sentences[middle].range
            if sentence.contains(TextRange(start: summary.start, end: summary.start)) && summary.start < sentence.end {
                return middle
            }
            if sentence.start <= summary.start { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    var title: String {
        if let title = document.title, !title.isEmpty { return title }
        if let title = document.metadata["og:title"], !title.isEmpty { return title }
        return document.id
    }

    // MARK: JSON line

    /// The `documents.jsonl` line (sorted keys, scalar offsets), newline included.
    func jsonLine() -> [UInt8] {
        var json = JSONWriter(capacity: utf8.count * 2 + 1024)
        json.beginObject()
        json.key("diagnostics")
        json.beginArray()
        for diagnostic in document.diagnostics {
            json.beginObject()
            json.field("message", diagnostic.message)
            json.field("origin", diagnostic.origin)
            json.field("severity", diagnostic.severity.rawValue)
            json.endObject()
        }
        json.endArray()
        if let original = document.metadata[BatchField.duplicateOf] { json.field(BatchField.duplicateOf, original) }
        json.key("entities")
        json.beginArray()
        for (index, entity) in document.annotations(.entity).enumerated() {
            json.beginObject()
            if let canonical = entity.attributes["canonical"] { json.field("canonical", canonical) }
            json.field("end", scalar(entity.end))
            if let id = entity.attributes[BatchField.entityID] { json.field(BatchField.entityID, id) }
            json.field("label", entity.label)
            if let score = entity.score { json.field("score", score) }
            json.field("start", scalar(entity.start))
            json.field("text", entityTexts[index])
            json.endObject()
        }
        json.endArray()
        json.field("format", document.format)
        json.field("id", document.id)
        json.key("keyphrases")
        json.beginArray()
        for phrase in document.annotations(.keyphrase) {
            json.beginObject()
            if let score = phrase.score { json.field("score", score) }
            json.field("text", phrase.label.isEmpty ? text(phrase.range) : phrase.label)
            json.endObject()
        }
        json.endArray()
        json.key("layers")
        json.beginObject()
        for layer in document.layers.keys.sorted() where !Self.dedicatedLayers.contains(layer) {
            json.key(layer.rawValue)
            json.beginArray()
            for annotation in document.annotations(layer) {
                json.beginObject()
                json.field("attributes", annotation.attributes)
                json.field("end", scalar(annotation.end))
                json.field("label", annotation.label)
                json.key("score")
                if let score = annotation.score { json.value(score) } else { json.null() }
                json.field("start", scalar(annotation.start))
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        json.field("metadata", document.metadata.filter { !BatchField.all.contains($0.key) })
        json.key("paragraphs")
        json.beginArray()
        for paragraph in document.annotations(.paragraph) {
            json.beginArray()
            json.value(scalar(paragraph.start))
            json.value(scalar(paragraph.end))
            json.value(paragraph.label)
            json.endArray()
        }
        json.endArray()
        json.key("sentences")
        json.beginArray()
        for sentence in sentences {
            json.beginArray()
            json.value(scalar(sentence.start))
            json.value(scalar(sentence.end))
            json.endArray()
        }
        json.endArray()
        json.field("source", document.source)
        if let story = document.metadata[BatchField.story] { json.field(BatchField.story, story) }
        json.key("summary")
        json.beginArray()
        for summary in document.annotations(.summary) {
            json.beginObject()
            if let score = summary.score { json.field("score", score) }
            json.key("sentence")
            if let index = sentenceIndex(of: summary) { json.value(index) } else { json.null() }
            json.field("text", text(summary.range))
            json.endObject()
        }
        json.endArray()
        json.field("text", document.text)
        json.key("title")
        if let title = document.title { json.value(title) } else { json.null() }
        json.endObject()
        var bytes = json.bytes
        bytes.append(0x0A)
        return bytes
    }

    // MARK: CSV

    /// `entities.csv` rows: document, start, end, label, text, canonical, entity_id (the batch entity,
    /// empty unless `link-entities` ran).
    func entityRows() -> [UInt8] {
        var csv = CSVBuffer()
        for (index, entity) in document.annotations(.entity).enumerated() {
            csv.text(document.id)
            csv.number(scalar(entity.start))
            csv.number(scalar(entity.end))
            csv.text(entity.label)
            csv.text(entityTexts[index])
            csv.text(entity.attributes["canonical"] ?? "")
            csv.text(entity.attributes[BatchField.entityID] ?? "")
            csv.endRow()
        }
        return csv.bytes
    }

    /// `summaries.csv` rows: document, rank, sentence, start, end, score, text.
    func summaryRows() -> [UInt8] {
        var csv = CSVBuffer()
        for (rank, summary) in document.annotations(.summary).enumerated() {
            csv.text(document.id)
            csv.number(rank + 1)
            if let index = sentenceIndex(of: summary) { csv.number(index) } else { csv.text("") }
            csv.number(scalar(summary.start))
            csv.number(scalar(summary.end))
            csv.number(summary.score)
            csv.text(text(summary.range))
            csv.endRow()
        }
        return csv.bytes
    }

    // MARK: Index and entity pages

    func indexRow() -> IndexRow {
        var lead = document.annotations(.summary).first.map { text($0.range) } ?? ""
        if lead.count > 240 { lead = String(lead.prefix(239)) + "…" }
        return IndexRow(
            title: title, date: PublicationDate(metadata: document.metadata), source: document.source,
            format: document.format, entityCount: document.annotations(.entity).count, lead: lead,
            story: document.metadata[BatchField.story], duplicateOf: document.metadata[BatchField.duplicateOf])
    }

    /// Named entities (those with pages) with their counts and first mention, in order of first mention.
    func sightings() -> [EntitySighting] {
        var positions: [EntityKey: Int] = [:]
        var found: [EntitySighting] = []
        for (index, entity) in entities.enumerated() {
            guard let key = marks[index].key else { continue }
            if let position = positions[key] {
                found[position].count += 1
                continue
            }
            let range = snapped(entity.range)
            let before = snippetStart(before: range.lowerBound)..<range.lowerBound
            let after = range.upperBound..<snippetEnd(after: range.upperBound)
            positions[key] = found.count
            found.append(
                EntitySighting(
                    key: key, href: marks[index].href ?? key.href, count: 1, anchor: "m\(index)",
                    before: (before.lowerBound > 0 ? "…" : "") + flat(before), mention: flat(range),
                    after: flat(after) + (after.upperBound < utf8.count ? "…" : "")))
        }
        return found
    }

    /// Where a context snippet before `offset` starts: about 60 bytes back, after a space when there is one.
    private func snippetStart(before offset: Int) -> Int {
        guard offset > 60 else { return 0 }
        var start = snap(offset - 60)
        let limit = offset - 20
        var probe = start
        while probe < limit {
            if utf8[probe] == 0x20 || utf8[probe] == 0x0A {
                start = probe + 1
                break
            }
            probe += 1
        }
        return start
    }

    /// Where a context snippet after `offset` ends: about 60 bytes on, before a space when there is one.
    private func snippetEnd(after offset: Int) -> Int {
        guard utf8.count - offset > 60 else { return utf8.count }
        var end = snap(offset + 60)
        var probe = end
        while probe > offset + 20 {
            if utf8[probe] == 0x20 || utf8[probe] == 0x0A {
                end = probe
                break
            }
            probe -= 1
        }
        return end
    }

    /// Text of `range` with each run of ASCII whitespace as one space (edges kept, so snippets join).
    private func flat(_ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        var inSpace = false
        for byte in utf8[range] {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                if !inSpace { bytes.append(0x20) }
                inSpace = true
            } else {
                bytes.append(byte)
                inSpace = false
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
