import Foundation

/// Stores each source's processed outcomes so that a rerun skips unchanged work.
///
/// Keys cover the source's bytes, its id and path, and a fingerprint of everything that shapes the
/// output (pipeline configuration, Lector and model versions). Failed documents are never cached:
/// a rerun tries them again.
public protocol OutcomeCache: Sendable {
    /// The key for `source` as it is now, or nil if it cannot be read (the reader will report why).
    func key(for source: Source) -> String?
    func load(_ key: String) -> [DocumentOutcome]?
    func store(_ outcomes: [DocumentOutcome], for key: String)
}

/// A directory of cache entries, one file per source, written atomically (temp file + rename), so a
/// killed run leaves only complete entries and `--resume` picks up where it stopped.
public struct DirectoryOutcomeCache: OutcomeCache {
    public let directory: URL
    public let fingerprint: String
    /// Sources larger than this are not hashed for the cache (they are processed every time).
    public var maxBytes: Int

    public init(directory: URL, fingerprint: String, maxBytes: Int = 64 * 1024 * 1024) throws {
        self.directory = directory
        self.fingerprint = fingerprint
        self.maxBytes = maxBytes
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    public func key(for source: Source) -> String? {
        if let content = source.content {
            // A record of a container: its own bytes and what the container said about them.
            var hash = StableHash()
            hash.add(fingerprint)
            hash.add(source.id)
            hash.add(source.displayPath)
            hash.add(content.formatHint ?? "")
            hash.add(content.charset ?? "")
            hash.add(content.displaySource ?? "")
            for (key, value) in content.metadata.sorted(by: { $0.key < $1.key }) {
                hash.add(key)
                hash.add(value)
            }
            content.bytes.withUnsafeBytes { hash.add(bytes: $0) }
            return hash.hex
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: source.url.path),
            let size = (attributes[.size] as? NSNumber)?.intValue, size <= maxBytes,
            let data = FileManager.default.contents(atPath: source.url.path)
        else { return nil }
        var hash = StableHash()
        hash.add(fingerprint)
        hash.add(source.id)
        hash.add(source.displayPath)
        data.withUnsafeBytes { hash.add(bytes: $0) }
        return hash.hex
    }

    func url(for key: String) -> URL {
        directory.appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key + ".json")
    }

    public func load(_ key: String) -> [DocumentOutcome]? {
        guard let data = FileManager.default.contents(atPath: url(for: key).path) else { return nil }
        return try? OutcomeCodec.decode(Array(data))
    }

    public func store(_ outcomes: [DocumentOutcome], for key: String) {
        guard outcomes.allSatisfy({ if case .processed = $0 { true } else { false } }) else { return }
        let target = url(for: key)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(key).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(OutcomeCodec.encode(outcomes)).write(to: temporary)
            if rename(temporary.path, target.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
        }
    }
}

/// Two independent 64-bit FNV-1a streams (different offset bases), giving a 128-bit hex digest.
/// Stable across runs and machines; not cryptographic.
public struct StableHash {
    private var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private var second: UInt64 = 0x6c62_272e_07bb_0142
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    public init() {}

    public mutating func add(bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            first = (first ^ UInt64(byte)) &* Self.prime
            second = (second ^ UInt64(byte ^ 0x5A)) &* Self.prime
        }
    }

    /// Adds a string and a separator, so ("ab","c") and ("a","bc") differ.
    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
        withUnsafeBytes(of: UInt8(0)) { add(bytes: $0) }
    }

    public var value: UInt64 { first }

    public var hex: String {
        String(format: "%016llx%016llx", first, second)
    }
}
