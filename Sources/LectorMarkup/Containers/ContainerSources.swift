import Foundation
import LectorCompression
import LectorCore

/// Container files that hold many documents: web archives and JSON Lines, plain or gzipped.
public enum ContainerKind: Sendable, Equatable {
    case webArchive(gzipped: Bool)
    case jsonLines(gzipped: Bool)

    /// The kind of the file at `url`, from its name (`.warc`, `.arc`, `.jsonl`, `.ndjson`, each
    /// optionally `.gz`), or, for a name no reader claims, from its first bytes (a gzipped file that
    /// opens with `WARC/` or `filedesc://`). Nil for ordinary documents.
    public static func of(_ url: URL) -> ContainerKind? {
        var name = url.lastPathComponent.lowercased()
        var gzipped = false
        if name.hasSuffix(".gz") {
            gzipped = true
            name.removeLast(3)
        }
        if name.hasSuffix(".warc") || name.hasSuffix(".arc") { return .webArchive(gzipped: gzipped) }
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return .jsonLines(gzipped: gzipped) }
        let known = ["html", "htm", "xhtml", "shtml", "xml", "rss", "atom", "nitf", "rdf", "txt", "text", "md", "markdown"]
        if gzipped || known.contains((name as NSString).pathExtension) { return nil }
        return sniff(url)
    }

    private static func sniff(_ url: URL) -> ContainerKind? {
        guard let file = try? FileInput(path: url.path) else { return nil }
        var head: [UInt8] = []
        guard (try? file.read(into: &head, upTo: 512)) != nil else { return nil }
        let gzipped = looksGzipped(head)
        var text = head
        if gzipped {
            text = []
            guard let inflater = try? GzipInput(MemoryInput(head)) else { return nil }
            _ = try? inflater.read(into: &text, upTo: 64)
        }
        if text.starts(with: Array("WARC/".utf8)) || text.starts(with: Array("filedesc://".utf8)) {
            return .webArchive(gzipped: gzipped)
        }
        return nil
    }
}

extension ContainerKind {
    /// Every document of a container held in memory, in order, read as a run reads them (failures
    /// included): for embedding and fuzzing. Memory grows with the container; runs stream instead.
    public func outcomes(of bytes: [UInt8], id: String, options: ReaderOptions, tally: ContainerTally = ContainerTally())
        -> [DocumentOutcome]
    {
        let source = Source(url: URL(fileURLWithPath: "/\(id)"), id: id, displayPath: id)
        let stream: RecordStream
        do {
            stream = try RecordStream(source: source, kind: self, options: options, tally: tally, input: MemoryInput(bytes))
        } catch {
            return [.failed(DocumentFailure(id: id, source: id, stage: "read", message: "\(error)"))]
        }
        let reader = FormatReader(options: options)
        var outcomes: [DocumentOutcome] = []
        while let item = stream.next() {
            switch item {
            case .unreadable(let failure): outcomes.append(.failed(failure))
            case .file(let record): outcomes += reader.read(record)
            }
        }
        return outcomes
    }
}

/// Records skipped while reading containers, by reason (`request`, `warcinfo`, `redirect`,
/// `non-text`…), for `run.json`. Updated on the thread that iterates the sources.
public final class ContainerTally {
    public private(set) var skipped: [String: Int] = [:]
    /// For each item handed out and not yet claimed: the position of the listing item it came from
    /// (a shard writer files a WARC's records under the WARC's listing position).
    private var origins: [Int] = []
    private var originHead = 0

    public init() {}

    func skip(_ reason: String) { skipped[reason, default: 0] += 1 }

    /// The same positions, claimed by progress as each source's counts arrive.
    private var progressOrigins: [Int] = []
    private var progressHead = 0

    func handedOut(from position: Int) {
        origins.append(position)
        progressOrigins.append(position)
    }

    /// Like `claimOrigin`, on its own cursor: for progress, which may see a source before or long
    /// after the report writer does.
    public func claimProgressOrigin() -> Int? {
        Self.claim(from: &progressOrigins, head: &progressHead)
    }

    /// The listing position of the oldest item handed out and not yet claimed (items are claimed in
    /// the order they were handed out).
    public func claimOrigin() -> Int? { Self.claim(from: &origins, head: &originHead) }

    private static func claim(from positions: inout [Int], head: inout Int) -> Int? {
        guard head < positions.count else { return nil }
        let origin = positions[head]
        head += 1
        if head > 4096 && head * 2 > positions.count {
            positions.removeFirst(head)
            head = 0
        }
        return origin
    }
}

