import Foundation

/// What the Stories view keeps of one document of a story (a few hundred bytes).
struct StoryDocument: Sendable {
    var stem: String
    var title: String
    var date: PublicationDate?
    var lead: String
    var duplicateOf: String?
    /// The document's most mentioned named entities (at most `entitiesKept`).
    var entities: [(key: EntityKey, href: String, count: Int)]

    static let entitiesKept = 8

    init(_ document: RenderedDocument, stem: String) {
        self.stem = stem
        title = document.row.title
        date = document.row.date
        lead = document.row.lead
        duplicateOf = document.row.duplicateOf
        entities = document.entities.sorted { $0.count > $1.count }.prefix(Self.entitiesKept)
            .map { ($0.key, $0.href, $0.count) }
    }
}

extension ReportWriter {
    /// Stories listed in the view (largest first) and drawn on its timeline.
    static let storiesShown = 500
    static let storiesOnTimeline = 30
    /// Main entities named per story, and lead sentences in its summary paragraph.
    static let storyEntitiesShown = 6
    static let storySentences = 3

    /// The Stories view: a timeline of the largest stories and one article per story (its documents
    /// with dates, main entities, and a paragraph of its documents' lead sentences). nil without stories.
    func storiesView() -> (html: String, timeline: String)? {
        guard !stories.isEmpty else { return nil }
        let ordered = stories.map { (id: $0.key, documents: $0.value) }
            .sorted { $0.documents.count != $1.documents.count ? $0.documents.count > $1.documents.count : Self.storyOrder($0.id, $1.id) }
        var html = HTMLBuffer(capacity: 4096)
        for story in ordered.prefix(Self.storiesShown) { appendStory(story.id, story.documents, to: &html) }
        if ordered.count > Self.storiesShown {
            html.raw("<p class=\"note\">")
            html.text("\(Self.count(ordered.count - Self.storiesShown)) smaller stories are not listed; documents.jsonl names every document's story.")
            html.raw("</p>\n")
        }
        return (html.string, Self.storyTimeline(Array(ordered.prefix(Self.storiesOnTimeline))))
    }

    /// `S2` before `S10`.
    static func storyOrder(_ left: String, _ right: String) -> Bool {
        let a = Int(left.dropFirst()) ?? Int.max
        let b = Int(right.dropFirst()) ?? Int.max
        return a != b ? a < b : left < right
    }

    private func appendStory(_ id: String, _ documents: [StoryDocument], to html: inout HTMLBuffer) {
        let byDate = documents.enumerated().sorted { left, right in
            switch (left.element.date, right.element.date) {
            case let (a?, b?) where a != b: return a < b
            case (nil, _?): return false
            case (_?, nil): return true
            default: return left.offset < right.offset
            }
        }.map(\.element)
        let dated = byDate.compactMap(\.date)
        html.raw("<article class=\"story card\" id=\"story-")
        html.text(id)
        html.raw("\">\n<h3>")
        html.text(byDate.first?.title ?? id)
        html.raw(" <span class=\"count\">· ")
        html.text(id)
        html.raw("</span></h3>\n<p class=\"sub\">")
        var sub = Self.count(documents.count, "document", "documents")
        if let first = dated.first, let last = dated.last {
            sub += first == last ? " · \(first.iso)" : " · \(first.iso) to \(last.iso)"
        }
        html.text(sub)
        html.raw("</p>\n")
        var seen = Set<String>()
        // Duplicates repeat their original: their leads add nothing (and a copy's may be boilerplate).
        let sentences = byDate.filter { $0.duplicateOf == nil }.map(\.lead).filter { !$0.isEmpty && seen.insert($0).inserted }.prefix(Self.storySentences)
        if !sentences.isEmpty {
            html.raw("<p class=\"story-summary\">")
            html.text(sentences.joined(separator: " "))
            html.raw("</p>\n")
        }
        var tally: [EntityKey: (href: String, documents: Int, mentions: Int)] = [:]
        for document in documents {
            for entity in document.entities {
                let old = tally[entity.key] ?? (entity.href, 0, 0)
                tally[entity.key] = (old.href, old.documents + 1, old.mentions + entity.count)
            }
        }
        let main = tally.sorted {
            ($0.value.documents, $0.value.mentions) != ($1.value.documents, $1.value.mentions)
                ? ($0.value.documents, $0.value.mentions) > ($1.value.documents, $1.value.mentions)
                : ($0.key.label, $0.key.name) < ($1.key.label, $1.key.name)
        }.prefix(Self.storyEntitiesShown)
        if !main.isEmpty {
            html.raw("<p class=\"story-entities\">Main entities: ")
            for (position, entry) in main.enumerated() {
                if position > 0 { html.raw(", ") }
                html.raw("<a href=\"entities/")
                html.text(entry.value.href)
                html.raw("\">")
                html.text(entry.key.name)
                html.raw("</a>")
            }
            html.raw("</p>\n")
        }
        html.raw("<ol class=\"story-documents\">\n")
        for document in byDate {
            html.raw("<li><a href=\"documents/")
            html.text(document.stem)
            html.raw(".html\">")
            html.text(document.title)
            html.raw("</a>")
            if let date = document.date {
                html.raw(" <span class=\"date\">")
                html.text(date.iso)
                html.raw("</span>")
            }
            if let original = document.duplicateOf {
                html.raw(" <span class=\"note\">duplicate of ")
                html.text(original)
                html.raw("</span>")
            }
            html.raw("</li>\n")
        }
        html.raw("</ol>\n</article>\n")
    }

