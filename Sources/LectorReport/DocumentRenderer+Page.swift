import LectorCore

extension DocumentRenderer {
    /// The document's HTML page, rendered with the `document` template.
    ///
    /// The lists (legend, summary, keyphrases, entities, metadata) arrive in the template as markup
    /// built and escaped here (`…HTML` keys, used with `{{{…}}}`): a page has dozens of list items and
    /// Mustache's per-item lookups cost more than the rest of the page; the template still decides
    /// where each part goes and how it looks.
    func page(templates: ReportTemplates, sightings: [EntitySighting]) -> [UInt8] {
        var labels: [String] = []
        var labelCounts: [String: Int] = [:]
        for entity in document.annotations(.entity) {
            if labelCounts[entity.label] == nil { labels.append(entity.label) }
            labelCounts[entity.label, default: 0] += 1
        }
        labels.sort()
        var classes: [String: String] = [:]
        for label in labels { classes[label] = LabelStyle.className(for: label) }

        var legend = HTMLBuffer(capacity: 512)
        for label in labels {
            legend.raw("<span class=\"e \(classes[label] ?? "")\">")
            legend.text(label)
            legend.raw(" <small>")
            legend.number(labelCounts[label] ?? 0)
            legend.raw("</small></span>\n")
        }

        var groups = HTMLBuffer(capacity: 2048)
        var byLabel: [String: [Int]] = [:]
        for (position, sighting) in sightings.enumerated() { byLabel[sighting.key.label, default: []].append(position) }
        for label in labels {
            guard let positions = byLabel[label] else { continue }
            let members = positions.sorted { lhs, rhs in
                let left = sightings[lhs]
                let right = sightings[rhs]
                return left.count != right.count ? left.count > right.count : left.key.name < right.key.name
            }.map { sightings[$0] }
            groups.raw("<div class=\"group\"><h3><span class=\"e \(classes[label] ?? "")\">")
            groups.text(label)
            groups.raw("</span></h3>\n<ul>")
            for member in members {
                groups.raw("<li><a href=\"../entities/\(member.href)\">")
                groups.text(member.key.name)
                groups.raw("</a> <span class=\"count\">×")
                groups.number(member.count)
                groups.raw("</span></li>")
            }
            groups.raw("</ul>\n</div>\n")
        }

        var summary = HTMLBuffer(capacity: 1024)
        for annotation in document.annotations(.summary) {
            summary.raw("<li>")
            if let index = sentenceIndex(of: annotation) {
                summary.raw("<a href=\"#s\(index)\">")
                summary.text(utf8, snapped(annotation.range))
                summary.raw("</a>")
            } else {
                summary.text(utf8, snapped(annotation.range))
            }
            summary.raw("</li>\n")
        }

        var keyphrases = HTMLBuffer(capacity: 512)
        // Strongest first (the layer keeps text order); equal scores stay in text order.
        let phrases = document.annotations(.keyphrase).enumerated().sorted { lhs, rhs in
            let left = lhs.element.score ?? 0
            let right = rhs.element.score ?? 0
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
        for phrase in phrases {
            keyphrases.raw("<li>")
            keyphrases.text(phrase.label.isEmpty ? text(phrase.range) : phrase.label)
            if let score = phrase.score {
                keyphrases.raw(" <small>")
                keyphrases.text(JSONWriter.format(score))
                keyphrases.raw("</small>")
            }
            keyphrases.raw("</li>")
        }

        var metadata = HTMLBuffer(capacity: 512)
        for key in document.metadata.keys.sorted() {
            metadata.raw("<dt>")
            metadata.text(key)
            metadata.raw("</dt><dd>")
            metadata.text(document.metadata[key] ?? "")
            metadata.raw("</dd>\n")
        }

        let diagnostics: [[String: Any]] = document.diagnostics.map {
            ["severity": $0.severity.rawValue, "origin": $0.origin, "message": $0.message]
        }
        let hasSummary = document.has(.summary) && !document.annotations(.summary).isEmpty
        let hasKeyphrases = document.has(.keyphrase) && !document.annotations(.keyphrase).isEmpty
        var context: [String: Any] = [
            "title": title,
            "id": document.id,
            "source": document.source,
            "format": document.format,
            "labelCSS": LabelStyle.css(for: labels),
            "hasLegend": !labels.isEmpty,
            "legendHTML": legend.string,
            "hasEntityGroups": !sightings.isEmpty,
            "entityGroupsHTML": groups.string,
            "hasSummary": hasSummary,
            "summaryHTML": summary.string,
            "hasKeyphrases": hasKeyphrases,
            "keyphrasesHTML": keyphrases.string,
            "metadataHTML": metadata.string,
            "diagnostics": diagnostics,
            "hasDiagnostics": !diagnostics.isEmpty,
            "sentenceCount": sentences.count,
            "entityCount": document.annotations(.entity).count,
            "characterCount": offsets.scalarCount,
            "textHTML": textHTML(),
        ]
        if let date = PublicationDate(metadata: document.metadata) { context["date"] = date.iso }
        if let language = document.metadata["lang"] { context["lang"] = language }
        // Web documents (WARC records, JSON Lines with a URL) link to where they were fetched from;
        // only http(s) URLs, so a `javascript:` or `file:` source is shown but never linked.
        let lowered = document.source.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") { context["sourceLink"] = document.source }
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
            if isGap && utf8[block.range].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                continue
            }
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
        let mark = marks[index]
        let linked = mark.href != nil
        html.raw(linked ? "<a class=\"e " : "<mark class=\"e ")
        html.raw(mark.className)
        html.raw("\"")
        if first {
            html.raw(" id=\"m")
            html.number(index)
            html.raw("\"")
        }
        if let href = mark.href {
            html.raw(" href=\"../entities/")
            html.raw(href)
            html.raw("\"")
        }
        html.raw(" title=\"")
        html.text(entity.label)
        if mark.name != mark.text {
            html.raw(": ")
            html.text(mark.name)
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
