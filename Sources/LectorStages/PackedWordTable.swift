/// A small, fixed table of short ASCII words (at most 8 letters or digits, case-insensitive) with a
/// value each, looked up straight from UTF-8 bytes without building a `String`.
///
/// Words are packed into a `UInt64` (one lower-cased byte each) and kept sorted; a lookup is a binary
/// search over integers, no hashing and no allocation. Immutable and `Sendable`.
struct PackedWordTable<Value: Sendable>: Sendable {
    private let keys: [UInt64]
    private let values: [Value]
    /// One bit per (last byte mod 64, length) pair present: most misses stop here, before packing.
    private let shapes: [UInt64]

    init(_ entries: [(String, Value)]) {
        let packed = entries.compactMap { word, value in Self.pack(word).map { ($0, value) } }
            .sorted { $0.0 < $1.0 }
        keys = packed.map(\.0)
        values = packed.map(\.1)
        var shapes = [UInt64](repeating: 0, count: 9)
        for (word, _) in entries where word.utf8.count <= 8 {
            if let last = word.utf8.last { shapes[word.utf8.count] |= 1 << UInt64((last | 0x20) & 63) }
        }
        self.shapes = shapes
    }

    /// `word` packed, or nil when it is longer than 8 bytes or not ASCII letters and digits.
    static func pack(_ word: String) -> UInt64? {
        guard word.utf8.count <= 8 else { return nil }
        var value: UInt64 = 0
        for byte in word.utf8 {
            guard UTF8Scanning.isAlphanumeric(byte) else { return nil }
            value = value << 8 | UInt64(UTF8Scanning.isUpper(byte) ? byte | 0x20 : byte)
        }
        return value
    }

    /// `bytes[range]` packed, or nil (see `pack(_:)`).
    @inline(__always)
    static func pack(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64? {
        guard range.count <= 8 else { return nil }
        var value: UInt64 = 0
        for index in range {
            let byte = bytes[index]
            guard UTF8Scanning.isAlphanumeric(byte) else { return nil }
            value = value << 8 | UInt64(UTF8Scanning.isUpper(byte) ? byte | 0x20 : byte)
        }
        return value
    }

    /// The value stored for the word in `bytes[range]`, if any.
    @inline(__always)
    func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Value? {
        let length = range.count
        guard length > 0, length <= 8,
            shapes[length] & (1 << UInt64((bytes[range.upperBound - 1] | 0x20) & 63)) != 0
        else { return nil }
        return lookUp(bytes, range)
    }

    private func lookUp(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Value? {
        guard let key = Self.pack(bytes, range) else { return nil }
        var low = 0
        var high = keys.count - 1
        while low <= high {
            let middle = (low + high) >> 1
            let probe = keys[middle]
            if probe == key { return values[middle] }
            if probe < key { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    @inline(__always)
    func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool { value(bytes, range) != nil }
}
