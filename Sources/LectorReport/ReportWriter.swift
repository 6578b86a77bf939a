import Foundation
import LectorCore

/// Writes a report directory: data files (`documents.jsonl`, `errors.jsonl`, `entities.csv`,
/// `summaries.csv`, `run.json`, optional CoNLL and brat exports) and, when HTML is on, `index.html`,
/// one page per document under `documents/`, one page per canonical entity under `entities/`, and the
/// index's paged table data under `data/`.
///
/// Threading: `render` is pure and runs on the lanes; the writer itself is used from one thread (the
/// runner's consuming thread). It streams what it is given and keeps only small per-document rows.
///
/// Atomicity: everything is built in a hidden directory beside `directory`; `finish` swaps it into
/// place with one rename, so a killed or aborted run never leaves a half-written report, and an
/// existing report stays whole until the new one replaces it.
public final class ReportWriter {
    /// Failed documents listed on the index page (all of them are in `errors.jsonl`).
    static let failuresShown = 1000

    enum State {
        case open, finished, abandoned
    }

    let directory: URL
    let staging: URL
    let options: ReportOptions
    let run: RunInfo
    let templates: ReportTemplates?

    private let documentsFile: FileSink
    private let errorsFile: FileSink
    private let entitiesFile: FileSink
    private let summariesFile: FileSink
    private let conllFile: FileSink?

    var state = State.open
    /// Documents written so far (each has a row, and a page when HTML is on).
    var documentsWritten = 0
    /// Hashes of the page stems used so far (a few bytes per document, so memory stays flat).
    private var usedStems: Set<UInt64> = []
    var failures: [DocumentFailure] = []
    var failureCount = 0
    /// Entity sightings kept on disk until the entity pages are written (nil without HTML).
    var entitySpill: EntitySpill?
    var dates: [PublicationDate: Int] = [:]
    /// Documents of each story, for the Stories view (only documents that share a story).
    var stories: [String: [StoryDocument]] = [:]
    /// Documents that repeat an earlier one.
    var duplicateCount = 0
    var formats: Set<String> = []
    private var rowChunk = JSONWriter(capacity: 1 << 16)
    private var rowsInChunk = 0
    var chunkCount = 0

    // MARK: Rendering (lanes)

    /// Render one source's outcomes into bytes, on the lane that processed them. Pure and thread-safe.
    public static func render(_ outcomes: [DocumentOutcome], options: ReportOptions) -> RenderedSource {
        let templates = options.html ? try? ReportTemplates.load(options) : nil
        var items: [RenderedSource.Item] = []
        items.reserveCapacity(outcomes.count)
        for outcome in outcomes {
            switch outcome {
            case .failed(let failure):
                var json = JSONWriter()
                json.beginObject()
                json.field("id", failure.id)
                json.field("message", failure.message)
                json.field("source", failure.source)
                json.field("stage", failure.stage)
                json.endObject()
                items.append(.failure(RenderedFailure(failure: failure, jsonLine: json.bytes + [0x0A])))
            case .processed(let document):
                let renderer = DocumentRenderer(document, entityPageBuckets: options.entityPageBuckets)
                let sightings = options.html ? renderer.sightings() : []
                items.append(
                    .document(
                        RenderedDocument(
                            id: document.id,
                            stem: renderer.stem,
                            jsonLine: renderer.jsonLine(),
                            entityRows: renderer.entityRows(),
                            summaryRows: renderer.summaryRows(),
                            page: templates.map { renderer.page(templates: $0, sightings: sightings) },
                            conll: options.exportsCoNLL ? renderer.conll() : nil,
                            bratText: options.exportsBrat ? Array(document.text.utf8) : nil,
                            bratAnnotations: options.exportsBrat ? renderer.bratAnnotations() : nil,
                            row: renderer.indexRow(),
                            entities: sightings)))
            }
        }
        return RenderedSource(items: items)
    }

    // MARK: Writing (one thread)

