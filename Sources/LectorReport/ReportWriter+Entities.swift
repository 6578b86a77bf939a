import Dispatch
import Foundation

extension ReportWriter {
    /// Documents listed on an entity page (most mentions first); the page says how many more.
    static let documentsShown = 200
    /// Co-occurring entities listed on an entity page.
    static let cooccurringShown = 15

    /// Entity pages: one file per bucket (`EntityKey.page`), one section per canonical entity in it,
    /// sections sorted by label and name. Pages are independent and rendered in parallel.
    func writeEntityPages() throws {
        guard let templates else { return }
        let index = entityIndex
        let documents = written
        let folder = staging.appendingPathComponent("entities")
        guard !index.entries.isEmpty else { return }
        var members: [String: [Int]] = [:]
        for id in index.entries.indices { members[index.entries[id].page, default: []].append(id) }
        let pages = members.keys.sorted().map { page in
            (page, members[page, default: []].sorted { lhs, rhs in
                let left = index.entries[lhs].key
                let right = index.entries[rhs].key
                return left.label != right.label ? left.label < right.label : left.name < right.name
            })
        }
        let slices = min(pages.count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        let errors = ErrorSlot()
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var scratch = [Int32](repeating: 0, count: index.entries.count)
            var position = slice
            while position < pages.count {
                let (page, ids) = pages[position]
                let markup = Self.entityPage(ids, index: index, documents: documents, templates: templates, scratch: &scratch)
                do {
                    try FileSink.write(markup, to: folder.appendingPathComponent("\(page).html"))
                } catch {
                    errors.record(error)
                    return
                }
                position += slices
            }
        }
        if let error = errors.first { throw error }
    }

    /// An entity page holding the sections of `ids`. The sections arrive in the template as markup built
    /// and escaped here (`entitiesHTML`): a corpus holds hundreds of thousands of entities, and
    /// Mustache's per-item lookups would cost more than the rest of the report.
    private static func entityPage(
        _ ids: [Int], index: EntityIndex, documents: [WrittenDocument], templates: ReportTemplates, scratch: inout [Int32]
    ) -> [UInt8] {
        var labels: [String: String] = [:]
        var html = HTMLBuffer(capacity: 4096 * ids.count)
        for id in ids {
            appendSection(id, index: index, documents: documents, classes: &labels, scratch: &scratch, to: &html)
        }
        let names = ids.prefix(3).map { index.entries[$0].key.name }.joined(separator: ", ")
        let context: [String: Any] = [
            "title": ids.count > 3 ? "\(names), …" : names,
            "entitiesHTML": html.string,
            "entityCount": ReportWriter.count(ids.count, "entity", "entities"),
            "labelCSS": LabelStyle.css(for: labels.keys.sorted()),
        ]
        return Array(templates.render("entity", context).utf8)
    }

    /// One entity's section: name and label, sample mentions in context, its documents, and the
    /// entities it shares documents with (for an entity of one document, that document's page says it).
    private static func appendSection(
        _ id: Int, index: EntityIndex, documents: [WrittenDocument], classes: inout [String: String],
        scratch: inout [Int32], to html: inout HTMLBuffer
    ) {
        func classOf(_ label: String) -> String {
            if let known = classes[label] { return known }
            let name = LabelStyle.className(for: label)
            classes[label] = name
            return name
        }
        let entry = index.entries[id]
        let className = classOf(entry.key.label)
        html.raw("<article class=\"entity\" id=\"")
        html.raw(entry.anchor)
        html.raw("\">\n<h1>")
        html.text(entry.key.name)
        html.raw(" <span class=\"e \(className)\">")
        html.text(entry.key.label)
        html.raw("</span></h1>\n<p class=\"sub\">")
        html.raw(entry.mentions == 1 ? "1 mention" : "\(ReportWriter.count(entry.mentions)) mentions")
        html.raw(entry.documents.count == 1 ? " in 1 document" : " in \(ReportWriter.count(entry.documents.count)) documents")
        html.raw("</p>\n<div class=\"layout\">\n<div>\n<section class=\"card mentions\">\n<h2>Mentions</h2>\n")
        for sample in entry.samples {
            let document = documents[Int(sample.document)]
            html.raw("<p class=\"snippet\">")
            html.text(sample.before)
            html.raw("<a class=\"e \(className)\" href=\"../documents/\(document.stem).html#\(sample.anchor)\">")
            html.text(sample.mention)
            html.raw("</a>")
            html.text(sample.after)
            html.raw(" <span class=\"count\">— ")
            html.text(document.title)
            html.raw("</span></p>\n")
        }
        html.raw("</section>\n<section class=\"card documents\">\n<h2>Documents</h2>\n<ul>\n")
        let order = entry.documents.indices.sorted { lhs, rhs in
            entry.counts[lhs] != entry.counts[rhs] ? entry.counts[lhs] > entry.counts[rhs] : lhs < rhs
        }
        for position in order.prefix(documentsShown) {
            let document = documents[Int(entry.documents[position])]
            html.raw("<li><a href=\"../documents/\(document.stem).html\">")
            html.text(document.title)
            html.raw("</a> <span class=\"count\">×")
            html.number(Int(entry.counts[position]))
            html.raw("</span></li>\n")
        }
        html.raw("</ul>\n")
        if order.count > documentsShown {
            html.raw("<p class=\"note\">… and \(ReportWriter.count(order.count - documentsShown)) more documents.</p>\n")
        }
        html.raw("</section>\n</div>\n<div>\n<section class=\"card cooccurring\">\n<h2>Appears with</h2>\n")
        if entry.documents.count == 1, let only = entry.documents.first {
            let document = documents[Int(only)]
            html.raw("<p class=\"note\">Only in <a href=\"../documents/\(document.stem).html#entities\">")
            html.text(document.title)
            html.raw("</a>: its page lists the entities beside this one.</p>\n")
        } else {
            let others = index.cooccurring(with: id, limit: cooccurringShown, scratch: &scratch)
            if others.isEmpty {
                html.raw("<p class=\"note\">No other entity shares a document with this one.</p>\n")
            } else {
                html.raw("<ul class=\"chips\">\n")
                for (otherID, shared) in others {
                    let other = index.entries[otherID]
                    html.raw("<li><a class=\"e ")
                    html.raw(classOf(other.key.label))
                    html.raw("\" href=\"")
                    html.raw(other.href)
                    html.raw("\">")
                    html.text(other.key.name)
                    html.raw("</a> <small>\(shared == 1 ? "1 doc" : "\(ReportWriter.count(shared)) docs")</small></li>\n")
                }
                html.raw("</ul>\n")
            }
        }
        html.raw("</section>\n</div>\n</div>\n</article>\n")
    }
}

/// The first error thrown on any thread of a parallel loop.
///
/// `@unchecked Sendable`: `error` is read and written only while `lock` is held.
final class ErrorSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?

    func record(_ error: any Error) {
        lock.lock()
        if self.error == nil { self.error = error }
        lock.unlock()
    }

    var first: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return error
    }
}
