import Foundation

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
