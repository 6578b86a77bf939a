/// Converts UTF-8 byte offsets into Unicode-scalar (code point) offsets or UTF-16 offsets for one
/// text, and back. Built in one pass over the bytes; lookups are O(1).
///
/// Scalar offsets are what Python's `text[start:end]` uses, so Lector's JSON files speak them.
public struct ScalarOffsetMap: Sendable {
    /// `scalarOffset[byte]` for every byte offset 0...count (continuation bytes map to their scalar).
    private let scalarAt: [Int32]
    private let utf16At: [Int32]
    private let byteAtScalar: [Int32]

    public init(_ text: String) {
        let utf8 = Array(text.utf8)
        var scalars = [Int32](repeating: 0, count: utf8.count + 1)
        var utf16 = [Int32](repeating: 0, count: utf8.count + 1)
        var bytesOfScalar: [Int32] = []
        bytesOfScalar.reserveCapacity(utf8.count + 1)
        var scalar: Int32 = 0
        var unit: Int32 = 0
        for (offset, byte) in utf8.enumerated() {
            if byte & 0xC0 != 0x80 {
                scalars[offset] = scalar
                utf16[offset] = unit
                bytesOfScalar.append(Int32(offset))
                scalar += 1
                unit += byte >= 0xF0 ? 2 : 1
            } else {
                scalars[offset] = scalar - 1
                utf16[offset] = unit - 1
            }
        }
        scalars[utf8.count] = scalar
        utf16[utf8.count] = unit
        bytesOfScalar.append(Int32(utf8.count))
        scalarAt = scalars
        utf16At = utf16
        byteAtScalar = bytesOfScalar
    }

    public var scalarCount: Int { byteAtScalar.count - 1 }

    public func scalarOffset(ofByte byte: Int) -> Int { Int(scalarAt[min(max(byte, 0), scalarAt.count - 1)]) }
    public func utf16Offset(ofByte byte: Int) -> Int { Int(utf16At[min(max(byte, 0), utf16At.count - 1)]) }

    /// The byte offset of scalar `index`, or nil when out of range.
    public func byteOffset(ofScalar index: Int) -> Int? {
        guard index >= 0, index < byteAtScalar.count else { return nil }
        return Int(byteAtScalar[index])
    }

    /// The byte offset of UTF-16 unit `index`, or nil when out of range or inside a surrogate pair.
    public func byteOffset(ofUTF16 index: Int) -> Int? {
        guard index >= 0 else { return nil }
        // Binary search over the monotone utf16At at scalar starts.
        var low = 0
        var high = byteAtScalar.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let byte = Int(byteAtScalar[middle])
            let unit = Int(utf16At[byte])
            if unit == index { return byte }
            if unit < index { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }
}