    /// Start a report for `directory`. Builds in a hidden directory beside it; fails early when the
    /// templates do not load or when `directory` exists and is not a Lector report (so a mistyped
    /// `--report` never replaces someone's folder).
    public init(directory: URL, options: ReportOptions, run: RunInfo) throws {
        self.directory = directory.standardizedFileURL
        self.options = options
        self.run = run
        templates = options.html ? try ReportTemplates.load(options) : nil
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: self.directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ReportError.io("\(self.directory.path) exists and is not a directory")
            }
            let contents = (try? manager.contentsOfDirectory(atPath: self.directory.path)) ?? []
            guard contents.isEmpty || contents.contains("run.json") else {
                throw ReportError.io(
                    "\(self.directory.path) exists and is not a Lector report (no run.json); "
                        + "choose another --report directory"
                )
            }
        }
        let parent = self.directory.deletingLastPathComponent()
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let prefix = ".\(self.directory.lastPathComponent).lector-"
        staging = parent.appendingPathComponent(prefix + random)
        Self.removeAbandonedStaging(in: parent, prefix: prefix)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            try Data("\(getpid())\n".utf8).write(to: staging.appendingPathComponent(Self.ownerFile))
            if options.html {
                for folder in ["documents", "entities", "data"] {
                    try manager.createDirectory(
                        at: staging.appendingPathComponent(folder), withIntermediateDirectories: false)
                }
            }
            if options.exportsBrat {
                try manager.createDirectory(
                    at: staging.appendingPathComponent("brat"), withIntermediateDirectories: false)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw ReportError.io("cannot create \(staging.path): \(error.localizedDescription)")
        }
        do {
            documentsFile = try FileSink(staging.appendingPathComponent("documents.jsonl"))
            errorsFile = try FileSink(staging.appendingPathComponent("errors.jsonl"))
            entitiesFile = try FileSink(
                staging.appendingPathComponent("entities.csv"),
                header: CSVBuffer.header(["document", "start", "end", "label", "text", "canonical", "entity_id"]))
            summariesFile = try FileSink(
                staging.appendingPathComponent("summaries.csv"),
                header: CSVBuffer.header(["document", "rank", "sentence", "start", "end", "score", "text"]))
            conllFile = options.exportsCoNLL ? try FileSink(staging.appendingPathComponent("tokens.conll")) : nil
            if templates != nil {
                entitySpill = try EntitySpill(
                    folder: staging.appendingPathComponent(".entity-spill"), pages: options.entityPageBuckets)
            }
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }

    /// The file in a staging directory naming the process that writes it.
    static let ownerFile = ".owner"

    /// Remove staging directories of this report left by runs that were killed (their owner process
    /// is gone). A directory whose owner is alive, or that has no owner file, is left alone.
    static func removeAbandonedStaging(in parent: URL, prefix: String) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let folder = parent.appendingPathComponent(name)
            guard let owner = try? String(contentsOf: folder.appendingPathComponent(ownerFile), encoding: .utf8),
                let pid = Int32(owner.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0
            else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH { try? manager.removeItem(at: folder) }
        }
    }

    deinit {
        if state == .open { try? FileManager.default.removeItem(at: staging) }
    }

    /// Write one rendered source (in input order).
    public func write(_ rendered: RenderedSource) throws {
        guard state == .open else { throw ReportError.misuse("write after finish or abandon") }
        for item in rendered.items {
            switch item {
            case .failure(let failure):
                try errorsFile.write(failure.jsonLine)
                if failures.count < Self.failuresShown { failures.append(failure.failure) }
                failureCount += 1
            case .document(let document):
                try write(document)
            }
        }
    }

    private func write(_ document: RenderedDocument) throws {
        var stem = document.stem
        if usedStems.contains(FileNaming.hash(stem)) {
            var suffix = 2
            while usedStems.contains(FileNaming.hash("\(document.stem)-\(suffix)")) { suffix += 1 }
            stem = "\(document.stem)-\(suffix)"
        }
        usedStems.insert(FileNaming.hash(stem))
        let index = documentsWritten
        documentsWritten += 1
        try documentsFile.write(document.jsonLine)
        try entitiesFile.write(document.entityRows)
        try summariesFile.write(document.summaryRows)
        if let conll = document.conll { try conllFile?.write(conll) }
        if let text = document.bratText, let annotations = document.bratAnnotations {
            try FileSink.write(text, to: staging.appendingPathComponent("brat/\(stem).txt"))
            try FileSink.write(annotations, to: staging.appendingPathComponent("brat/\(stem).ann"))
        }
        guard options.html else { return }
        if let page = document.page {
            try FileSink.write(page, to: staging.appendingPathComponent("documents/\(stem).html"))
        }
        try entitySpill?.add(document: index, stem: stem, title: document.row.title, sightings: document.entities)
        if let date = document.row.date { dates[date, default: 0] += 1 }
        if document.row.duplicateOf != nil { duplicateCount += 1 }
        if let story = document.row.story {
            stories[story, default: []].append(StoryDocument(document, stem: stem))
        }
        formats.insert(document.row.format)
        appendRow(document, stem: stem)
        if rowsInChunk >= max(1, options.rowsPerDataFile) { try flushRows() }
    }

    /// Add a row of the index table: `[page, title, date, source, format, entities, lead, id]`.
    private func appendRow(_ document: RenderedDocument, stem: String) {
        if rowsInChunk == 0 {
            rowChunk = JSONWriter(capacity: 1 << 16)
            rowChunk.beginArray()
        }
        rowChunk.beginArray()
        rowChunk.value(stem)
        rowChunk.value(document.row.title)
        rowChunk.value(document.row.date?.iso ?? "")
        rowChunk.value(document.row.source)
        rowChunk.value(document.row.format)
        rowChunk.value(document.row.entityCount)
        rowChunk.value(document.row.lead)
        rowChunk.value(document.id)
        rowChunk.endArray()
        rowsInChunk += 1
    }

    private func flushRows() throws {
        guard rowsInChunk > 0 else { return }
        rowChunk.endArray()
        var bytes = Array("lectorRows(\(chunkCount),".utf8)
        bytes.append(contentsOf: rowChunk.bytes)
        bytes.append(contentsOf: Array(");\n".utf8))
        try FileSink.write(bytes, to: staging.appendingPathComponent("data/\(Self.dataFileName(chunkCount))"))
        chunkCount += 1
        rowsInChunk = 0
    }

    static func dataFileName(_ chunk: Int) -> String {
        let digits = String(chunk)
        return "rows-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits + ".js"
    }

    /// Write the index, entity pages and `run.json`, then put the report in place of `directory`.
    public func finish(statistics: RunStatistics) throws {
        guard state == .open else { throw ReportError.misuse("finish called twice or after abandon") }
        do {
            try documentsFile.finishFile()
            try errorsFile.finishFile()
            try entitiesFile.finishFile()
            try summariesFile.finishFile()
            try conllFile?.finishFile()
            if options.html, let templates {
                // One stylesheet for every page (a relative file, so it works from file:// too).
                try FileSink.write(
                    Array(templates.render("style", [:]).utf8), to: staging.appendingPathComponent("style.css"))
                try flushRows()
                let tallies = try writeEntityPages()
                try writeIndex(statistics: statistics, entityTallies: tallies)
            }
            try FileSink.write(runJSON(statistics: statistics), to: staging.appendingPathComponent("run.json"))
            try? FileManager.default.removeItem(at: staging.appendingPathComponent(Self.ownerFile))
            try replaceDirectory()
            state = .finished
        } catch {
            abandon()
            throw error
        }
    }

    /// The hidden folder the report is built in (removed with it when a run is abandoned or killed):
    /// a place for a run's temporary files, which must be gone before `finish`.
    public var workingDirectory: URL { staging }

    /// Remove the half-built report; `directory` is left as it was. Safe to call more than once.
    public func abandon() {
        guard state == .open else { return }
        state = .abandoned
        try? FileManager.default.removeItem(at: staging)
    }

    /// Swap the staging directory into place: one atomic exchange where the system has it, else two
    /// renames (the old report is moved aside first and removed last).
    private func replaceDirectory() throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: directory.path) else {
            guard rename(staging.path, directory.path) == 0 else {
                throw ReportError.io(
                    "cannot move the report into \(directory.path): \(String(cString: strerror(errno)))")
            }
            return
        }
        if DirectorySwap.exchange(staging.path, directory.path) {
            // `staging` now holds the old report.
            try? manager.removeItem(at: staging)
            return
        }
        let aside = staging.path + ".old"
        guard rename(directory.path, aside) == 0 else {
            throw ReportError.io("cannot move the old report aside: \(String(cString: strerror(errno)))")
        }
        guard rename(staging.path, directory.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(aside, directory.path)
            throw ReportError.io("cannot move the report into \(directory.path): \(reason)")
        }
        try? manager.removeItem(atPath: aside)
    }
}
