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
                let page = Self.entityPage(id, index: index, documents: documents, templates: templates, scratch: &scratch)
                do {
                    try FileSink.write(page, to: folder.appendingPathComponent("\(index.entries[id].key.stem).html"))
                } catch {
                    errors.record(error)
                    return
                }
                id += slices
            }
        }
        if let error = errors.first { throw error }
    }

    private static func entityPage(
        _ id: Int, index: EntityIndex, documents: [WrittenDocument], templates: ReportTemplates, scratch: inout [Int32]
    ) -> [UInt8] {
        let entry = index.entries[id]
        let samples: [[String: Any]] = entry.samples.map { sample in
            let document = documents[Int(sample.document)]
            return [
                "before": sample.before, "mention": sample.mention, "after": sample.after,
                "href": "../documents/\(document.stem).html#\(sample.anchor)", "title": document.title,
            ]
        }
        let order = entry.documents.indices.sorted { lhs, rhs in
            entry.counts[lhs] != entry.counts[rhs] ? entry.counts[lhs] > entry.counts[rhs] : lhs < rhs
        }
        let listed: [[String: Any]] = order.prefix(documentsShown).map { position in
            let document = documents[Int(entry.documents[position])]
            return ["title": document.title, "href": "../documents/\(document.stem).html", "count": Int(entry.counts[position])]
        }
        let cooccurring: [[String: Any]] = index.cooccurring(with: id, limit: cooccurringShown, scratch: &scratch).map {
            let other = index.entries[$0.id]
            return [
                "name": other.key.name, "label": other.key.label, "className": LabelStyle.className(for: other.key.label),
                "href": "\(other.key.stem).html", "documents": $0.documents == 1 ? "1 doc" : "\($0.documents) docs",
            ]
        }
        let context: [String: Any] = [
            "name": entry.key.name,
            "label": entry.key.label,
            "className": LabelStyle.className(for: entry.key.label),
            "labelCSS": LabelStyle.css(for: [entry.key.label] + cooccurring.compactMap { $0["label"] as? String }),
            "mentionCount": entry.mentions,
            "documentCount": entry.documents.count,
            "samples": samples,
            "documents": listed,
            "moreDocuments": max(0, entry.documents.count - listed.count),
            "hasMoreDocuments": entry.documents.count > listed.count,
            "cooccurring": cooccurring,
            "hasCooccurring": !cooccurring.isEmpty,
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