    /// An SVG timeline: one row per story, a line from its first to its last dated document and a dot
    /// per dated document. Empty when no story has a date.
    static func storyTimeline(_ stories: [(id: String, documents: [StoryDocument])]) -> String {
        let rows = stories.map { story in (story.id, story.documents.first?.title ?? story.id, story.documents.compactMap(\.date).map(dayNumber)) }
            .filter { !$0.2.isEmpty }
        guard let first = rows.flatMap(\.2).min(), let last = rows.flatMap(\.2).max() else { return "" }
        let labelWidth = 260.0
        let width = 760.0
        let rowHeight = 22.0
        let span = Double(max(1, last - first))
        func x(_ day: Int) -> Double { labelWidth + 10 + (width - labelWidth - 30) * Double(day - first) / span }
        func format(_ value: Double) -> String { String(format: "%.1f", value) }
        let height = rowHeight * Double(rows.count) + 30
        var svg = HTMLBuffer(capacity: 2048)
        svg.raw("<svg class=\"chart story-timeline\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"Story timeline\">\n")
        for (row, story) in rows.enumerated() {
            let y = rowHeight * Double(row) + 14
            let label = story.1.count > 40 ? String(story.1.prefix(39)) + "…" : story.1
            svg.raw("<a href=\"#story-")
            svg.text(story.0)
            svg.raw("\"><text x=\"0\" y=\"\(format(y + 4))\" font-size=\"12\">")
            svg.text("\(story.0) \(label)")
            svg.raw("</text></a>\n")
            let days = story.2
            svg.raw("<line x1=\"\(format(x(days.min()!)))\" x2=\"\(format(x(days.max()!)))\" y1=\"\(format(y))\" y2=\"\(format(y))\" stroke=\"#6b8fd6\" stroke-width=\"3\"/>\n")
            for day in Set(days).sorted() {
                svg.raw("<circle cx=\"\(format(x(day)))\" cy=\"\(format(y))\" r=\"4\" fill=\"#2f5fb3\"><title>")
                svg.text(dateLabel(day: day))
                svg.raw("</title></circle>\n")
            }
        }
        let axis = rowHeight * Double(rows.count) + 22
        svg.raw("<text x=\"\(format(x(first)))\" y=\"\(format(axis))\" font-size=\"11\">")
        svg.text(dateLabel(day: first))
        svg.raw("</text>\n<text x=\"\(format(x(last)))\" y=\"\(format(axis))\" font-size=\"11\" text-anchor=\"end\">")
        svg.text(dateLabel(day: last))
        svg.raw("</text>\n</svg>\n")
        return svg.string
    }
}
