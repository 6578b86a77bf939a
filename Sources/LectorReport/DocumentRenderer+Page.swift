import LectorCore

extension DocumentRenderer {
    /// The document's HTML page, rendered with the `document` template.
    func page(templates: ReportTemplates) -> [UInt8] {
        var labels: [String] = []
        var labelCounts: [String: Int] = [:]
        for entity in document.annotations(.entity) {
            if labelCounts[entity.label] == nil { labels.append(entity.label) }
            labelCounts[entity.label, default: 0] += 1
        }
        labels.sort()
        let legend: [[String: Any]] = labels.map { label in
            ["label": label, "className": LabelStyle.className(for: label), "count": labelCounts[label] ?? 0]
        }

        var groups: [[String: Any]] = []
        let sightings = sightings()
        for label in labels {
            let members = sightings.filter { $0.key.label == label }.sorted {
                $0.count != $1.count ? $0.count > $1.count : $0.key.name < $1.key.name
            }
            if members.isEmpty { continue }
            let items: [[String: Any]] = members.map {
                ["name": $0.key.name, "href": "../entities/\($0.key.stem).html", "count": $0.count]
            }
            groups.append(["label": label, "className": LabelStyle.className(for: label), "entities": items])
        }

        let summary: [[String: Any]] = document.annotations(.summary).map { annotation in
            var item: [String: Any] = ["text": text(annotation.range)]
            if let index = sentenceIndex(of: annotation) { item["anchor"] = "s\(index)" }
            if let score = annotation.score { item["score"] = JSONWriter.format(score) }
            return item
        }
        let keyphrases: [[String: Any]] = document.annotations(.keyphrase).map { phrase in
            var item: [String: Any] = ["text": phrase.label.isEmpty ? text(phrase.range) : phrase.label]
            if let score = phrase.score { item["score"] = JSONWriter.format(score) }
            return item
        }
        let metadata: [[String: Any]] = document.metadata.keys.sorted().map { ["key": $0, "value": document.metadata[$0] ?? ""] }
        let diagnostics: [[String: Any]] = document.diagnostics.map {
            ["severity": $0.severity.rawValue, "origin": $0.origin, "message": $0.message]
        }

        var context: [String: Any] = [
            "title": title,
            "id": document.id,
            "source": document.source,
            "format": document.format,
            "labelCSS": LabelStyle.css(for: labels),
            "legend": legend,
            "hasLegend": !legend.isEmpty,
            "entityGroups": groups,
            "hasEntityGroups": !groups.isEmpty,
            "summary": summary,
            "hasSummary": !summary.isEmpty,
            "keyphrases": keyphrases,
            "hasKeyphrases": !keyphrases.isEmpty,
            "metadata": metadata,
            "hasMetadata": !metadata.isEmpty,
            "diagnostics": diagnostics,
            "hasDiagnostics": !diagnostics.isEmpty,
            "sentenceCount": sentences.count,
            "entityCount": document.annotations(.entity).count,
            "characterCount": offsets.scalarCount,
            "textHTML": textHTML(),
        ]
        if let date = PublicationDate(metadata: document.metadata) { context["date"] = date.iso }
        if let language = document.metadata["lang"] { context["lang"] = language }
        return Array(templates.render("document", context).utf8)
    }

    /// The text as blocks (paragraphs, or the whole text), sentences as hoverable spans, entities as
    /// coloured marks linking to their pages. Nesting is always well formed: sentences are clipped to
    /// blocks and entities to sentences (a mention that crosses a boundary is drawn in pieces).
    func textHTML() -> String {
        var html = HTMLBuffer(capacity: utf8.count * 3 / 2 + 256)
        var blocks: [(range: Range<Int>, label: String)] = []
        var covered = 0
        for paragraph in document.annotations(.paragraph) {
            let range = snapped(paragraph.range)
            let start = max(range.lowerBound, covered)
            if start >= range.upperBound { continue }
            if start > covered { blocks.append((covered..<start, "")) }
            blocks.append((start..<range.upperBound, paragraph.label))
            covered = range.upperBound
        }
        if covered < utf8.count { blocks.append((covered..<utf8.count, "")) }

        var cursor = InlineCursor()
        var sentenceIndex = 0
        for block in blocks {
            let isGap = block.label.isEmpty && !document.annotations(.paragraph).isEmpty
            if isGap && utf8[block.range].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { continue }
            let heading = block.label.lowercased().hasPrefix("h") && block.label.count <= 8
            html.raw(heading ? "<p class=\"block heading\">" : "<p class=\"block\">")
            var position = block.range.lowerBound
            while sentenceIndex < sentences.count {
                let sentence = snapped(sentences[sentenceIndex].range)
                if sentence.lowerBound >= block.range.upperBound { break }
                let start = max(sentence.lowerBound, position)
                let end = min(sentence.upperBound, block.range.upperBound)
                if start < end {
                    inline(position..<start, into: &html, cursor: &cursor)
                    html.raw("<span class=\"s\"")
                    if start == sentence.lowerBound { html.raw(" id=\"s\(sentenceIndex)\"") }
                    html.raw(" title=\"Sentence \(sentenceIndex + 1)\">")
                    inline(start..<end, into: &html, cursor: &cursor)
                    html.raw("</span>")
                    position = end
                }
                if sentence.upperBound > block.range.upperBound { break }
                sentenceIndex += 1
            }
            inline(position..<block.range.upperBound, into: &html, cursor: &cursor)
            html.raw("</p>\n")
        }
        return html.string
    }

    /// Where the entity walk is: the next entity to draw and how much of it is drawn.
    struct InlineCursor {
        var entity = 0
    }

    /// Text of `range` with the entities inside it marked.
    private func inline(_ range: Range<Int>, into html: inout HTMLBuffer, cursor: inout InlineCursor) {
        var position = range.lowerBound
        while cursor.entity < entities.count {
            let entity = entities[cursor.entity]
            let span = snapped(entity.range)
            if span.upperBound <= position {
                cursor.entity += 1
                continue
            }
            if span.lowerBound >= range.upperBound { break }
            let start = max(span.lowerBound, position)
            let end = min(span.upperBound, range.upperBound)
            if position < start { html.text(utf8, position..<start) }
            mark(entity, index: cursor.entity, piece: start..<end, first: start == span.lowerBound, into: &html)
            position = end
            if span.upperBound <= range.upperBound { cursor.entity += 1 } else { break }
        }
        if position < range.upperBound { html.text(utf8, position..<range.upperBound) }
    }

    private func mark(_ entity: Annotation, index: Int, piece: Range<Int>, first: Bool, into html: inout HTMLBuffer) {
        let name = canonicalName(entity)
        let linked = Self.hasPage(label: entity.label) && !name.isEmpty
        let className = LabelStyle.className(for: entity.label)
        if linked {
            html.raw("<a class=\"e \(className)\"")
            if first { html.raw(" id=\"m\(index)\"") }
            html.raw(" href=\"../entities/\(EntityKey(label: entity.label, name: name).stem).html\" title=\"")
        } else {
            html.raw("<mark class=\"e \(className)\"")
            if first { html.raw(" id=\"m\(index)\"") }
            html.raw(" title=\"")
        }
        html.text(entity.label)
        if name != text(entity.range) {
            html.raw(": ")
            html.text(name)
        }
        html.raw("\">")
        html.text(utf8, piece)
        if first {
            html.raw("<span class=\"l\">")
            html.text(entity.label)
            html.raw("</span>")
        }
        html.raw(linked ? "</a>" : "</mark>")
    }
}
