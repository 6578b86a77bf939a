import LectorCore

/// Reads chosen top-level fields of one JSON object straight from its UTF-8 bytes, validating the
/// whole text and skipping every other value without building it.
///
/// A JSON Lines export holds one large HTML string per line next to small fields; building a
/// dictionary of Foundation objects for each line, then a `String`, then its bytes again, costs
/// several copies of the page. Here a string value is unescaped once into the bytes the reader needs.
/// Strings come out as valid UTF-8 (invalid sequences and lone surrogates become U+FFFD); numbers as
/// their literal text; `true`, `false`, `null`, objects and arrays as nil. Nesting deeper than 512
/// levels counts as invalid, so hostile input cannot exhaust the stack.
struct JSONFieldScanner {
    enum Failure: Error, Equatable {
        /// Not JSON at all (syntax error, trailing bytes).
        case invalid
        /// Valid JSON whose top level is not an object.
        case notObject
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private static let maxDepth = 512

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The values of `wanted` keys (in the order asked; nil when absent or not a string or number).
    /// When a key occurs twice, the last value counts.
    static func fields(of line: [UInt8], wanted: [[UInt8]]) -> Result<[[UInt8]?], Failure> {
        line.withUnsafeBufferPointer { buffer in
            var scanner = JSONFieldScanner(bytes: buffer)
            do throws(Failure) {
                return .success(try scanner.topLevelObject(wanted: wanted))
            } catch {
                return .failure(error)
            }
        }
    }

    // MARK: Grammar

