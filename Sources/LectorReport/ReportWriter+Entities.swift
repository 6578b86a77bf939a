import Dispatch
import Foundation

extension ReportWriter {
    /// Documents listed in an entity's section (most mentions first); the section says how many more.
    static let documentsShown = 200
    /// Co-occurring entities listed in an entity's section.
    static let cooccurringShown = 15
    /// Sample mentions in context shown per entity (its first documents').
    static let samplesShown = 5

    /// Entity pages, from the spill files: one file per bucket (`EntityKey.page`), one section per
    /// canonical entity in it, sections sorted by label and name. Spill files are independent and read
    /// in parallel, one at a time per lane. Returns the per-label tallies for the index's charts.
    func writeEntityPages() throws -> [String: EntityLabelTally] {
        guard let templates, let spill = entitySpill else { return [:] }
        try spill.flushAll()
        let files = spill.used.sorted().map(spill.url)
        let buckets = options.entityPageBuckets
        let folder = staging.appendingPathComponent("entities")
        let lanes = min(files.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        guard lanes > 0 else { return [:] }
        let errors = ErrorSlot()
        let tallies = TallySlot()
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            var local: [String: EntityLabelTally] = [:]
            var position = lane
            while position < files.count {
                do {
                    let bytes = try EntitySpill.contents(of: files[position])
                    let file = try EntitySpillFile(bytes: bytes, buckets: buckets)
                    try Self.writePages(of: file, to: folder, templates: templates, tallies: &local)
                } catch {
                    errors.record(error)
                    return
                }
                position += lanes
            }
            tallies.merge(local, limit: Self.topEntitiesShown)
        }
        if let error = errors.first { throw error }
        spill.remove()
        return tallies.value
    }

    private static func writePages(
        of file: EntitySpillFile, to folder: URL, templates: ReportTemplates, tallies: inout [String: EntityLabelTally]
    ) throws {
        var pages: [UInt64: [Int]] = [:]
        for id in file.entities.indices {
            let entity = file.entities[id]
            pages[entity.key.bucket, default: []].append(id)
            var tally = tallies[entity.key.label] ?? EntityLabelTally()
            tally.entities += 1
            tally.mentions += entity.mentions
            tally.offer(
                .init(key: entity.key, documents: entity.appearances.count, mentions: entity.mentions),
                limit: topEntitiesShown)
            tallies[entity.key.label] = tally
        }
        for bucket in pages.keys.sorted() {
            let ids = pages[bucket, default: []].sorted { lhs, rhs in
                let left = file.entities[lhs].key
                let right = file.entities[rhs].key
                return left.label != right.label ? left.label < right.label : left.name < right.name
            }
            let markup = entityPage(ids, file: file, templates: templates)
            try FileSink.write(markup, to: folder.appendingPathComponent("\(EntityKey.pageStem(bucket)).html"))
        }
    }

    /// An entity page holding the sections of `ids`. The sections arrive in the template as markup built
    /// and escaped here (`entitiesHTML`): a corpus holds hundreds of thousands of entities, and
    /// Mustache's per-item lookups would cost more than the rest of the report.
    private static func entityPage(_ ids: [Int], file: EntitySpillFile, templates: ReportTemplates) -> [UInt8] {
        var classes: [String: String] = [:]
        var html = HTMLBuffer(capacity: 4096 * ids.count)
        for id in ids { appendSection(id, file: file, classes: &classes, to: &html) }
        let names = ids.prefix(3).map { file.entities[$0].key.name }.joined(separator: ", ")
        // The template is rendered around a marker and the sections put in its place as bytes: a page
        // of a large corpus holds megabytes of sections, and passing them through the template engine
        // would copy them three times.
        let context: [String: Any] = [
            "title": ids.count > 3 ? "\(names), …" : names,
            "entitiesHTML": sectionsMarker,
            "entityCount": ReportWriter.count(ids.count, "entity", "entities"),
            "grouped": ids.count > 1,
            "labelCSS": LabelStyle.css(for: classes.keys.sorted()),
        ]
        let shell = Array(templates.render("entity", context).utf8)
        let marker = Array(sectionsMarker.utf8)
        guard let at = shell.firstRange(of: marker) else { return shell }
        var page = [UInt8]()
        page.reserveCapacity(shell.count + html.bytes.count)
        page.append(contentsOf: shell[..<at.lowerBound])
        page.append(contentsOf: html.bytes)
        page.append(contentsOf: shell[at.upperBound...])
        return page
    }

    /// Stands for the sections while the page's template is rendered (no document text can hold it:
    /// sections are escaped, and this contains characters that escaping replaces).
    private static let sectionsMarker = "\u{1}<lector-entity-sections>\u{1}"

