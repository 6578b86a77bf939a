import Dispatch
import Foundation

extension ReportWriter {
    /// Documents listed on an entity page (most mentions first); the page says how many more.
    static let documentsShown = 200
    /// Co-occurring entities listed on an entity page.
    static let cooccurringShown = 15

    /// One page per canonical entity, rendered in parallel (pages are independent).
    func writeEntityPages() throws {
        guard let templates else { return }
        let index = entityIndex
        let documents = written
        let folder = staging.appendingPathComponent("entities")
        let count = index.entries.count
        guard count > 0 else { return }
        let slices = min(count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        let errors = ErrorSlot()
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            var scratch = [Int32](repeating: 0, count: count)
            var id = slice
            while id < count {
                let page = Self.entityPage(
                    id, index: index, documents: documents, templates: templates, scratch: &scratch)
                do {
                    try FileSink.write(page, to: folder.appendingPathComponent("\(index.entries[id].stem).html"))
                } catch {
                    errors.record(error)
                    return
                }
                id += slices
            }
        }
        if let error = errors.first { throw error }
    }

    /// An entity page. Lists arrive in the template as markup escaped here (`…HTML` keys), as on
    /// document pages: they are most of the page and Mustache's per-item lookups are its cost.
    private static func entityPage(
        _ id: Int, index: EntityIndex, documents: [WrittenDocument], templates: ReportTemplates, scratch: inout [Int32]
    ) -> [UInt8] {
        let entry = index.entries[id]
        let className = LabelStyle.className(for: entry.key.label)
        var samples = HTMLBuffer(capacity: 1024)
        for sample in entry.samples {
            let document = documents[Int(sample.document)]
            samples.raw("<p class=\"snippet\">")
            samples.text(sample.before)
            samples.raw("<a class=\"e \(className)\" href=\"../documents/\(document.stem).html#\(sample.anchor)\">")
            samples.text(sample.mention)
            samples.raw("</a>")
            samples.text(sample.after)
            samples.raw(" <span class=\"count\">— ")
            samples.text(document.title)
            samples.raw("</span></p>\n")
        }
        let order = entry.documents.indices.sorted { lhs, rhs in
            entry.counts[lhs] != entry.counts[rhs] ? entry.counts[lhs] > entry.counts[rhs] : lhs < rhs
        }
        var listed = HTMLBuffer(capacity: 1024)
        for position in order.prefix(documentsShown) {
            let document = documents[Int(entry.documents[position])]
            listed.raw("<li><a href=\"../documents/\(document.stem).html\">")
            listed.text(document.title)
            listed.raw("</a> <span class=\"count\">×")
            listed.number(Int(entry.counts[position]))
            listed.raw("</span></li>\n")
        }
        var labels = [entry.key.label]
        var cooccurring = HTMLBuffer(capacity: 1024)
        let others = index.cooccurring(with: id, limit: cooccurringShown, scratch: &scratch)
        for (otherID, shared) in others {
            let other = index.entries[otherID]
            if !labels.contains(other.key.label) { labels.append(other.key.label) }
            cooccurring.raw(
                "<li><a class=\"e \(LabelStyle.className(for: other.key.label))\" href=\"\(other.stem).html\">")
            cooccurring.text(other.key.name)
            cooccurring.raw(
                "</a> <small>\(shared == 1 ? "1 doc" : "\(ReportWriter.count(shared)) docs")</small></li>\n")
        }
        let shown = min(order.count, documentsShown)
        let context: [String: Any] = [
            "name": entry.key.name,
            "label": entry.key.label,
            "className": className,
            "labelCSS": LabelStyle.css(for: labels),
            "mentionCount": ReportWriter.count(entry.mentions),
            "documentCount": ReportWriter.count(entry.documents.count),
            "samplesHTML": samples.string,
            "documentsHTML": listed.string,
            "moreDocuments": ReportWriter.count(entry.documents.count - shown),
            "hasMoreDocuments": entry.documents.count > shown,
            "cooccurringHTML": cooccurring.string,
            "hasCooccurring": !others.isEmpty,
        ]
        return Array(templates.render("entity", context).utf8)
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
