#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import Foundation

/// Where the report keeps what entity pages need while a run goes on: on disk, not in memory.
///
/// Each entity sighting (an entity seen in one document) becomes a record in one of `fileCount`
/// spill files, chosen by the entity's page, so every entity's records end up in one file, in input
/// order. When the run ends, each file is read back on its own, aggregated and rendered into its
/// pages (`EntitySpillFile`): memory holds one file per lane rather than the corpus's entities, so
/// it stays flat from 10,000 to 100,000s of documents.
///
/// Record layout (little-endian `UInt32` numbers; strings as a `UInt32` byte count and UTF-8 bytes):
/// label, name, document number, mention count, document page stem, document title, mention anchor,
/// text before, mention, text after, then the number of companion entities and each one's label and
/// name (the document's most-mentioned other entities, for "appears with").
final class EntitySpill {
    /// Spill files, at most: one per entity page, so reading one back holds one page's entities.
    let fileCount: Int
    /// Bytes buffered per file before it is appended to disk (the file is opened and closed per
    /// append, so no more than one descriptor is ever held; all buffers together hold 8 MB at most).
    static let bufferSize = 8 * 1024
    /// Companion entities recorded with each sighting: the document's most-mentioned others.
    static let companionsKept = 5

    let folder: URL
    private var buffers: [[UInt8]]
    private(set) var used: Set<Int> = []

    init(folder: URL, pages: Int) throws {
        self.folder = folder
        fileCount = max(1, pages)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        buffers = Array(repeating: [], count: fileCount)
    }

    /// The spill file that holds the entities of page `page` (a bucket number).
    func file(forPage page: UInt64) -> Int { Int(page % UInt64(fileCount)) }

    func url(_ file: Int) -> URL { folder.appendingPathComponent("s\(file)") }

    /// Record the sightings of one document (documents arrive in input order).
    func add(document: Int, stem: String, title: String, sightings: [EntitySighting]) throws {
        guard !sightings.isEmpty else { return }
        let ranked = sightings.indices.sorted { lhs, rhs in
            sightings[lhs].count != sightings[rhs].count ? sightings[lhs].count > sightings[rhs].count : lhs < rhs
        }
        let leaders = Array(ranked.prefix(Self.companionsKept + 1))
        for (position, sighting) in sightings.enumerated() {
            let file = file(forPage: sighting.key.bucket)
            var record = SpillRecordWriter(into: buffers[file])
            buffers[file] = []
            record.string(sighting.key.label)
            record.string(sighting.key.name)
            record.number(document)
            record.number(sighting.count)
            record.string(stem)
            record.string(title)
            record.string(sighting.anchor)
            record.string(sighting.before)
            record.string(sighting.mention)
            record.string(sighting.after)
            let companions = leaders.filter { $0 != position }.prefix(Self.companionsKept)
            record.number(companions.count)
            for other in companions {
                record.string(sightings[other].key.label)
                record.string(sightings[other].key.name)
            }
            buffers[file] = record.bytes
            used.insert(file)
            if buffers[file].count >= Self.bufferSize { try flush(file) }
        }
    }

    /// Append every buffer to its file.
    func flushAll() throws {
        for file in buffers.indices where !buffers[file].isEmpty { try flush(file) }
    }

    private func flush(_ file: Int) throws {
        try FileSink.write(buffers[file], to: url(file), appending: true, mode: 0o600)
        buffers[file].removeAll(keepingCapacity: true)
    }

    /// The whole of a spill file, read with plain POSIX calls into one buffer.
    static func contents(of url: URL) throws -> [UInt8] {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReportError.io("cannot open \(url.path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ReportError.io("cannot read \(url.path)") }
        let size = Int(status.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        try bytes.withUnsafeMutableBytes { buffer in
            while offset < size {
                let count = read(descriptor, buffer.baseAddress! + offset, size - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { throw ReportError.io("cannot read \(url.path): short read") }
                offset += count
            }
        }
        return bytes
    }

    /// Remove the spill files.
    func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// Appends numbers and strings in the spill record layout.
struct SpillRecordWriter {
    var bytes: [UInt8]

    init(into bytes: [UInt8]) { self.bytes = bytes }

    mutating func number(_ value: Int) {
        let clamped = UInt32(clamping: max(0, value))
        bytes.append(UInt8(truncatingIfNeeded: clamped))
        bytes.append(UInt8(truncatingIfNeeded: clamped >> 8))
        bytes.append(UInt8(truncatingIfNeeded: clamped >> 16))
        bytes.append(UInt8(truncatingIfNeeded: clamped >> 24))
    }

    mutating func string(_ text: String) {
        number(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }
}

/// Reads the spill record layout; nil on a truncated record (never reads out of bounds).
struct SpillRecordReader {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }

    mutating func number() -> Int? {
        guard position + 4 <= bytes.count else { return nil }
        let value =
            UInt32(bytes[position]) | UInt32(bytes[position + 1]) << 8 | UInt32(bytes[position + 2]) << 16
            | UInt32(bytes[position + 3]) << 24
        position += 4
        return Int(value)
    }

    /// The byte range of the next string.
    mutating func span() -> Range<Int>? {
        guard let count = number(), count <= bytes.count - position else { return nil }
        defer { position += count }
        return position..<(position + count)
    }

    func string(_ span: Range<Int>) -> String { String(decoding: bytes[span], as: UTF8.self) }
}
