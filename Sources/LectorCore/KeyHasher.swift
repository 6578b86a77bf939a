/// Builds a `CacheKey`: SHA-256 over length-prefixed fields, so ("ab","c") and ("a","bc") differ.
public struct KeyHasher: Sendable {
    private var sha = SHA256()

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
        withUnsafeBytes(of: &length) { sha.update($0) }
        sha.update(bytes)
    }

    public mutating func finish() -> CacheKey {
        CacheKey(bytes: sha.finalize())!
    }
}