/// The source listing with every container file replaced by its documents, one source per record
/// or line, read lazily: one record at a time is held, so memory stays flat on a multi-GB WARC.
///
/// Each record becomes a `Source` with `content` set and the id `FILE#OFFSET` (WARC/ARC: the byte
/// offset of the record, or of its gzip member) or `FILE#LINE` (JSON Lines: the line number or the
/// configured id field); broken records become `.unreadable` items and the rest of the file is read.
public struct ContainerSources<Base: Sequence>: Sequence where Base.Element == SourceItem {
    public let base: Base
    public let options: ReaderOptions
    public let tally: ContainerTally

    public init(_ base: Base, options: ReaderOptions, tally: ContainerTally = ContainerTally()) {
        self.base = base
        self.options = options
        self.tally = tally
    }

    public func makeIterator() -> Iterator { Iterator(base: base.makeIterator(), options: options, tally: tally) }

    public struct Iterator: IteratorProtocol {
        var base: Base.Iterator
        let options: ReaderOptions
        let tally: ContainerTally
        var current: RecordStream?
        /// Position of the listing item being expanded.
        var position = -1

        public mutating func next() -> SourceItem? {
            guard let item = nextItem() else { return nil }
            tally.handedOut(from: position)
            return item
        }

        mutating func nextItem() -> SourceItem? {
            while true {
                if let stream = current {
                    if let item = stream.next() { return item }
                    current = nil
                }
                guard let item = base.next() else { return nil }
                position += 1
                guard case .file(let source) = item, source.content == nil, let kind = ContainerKind.of(source.url) else {
                    return item
                }
                do {
                    current = try RecordStream(source: source, kind: kind, options: options, tally: tally)
                } catch {
                    return .unreadable(
                        DocumentFailure(id: source.id, source: source.displayPath, stage: "read", message: "\(error)"))
                }
            }
        }
    }
}

/// The records of one container file as source items.
final class RecordStream {
    private let source: Source
    private let options: ReaderOptions
    private let tally: ContainerTally
    private let archive: WebArchiveReader?
    private let jsonLines: JSONLinesReader?
    private var pastRange = false

    init(source: Source, kind: ContainerKind, options: ReaderOptions, tally: ContainerTally, input: ByteInput? = nil) throws {
        self.source = source
        self.options = options
        self.tally = tally
        let file = try input ?? FileInput(path: source.url.path)
        switch kind {
        case .webArchive(let gzipped):
            archive = try WebArchiveReader(input: file, gzipped: gzipped, maxBytes: options.maxBytes)
            jsonLines = nil
        case .jsonLines(let gzipped):
            archive = nil
            jsonLines = try JSONLinesReader(input: file, gzipped: gzipped, fields: options.jsonLines, maxBytes: options.maxBytes)
        }
    }

    /// Whether a record starting at `offset` is this source's share.
    private func owns(_ offset: Int) -> Bool {
        guard let range = source.recordRange else { return true }
        if offset >= range.upperBound { pastRange = true }
        return range.contains(offset)
    }

    private func failure(_ key: String, _ message: String) -> SourceItem {
        .unreadable(
            DocumentFailure(id: "\(source.id)#\(key)", source: "\(source.displayPath)#\(key)", stage: "read", message: message))
    }

    private func document(_ key: String, _ content: EmbeddedContent) -> SourceItem {
        .file(Source(url: source.url, id: "\(source.id)#\(key)", displayPath: "\(source.displayPath)#\(key)", content: content))
    }

    func next() -> SourceItem? {
        while !pastRange {
            if let archive {
                guard let item = archive.next() else { return nil }
                switch item {
                case .failure(let offset, let fileOffset, let message):
                    guard owns(fileOffset) else { continue }
                    return failure(offset, message)
                case .record(let record):
                    guard owns(record.fileOffset) else { continue }
                    switch record.disposition(maxBytes: options.maxBytes) {
                    case .skipped(let reason):
                        tally.skip(reason)
                        continue
                    case .failed(let message):
                        return failure(record.offset, message)
                    case .document(var content, let notes):
                        content.notes = notes
                        return document(record.offset, content)
                    }
                }
            } else if let jsonLines {
                guard let item = jsonLines.next() else { return nil }
                switch item {
                case .failure(let key, let fileOffset, let message):
                    guard owns(fileOffset) else { continue }
                    return failure(key, message)
                case .line(let line, let key, let fileOffset):
                    guard owns(fileOffset) else { continue }
                    // Decoded on the lane (FormatReader), not here on the listing thread.
                    return document(key, EmbeddedContent(bytes: line, formatHint: JSONLinesReader.lineFormat))
                }
            } else {
                return nil
            }
        }
        return nil
    }
}
