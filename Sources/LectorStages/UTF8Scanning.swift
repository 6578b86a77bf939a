/// Byte-level character classes shared by the sentence splitter and the tokenizer.
///
/// Everything works on UTF-8 bytes with explicit bounds: a malformed or truncated sequence decodes as
/// U+FFFD and is never read past `limit`.
enum UTF8Scanning {
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always)
    static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    @inline(__always)
    static func isLower(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    @inline(__always)
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }

    /// The scalar starting at `index` and its length in bytes (U+FFFD, length 1, for bad input).
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> (Unicode.Scalar, Int) {
        guard index < limit, index >= 0 else { return ("\u{FFFD}", 1) }
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF:
            length = 2
            value = UInt32(lead & 0x1F)
        case 0xE0...0xEF:
            length = 3
            value = UInt32(lead & 0x0F)
        case 0xF0...0xF4:
            length = 4
            value = UInt32(lead & 0x07)
        default: return ("\u{FFFD}", 1)
        }
        guard index + length <= limit else { return ("\u{FFFD}", 1) }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The length of the closing quote or bracket at `index` (`"` `'` `)` `]` `}` `”` `’` `»` `›`), or 0.
    static func closerLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Int {
        guard index < limit else { return 0 }
        switch bytes[index] {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D: return 1
        case 0xE2:
            guard index + 2 < limit, bytes[index + 1] == 0x80 else { return 0 }
            let last = bytes[index + 2]
            return last == 0x9D || last == 0x99 || last == 0xBA ? 3 : 0
        case 0xC2:
            return index + 1 < limit && bytes[index + 1] == 0xBB ? 2 : 0
        default: return 0
        }
    }

    /// The length of the opening quote or bracket at `index`, or 0:
    /// `"` `'` `(` `[` `{` `“` `‘` `«` `‹` `¿` `¡`.
    static func openerLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Int {
        guard index < limit else { return 0 }
        switch bytes[index] {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B: return 1
        case 0xE2:
            guard index + 2 < limit, bytes[index + 1] == 0x80 else { return 0 }
            let last = bytes[index + 2]
            return last == 0x9C || last == 0x98 || last == 0xB9 ? 3 : 0
        case 0xC2:
            guard index + 1 < limit else { return 0 }
            let next = bytes[index + 1]
            return next == 0xAB || next == 0xBF || next == 0xA1 ? 2 : 0
        default: return 0
        }
    }

    /// Whether `index` starts `…` (U+2026).
    @inline(__always)
    static func isEllipsis(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool {
        index + 2 < limit && bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6
    }

    /// `bytes[range]` lower-cased as a String (ASCII fast path).
    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var ascii = true
        for index in range where bytes[index] >= 0x80 {
            ascii = false
            break
        }
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        if ascii {
            return String(unsafeUninitializedCapacity: slice.count) { buffer in
                for (offset, byte) in slice.enumerated() { buffer[offset] = isUpper(byte) ? byte | 0x20 : byte }
                return slice.count
            }
        }
        return String(decoding: slice, as: UTF8.self).lowercased()
    }
}
