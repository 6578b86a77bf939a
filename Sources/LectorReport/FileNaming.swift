/// File names for pages derived from document ids and entity names.
///
/// A name is a short lowercase ASCII slug of the id followed by 16 hex digits of a 64-bit FNV-1a
/// hash of the full id: it holds no `/`, never starts with a dot, cannot leave its directory, and two
/// ids that slug alike (`a/b` and `a?b`, `News` and `news` on a case-insensitive disk) still differ.
enum FileNaming {
    /// Longest slug kept before the hash suffix, in bytes.
    static let slugLimit = 48

    /// `slug-hash` (without extension) for `key`.
    static func stem(for key: String) -> String {
        "\(slug(key))-\(hex(hash(key)))"
    }

    /// The lowercase ASCII slug of `text`: letters, digits, `.` and `_` kept; runs of anything
    /// else become one `-`; leading and trailing `-` and `.` dropped; `item` when nothing is left.
    static func slug(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(text.utf8.count, slugLimit))
        var pendingDash = false
        for byte in text.utf8 {
            if bytes.count >= slugLimit { break }
            let lower = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
            let keep =
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(lower)
                || lower == UInt8(ascii: "_") || (lower == UInt8(ascii: ".") && !bytes.isEmpty)
            if keep {
                if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                bytes.append(lower)
            } else {
                pendingDash = true
            }
        }
        while let last = bytes.last, last == UInt8(ascii: "-") || last == UInt8(ascii: ".") { bytes.removeLast() }
        return bytes.isEmpty ? "item" : String(decoding: bytes, as: UTF8.self)
    }

    /// 64-bit FNV-1a of the UTF-8 bytes of `text` (stable across runs and platforms).
    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        return value
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