    private mutating func topLevelObject(wanted: [[UInt8]]) throws(Failure) -> [[UInt8]?] {
        skipSpace()
        guard peek() == UInt8(ascii: "{") else {
            try skipValue(depth: 0)
            skipSpace()
            throw index == bytes.count ? .notObject : .invalid
        }
        index += 1
        var values = [[UInt8]?](repeating: nil, count: wanted.count)
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpace()
                let key = try string()
                try expectColon()
                if let slot = wanted.firstIndex(of: key) {
                    switch peek() ?? 0 {
                    case UInt8(ascii: "\""):
                        values[slot] = try string()
                    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        let start = index
                        try number()
                        values[slot] = Array(bytes[start..<index])
                    default:
                        try skipValue(depth: 1)
                        values[slot] = nil
                    }
                } else {
                    try skipValue(depth: 1)
                }
                if try endOfMember(closing: UInt8(ascii: "}")) { break }
            }
        }
        skipSpace()
        guard index == bytes.count else { throw .invalid }
        return values
    }

    private mutating func skipValue(depth: Int) throws(Failure) {
        guard depth < Self.maxDepth, let byte = peek() else { throw .invalid }
        switch byte {
        case UInt8(ascii: "{"):
            index += 1
            skipSpace()
            if peek() == UInt8(ascii: "}") {
                index += 1
                return
            }
            repeat {
                skipSpace()
                try skipString()
                try expectColon()
                try skipValue(depth: depth + 1)
            } while try !endOfMember(closing: UInt8(ascii: "}"))
        case UInt8(ascii: "["):
            index += 1
            skipSpace()
            if peek() == UInt8(ascii: "]") {
                index += 1
                return
            }
            repeat {
                skipSpace()
                try skipValue(depth: depth + 1)
            } while try !endOfMember(closing: UInt8(ascii: "]"))
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try number()
        }
    }

    /// After a member or element: true at the closing bracket, false at a comma (both consumed).
    private mutating func endOfMember(closing: UInt8) throws(Failure) -> Bool {
        skipSpace()
        guard let byte = peek() else { throw .invalid }
        index += 1
        if byte == UInt8(ascii: ",") { return false }
        if byte == closing { return true }
        throw .invalid
    }

    private mutating func expectColon() throws(Failure) {
        skipSpace()
        guard peek() == UInt8(ascii: ":") else { throw .invalid }
        index += 1
        skipSpace()
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw .invalid }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { throw .invalid }
        index += count
    }

    private mutating func number() throws(Failure) {
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { throw .invalid }
        index += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek(), isDigit(digit) else { throw .invalid }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), isDigit(digit) else { throw .invalid }
            skipDigits()
        }
    }

    // MARK: Strings

    /// A string's content, unescaped, as valid UTF-8.
    private mutating func string() throws(Failure) -> [UInt8] {
        guard peek() == UInt8(ascii: "\"") else { throw .invalid }
        index += 1
        var nonASCII = false
        var value: [UInt8] = []
        var escaped = false
        while true {
            let runStart = index
            if skipPlain() { nonASCII = true }
            guard index < bytes.count else { throw .invalid }
            let byte = bytes[index]
            if byte < 0x20 { throw .invalid }
            if !escaped && byte == UInt8(ascii: "\"") {
                // No escapes: one copy.
                value = Array(bytes[runStart..<index])
            } else {
                if !escaped {
                    value.reserveCapacity(min(bytes.count - runStart, (index - runStart) * 2 + 64))
                    escaped = true
                }
                value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
            index += 1
            if byte == UInt8(ascii: "\"") { return nonASCII ? Self.repaired(value) : value }
            guard let escape = peek() else { throw .invalid }
            index += 1
            if let plain = JSONEscape.byte(forLetter: escape) {
                value.append(plain)
            } else if escape == UInt8(ascii: "u") {
                Self.appendUTF8(try unicodeEscape(), to: &value)
            } else {
                throw .invalid
            }
        }
    }

    /// Move `index` to the next byte a string must look at (`"`, `\`, a control byte) or the end,
    /// eight bytes at a time where it can; returns whether a byte passed was non-ASCII.
    private mutating func skipPlain() -> Bool {
        var high: UInt64 = 0
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101
            let tops: UInt64 = 0x8080_8080_8080_8080
            while bytes.count - index >= 8 {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                // A byte equal to `"` or `\`, or below 0x20, sets its top bit here (bytes above a
                // real match may too, which the byte loop below sorts out); no match sets none.
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let special = ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word) & tops
                if special != 0 { break }
                high |= word
                index += 8
            }
        }
        var highByte: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            highByte |= byte
            index += 1
        }
        return high & 0x8080_8080_8080_8080 != 0 || highByte >= 0x80
    }

    /// The scalar of a `\uXXXX` escape (the `\u` consumed), joining a surrogate pair; a lone
    /// surrogate becomes U+FFFD.
    private mutating func unicodeEscape() throws(Failure) -> UInt32 {
        let unit = try hex4()
        guard unit >= 0xD800 && unit <= 0xDFFF else { return unit }
        guard unit <= 0xDBFF, bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
        else { return 0xFFFD }
        let saved = index
        index += 2
        let low = try hex4()
        guard low >= 0xDC00 && low <= 0xDFFF else {
            index = saved
            return 0xFFFD
        }
        return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard bytes.count - index >= 4 else { throw .invalid }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw .invalid
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Validate a string without keeping it.
    private mutating func skipString() throws(Failure) {
        guard peek() == UInt8(ascii: "\"") else { throw .invalid }
        index += 1
        while true {
            _ = skipPlain()
            guard index < bytes.count else { throw .invalid }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return }
            if byte < 0x20 { throw .invalid }
            guard let escape = peek() else { throw .invalid }
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                break
            case UInt8(ascii: "u"): _ = try hex4()
            default: throw .invalid
            }
        }
    }

    private static func appendUTF8(_ scalar: UInt32, to value: inout [UInt8]) {
        let scalar = Unicode.Scalar(scalar) ?? "\u{FFFD}"
        value.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// Bytes with invalid UTF-8 sequences replaced by U+FFFD (unchanged when already valid).
    private static func repaired(_ value: [UInt8]) -> [UInt8] {
        TextDecoder.isValidUTF8(value) ? value : Array(String(decoding: value, as: UTF8.self).utf8)
    }

    // MARK: Bytes

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
