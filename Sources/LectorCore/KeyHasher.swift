import Crypto

/// Builds a `CacheKey`: SHA-256 over length-prefixed fields, so ("ab","c") and ("a","bc") differ.
///
/// SHA-256 is swift-crypto's (BoringSSL's, using the CPU's SHA extensions where present): every source
/// of a cached run is hashed in full before it is read, so the hash's speed is most of what the cache
/// costs on large pages (about 1.8 GB/s here against 0.2–0.3 GB/s for SHA-256 in plain Swift).
public struct KeyHasher: Sendable {
    private var sha = Crypto.SHA256()

    public init() {}

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    public mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add(bytes: $0) }
    }

    /// One field: its length (8 bytes) then its bytes.
    public mutating func add(bytes: UnsafeRawBufferPointer) {
        var length = UInt64(bytes.count).littleEndian
        withUnsafeBytes(of: &length) { sha.update(bufferPointer: $0) }
        sha.update(bufferPointer: bytes)
    }

    public mutating func finish() -> CacheKey {
        CacheKey(bytes: Array(sha.finalize()))!
    }
}
