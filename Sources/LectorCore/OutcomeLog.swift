import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The run cache: one append-only log of outcome records plus an index of fixed-size entries, in one
/// directory, instead of a file per document.
///
/// - `outcomes.log`: records `"LCR1"`, key (32 bytes), payload length (8 bytes, little-endian), payload
///   (`OutcomeCodec` JSON).
/// - `outcomes.idx`: entries of key (32 bytes), record offset and record length (8 bytes each).
///
/// A record is appended before its index entry, both with `O_APPEND` and one `write` each, so a run
/// killed at any point leaves an index whose complete entries all point at complete records (a torn
/// tail entry is cut off when the index is opened; one pointing past the log's end is ignored). A record that
/// does not decode is a miss, never an error. Lanes store and load concurrently: loads use `pread`,
/// appends hold a lock. Two processes may share a cache: each sees the entries written before it opened.
///
/// Entries are never rewritten in place; a source whose key is already indexed is not stored again, so
/// rerunning an unchanged corpus adds nothing. Entries of changed sources stay in the log until the
/// cache directory is deleted.
public final class OutcomeLog: OutcomeCache {
    public let directory: URL
    public let fingerprint: CacheFingerprint
    /// Sources larger than this are not hashed for the cache (they are processed every time).
    public let maxBytes: Int
    /// Whether `load` answers (false: entries are recorded for a later `--resume` only).
    public let answers: Bool

    private let logDescriptor: Int32
    private let indexDescriptor: Int32
    private let index: Mutex<[CacheKey: Location]>

    struct Location: Sendable {
        var offset: Int
        var length: Int
    }

    static let magic: [UInt8] = Array("LCR1".utf8)
    static let headerSize = 4 + 32 + 8
    static let entrySize = 32 + 8 + 8

    /// Open (or create) the cache in `directory`. Throws when the directory or its files cannot be
    /// created or opened.
    public init(directory: URL, fingerprint: CacheFingerprint, maxBytes: Int = 64 * 1024 * 1024, answers: Bool = true)
        throws
    {
        self.directory = directory
        self.fingerprint = fingerprint
        self.maxBytes = maxBytes
        self.answers = answers
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logPath = directory.appendingPathComponent("outcomes.log").path
        let indexPath = directory.appendingPathComponent("outcomes.idx").path
        let flags = O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC
        let log = open(logPath, flags, 0o644)
        guard log >= 0 else { throw CacheError("cannot open the cache log \(logPath): \(String(cString: strerror(errno)))") }
        let indexFile = open(indexPath, flags, 0o644)
        guard indexFile >= 0 else {
            close(log)
            throw CacheError("cannot open the cache index \(indexPath): \(String(cString: strerror(errno)))")
        }
        logDescriptor = log
        indexDescriptor = indexFile
        index = Mutex(Self.readIndex(index: indexFile, log: log))
    }

    deinit {
        close(logDescriptor)
        close(indexDescriptor)
    }

    /// Number of entries this process can answer from.
    public var count: Int { index.withLock { $0.count } }

    public func key(for source: Source) -> CacheKey? {
        if let content = source.content {
            // A record of a container: its own bytes and what the container said about them.
            var hasher = KeyHasher()
            hasher.add(fingerprint.digest)
            hasher.add(source.id)
            hasher.add(source.displayPath)
            hasher.add(content.formatHint ?? "")
            hasher.add(content.charset ?? "")
            hasher.add(content.displaySource ?? "")
            for (key, value) in content.metadata.sorted(by: { $0.key < $1.key }) {
                hasher.add(key)
                hasher.add(value)
            }
            hasher.add(content.bytes)
            return hasher.finish()
        }
        guard let data = try? Data(contentsOf: source.url, options: .mappedIfSafe), data.count <= maxBytes else {
            return nil
        }
        var hasher = KeyHasher()
        hasher.add(fingerprint.digest)
        hasher.add(source.id)
        hasher.add(source.displayPath)
        data.withUnsafeBytes { hasher.add(bytes: $0) }
        return hasher.finish()
    }

    public func contains(_ key: CacheKey) -> Bool { index.withLock { $0[key] != nil } }

    public func loadRecord(_ key: CacheKey) -> [UInt8]? {
        guard answers, let location = index.withLock({ $0[key] }) else { return nil }
        var record = [UInt8](repeating: 0, count: location.length)
        let read = record.withUnsafeMutableBytes { pread(logDescriptor, $0.baseAddress, location.length, off_t(location.offset)) }
        guard read == location.length, Array(record[0..<4]) == Self.magic,
            CacheKey(bytes: record[4..<36]) == key,
            Self.integer(record, at: 36) == location.length - Self.headerSize
        else { return nil }
        return Array(record[Self.headerSize...])
    }

    public func store(record payload: [UInt8], for key: CacheKey) {
        if contains(key) { return }
        var record = Self.magic
        record.reserveCapacity(Self.headerSize + payload.count)
        record.append(contentsOf: key.bytes)
        Self.append(payload.count, to: &record)
        record.append(contentsOf: payload)
        index.withLock { index in
            guard index[key] == nil, Self.writeAll(record, to: logDescriptor) else { return }
            let end = Int(lseek(logDescriptor, 0, SEEK_CUR))
            let location = Location(offset: end - record.count, length: record.count)
            var entry = key.bytes
            Self.append(location.offset, to: &entry)
            Self.append(location.length, to: &entry)
            guard Self.writeAll(entry, to: indexDescriptor) else { return }
            index[key] = location
        }
    }

    /// The complete entries of the index whose records lie inside the log.
    static func readIndex(index: Int32, log: Int32) -> [CacheKey: Location] {
        var status = stat()
        guard fstat(index, &status) == 0 else { return [:] }
        let indexSize = Int(status.st_size)
        guard fstat(log, &status) == 0 else { return [:] }
        let logSize = Int(status.st_size)
        // A torn tail entry (a kill mid-write) is cut off, so that later appends stay aligned.
        if indexSize % entrySize != 0 { _ = ftruncate(index, off_t(indexSize - indexSize % entrySize)) }
        var bytes = [UInt8](repeating: 0, count: indexSize - indexSize % entrySize)
        let read = bytes.withUnsafeMutableBytes { pread(index, $0.baseAddress, $0.count, 0) }
        guard read == bytes.count else { return [:] }
        var entries: [CacheKey: Location] = [:]
        entries.reserveCapacity(bytes.count / entrySize)
        var position = 0
        while position + entrySize <= bytes.count {
            let location = Location(offset: integer(bytes, at: position + 32), length: integer(bytes, at: position + 40))
            if location.offset >= 0, location.length > headerSize, location.offset <= logSize,
                location.length <= logSize - location.offset,
                let key = CacheKey(bytes: bytes[position..<position + 32])
            {
                entries[key] = location
            }
            position += entrySize
        }
        return entries
    }

    static func append(_ value: Int, to bytes: inout [UInt8]) {
        let value = UInt64(value)
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    static func integer(_ bytes: [UInt8], at position: Int) -> Int {
        var value: UInt64 = 0
        for offset in (0..<8).reversed() { value = value << 8 | UInt64(bytes[position + offset]) }
        return Int(truncatingIfNeeded: value)
    }

    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + done, buffer.count - done)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                done += written
            }
            return true
        }
    }
}

/// The cache could not be opened.
public struct CacheError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
