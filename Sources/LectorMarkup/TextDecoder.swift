/// Decodes the bytes of a plain-text file: a byte-order mark decides (UTF-8, UTF-16 LE/BE,
/// UTF-32 LE/BE); without one, valid UTF-8 is taken as UTF-8 and anything else as Windows-1252.
enum TextDecoder {
    /// A decoded text and how it was decoded.
    struct Decoded: Sendable {
        var text: String
        /// `utf-8`, `utf-16le`, `utf-16be`, `utf-32le`, `utf-32be` or `windows-1252`.
        var encoding: String
        /// Whether the encoding is a fallback guess (not valid UTF-8, no BOM).
        var isFallback: Bool
    }

    /// The encoding named by a byte-order mark at the start of `bytes`, and the mark's length.
    static func byteOrderMark(_ bytes: [UInt8]) -> (encoding: String, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("utf-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("utf-32le", 4) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("utf-32be", 4) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("utf-16le", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("utf-16be", 2) }
        return nil
    }

    /// - Parameter declared: a charset the transport declared (HTTP `Content-Type`, lowercased): a
    ///   Latin-1 or Windows-1252 label makes Windows-1252 the expected reading of bytes that are not
    ///   UTF-8, not a guess.
    static func decode(_ bytes: [UInt8], declared: String? = nil) -> Decoded {
        if let (encoding, length) = byteOrderMark(bytes) {
            let body = bytes[length...]
            switch encoding {
            case "utf-16le", "utf-16be": return Decoded(text: utf16(body, littleEndian: encoding == "utf-16le"), encoding: encoding, isFallback: false)
            case "utf-32le", "utf-32be": return Decoded(text: utf32(body, littleEndian: encoding == "utf-32le"), encoding: encoding, isFallback: false)
            default: return Decoded(text: String(decoding: body, as: UTF8.self), encoding: "utf-8", isFallback: false)
            }
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: text, encoding: "utf-8", isFallback: false)
        }
        return Decoded(text: windows1252(bytes[...]), encoding: "windows-1252", isFallback: !names1252(declared))
    }

    /// Whether a charset label means Windows-1252 on the web (Latin-1 labels do: curly quotes live in
    /// 0x80–0x9F).
    static func names1252(_ label: String?) -> Bool {
        guard let label else { return false }
        return ["iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252", "iso8859-1", "l1", "x-cp1252"].contains(label)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    private static func utf32(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var scalars = String.UnicodeScalarView()
        var index = bytes.startIndex
        while index + 3 < bytes.endIndex {
            let b0 = UInt32(bytes[index])
            let b1 = UInt32(bytes[index + 1])
            let b2 = UInt32(bytes[index + 2])
            let b3 = UInt32(bytes[index + 3])
            let value = littleEndian ? b0 | b1 << 8 | b2 << 16 | b3 << 24 : b0 << 24 | b1 << 16 | b2 << 8 | b3
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            index += 4
        }
        return String(scalars)
    }

    /// Windows-1252 bytes 0x80–0x9F (the rest of the range maps to the same code point).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