    /// One entity's section: name and label, sample mentions in context, its documents, and the
    /// entities it shares documents with (for an entity of one document, that document's page says it).
    private static func appendSection(
        _ id: Int, file: EntitySpillFile, classes: inout [String: String], to html: inout HTMLBuffer
    ) {
        func classOf(_ label: String) -> String {
            if let known = classes[label] { return known }
            let name = LabelStyle.className(for: label)
            classes[label] = name
            return name
        }
        let entity = file.entities[id]
        let reader = file.reader
        // Most entities have one document: its record serves the sample, the list and the note, so the
        // last record read is kept rather than parsed again.
        var lastRecord: (offset: Int32, record: EntitySpillFile.Record)?
        func record(_ appearance: EntitySpillFile.Appearance) -> EntitySpillFile.Record? {
            if let lastRecord, lastRecord.offset == appearance.record { return lastRecord.record }
            guard let parsed = file.record(at: appearance.record) else { return nil }
            lastRecord = (appearance.record, parsed)
            return parsed
        }
        let className = classOf(entity.key.label)
        let documentCount = entity.appearances.count
        html.raw("<article class=\"entity\" id=\"")
        html.raw(entity.key.anchor)
        html.raw("\">\n<h1>")
        html.text(entity.key.name)
        html.raw(" <span class=\"e \(className)\">")
        html.text(entity.key.label)
        html.raw("</span></h1>\n<p class=\"sub\">")
        html.raw(entity.mentions == 1 ? "1 mention" : "\(ReportWriter.count(entity.mentions)) mentions")
        html.raw(documentCount == 1 ? " in 1 document" : " in \(ReportWriter.count(documentCount)) documents")
        html.raw("</p>\n<div class=\"layout\">\n<div>\n<section class=\"card mentions\">\n<h2>Mentions</h2>\n")
        for appearance in entity.appearances.prefix(samplesShown) {
            guard let record = record(appearance) else { continue }
            html.raw("<p class=\"snippet\">")
            html.text(reader.bytes, record.before)
            html.raw("<a class=\"e \(className)\" href=\"../documents/")
            html.text(reader.bytes, record.stem)
            html.raw(".html#")
            html.text(reader.bytes, record.anchor)
            html.raw("\">")
            html.text(reader.bytes, record.mention)
            html.raw("</a>")
            html.text(reader.bytes, record.after)
            html.raw(" <span class=\"count\">— ")
            html.text(reader.bytes, record.title)
            html.raw("</span></p>\n")
        }
        html.raw("</section>\n<section class=\"card documents\">\n<h2>Documents</h2>\n<ul>\n")
        let order = entity.appearances.indices.sorted { lhs, rhs in
            let left = entity.appearances[lhs].count
            let right = entity.appearances[rhs].count
            return left != right ? left > right : lhs < rhs
        }
        for position in order.prefix(documentsShown) {
            let appearance = entity.appearances[position]
            guard let record = record(appearance) else { continue }
            html.raw("<li><a href=\"../documents/")
            html.text(reader.bytes, record.stem)
            html.raw(".html\">")
            html.text(reader.bytes, record.title)
            html.raw("</a> <span class=\"count\">×")
            html.number(Int(appearance.count))
            html.raw("</span></li>\n")
        }
        html.raw("</ul>\n")
        if order.count > documentsShown {
            html.raw("<p class=\"note\">… and \(ReportWriter.count(order.count - documentsShown)) more documents.</p>\n")
        }
        html.raw("</section>\n</div>\n<div>\n<section class=\"card cooccurring\">\n<h2>Appears with</h2>\n")
        if documentCount == 1, let only = entity.appearances.first, let record = record(only) {
            html.raw("<p class=\"note\">Only in <a href=\"../documents/")
            html.text(reader.bytes, record.stem)
            html.raw(".html#entities\">")
            html.text(reader.bytes, record.title)
            html.raw("</a>: its page lists the entities beside this one.</p>\n")
        } else {
            let others = file.companions(of: id, limit: cooccurringShown)
            if others.isEmpty {
                html.raw("<p class=\"note\">No other entity shares a document with this one.</p>\n")
            } else {
                html.raw("<ul class=\"chips\">\n")
                for (other, shared) in others {
                    html.raw("<li><a class=\"e ")
                    html.raw(classOf(other.label))
                    html.raw("\" href=\"")
                    html.raw(other.href)
                    html.raw("\">")
                    html.text(other.name)
                    html.raw("</a> <small>\(shared == 1 ? "1 doc" : "\(ReportWriter.count(shared)) docs")</small></li>\n")
                }
                html.raw("</ul>\n")
            }
        }
        html.raw("</section>\n</div>\n</div>\n</article>\n")
    }
}

/// Per-label tallies merged from parallel lanes.
///
/// `@unchecked Sendable`: `tallies` is read and written only while `lock` is held.
final class TallySlot: @unchecked Sendable {
    private let lock = NSLock()
    private var tallies: [String: EntityLabelTally] = [:]

    func merge(_ other: [String: EntityLabelTally], limit: Int) {
        lock.lock()
        for (label, tally) in other { tallies[label, default: EntityLabelTally()].merge(tally, limit: limit) }
        lock.unlock()
    }

    var value: [String: EntityLabelTally] {
        lock.lock()
        defer { lock.unlock() }
        return tallies
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
