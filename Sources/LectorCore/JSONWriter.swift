/// A fast, allocation-light JSON writer producing UTF-8 bytes.
///
/// Callers write object keys in sorted order themselves (Lector's files use sorted keys so that
/// output is deterministic). Strings are escaped per RFC 8259; `<`, `>`, `&` and U+2028/U+2029 are
/// escaped too, so the output is safe to embed inside an HTML `<script>` element.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = [false]

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
    }

    public mutating func endObject() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma.append(false)
    }

    public mutating func endArray() {
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Write an object key; the next value call writes its value.
    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma[needsComma.count - 1] = false
        pendingKey = true
    }

    private var pendingKey = false

    private mutating func beforeValue() {
        if pendingKey {
            pendingKey = false
            needsComma[needsComma.count - 1] = true
        } else {
            separate()
        }
    }

    public mutating func value(_ text: String) {
        beforeValue()
        appendQuoted(text)
    }

    public mutating func value(_ number: Int) {
        beforeValue()
        appendDecimal(number)
    }

    /// An unsigned 64-bit number (hashes), all its digits.
    public mutating func value(_ number: UInt64) {
        beforeValue()
        appendDigits(number)
    }

    /// The digits of `number`, written straight into `bytes` (no `String` in between: annotations
    /// are mostly integers, and a cached run encodes every one of them).
    private mutating func appendDecimal(_ number: Int) {
        if number >= 0 && number < 10 {
            bytes.append(0x30 &+ UInt8(truncatingIfNeeded: number))
            return
        }
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(number.magnitude))
    }

    private mutating func appendDigits(_ number: UInt64) {
        var magnitude = number
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = 0x30 &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Doubles are written with up to 6 significant decimals, deterministically; non-finite as null.
    public mutating func value(_ number: Double) {
        beforeValue()
        guard number.isFinite else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        bytes.append(contentsOf: JSONWriter.format(number).utf8)
    }

    public mutating func value(_ flag: Bool) {
        beforeValue()
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    public mutating func null() {
        beforeValue()
        bytes.append(UInt8(ascii: "n"))
        bytes.append(UInt8(ascii: "u"))
        bytes.append(UInt8(ascii: "l"))
        bytes.append(UInt8(ascii: "l"))
    }

    /// Insert already-serialised JSON as a value.
    public mutating func raw(_ json: [UInt8]) {
        beforeValue()
        bytes.append(contentsOf: json)
    }

    // Object helpers
    public mutating func field(_ name: String, _ text: String) {
        key(name)
        value(text)
    }

    public mutating func field(_ name: String, _ number: Int) {
        key(name)
        value(number)
    }

    public mutating func field(_ name: String, _ number: Double) {
        key(name)
        value(number)
    }

    public mutating func field(_ name: String, _ flag: Bool) {
        key(name)
        value(flag)
    }

    /// A string-to-string map as an object with sorted keys.
    public mutating func field(_ name: String, _ map: [String: String]) {
        key(name)
        beginObject()
        for entryKey in map.keys.sorted() { field(entryKey, map[entryKey]!) }
        endObject()
    }

    /// Rounds to 6 decimals and drops trailing zeros: 0.5, 12, 0.333333.
    public static func format(_ number: Double) -> String {
        if number == number.rounded() && abs(number) < 1e15 { return String(Int64(number)) }
        let scaled = (number * 1_000_000).rounded() / 1_000_000
        var text = String(scaled)
        if text.contains("e") { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            bytes.reserveCapacity(bytes.count + utf8.count + 2)
            // Runs of bytes that need no escape are copied at once; most text is one long run.
            var runStart = 0
            var index = 0
            let count = utf8.count
            func flushRun(_ end: Int) {
                if end > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<end])) }
            }
            while index < count {
                let byte = utf8[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "<")
                    && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "&") && byte != 0xE2
                {
                    index += 1
                    continue
                }
                flushRun(index)
                switch byte {
                case UInt8(ascii: "\""): bytes.append(92); bytes.append(34)
                case UInt8(ascii: "\\"): bytes.append(92); bytes.append(92)
                case 0x0A: bytes.append(92); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(92); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(92); bytes.append(UInt8(ascii: "t"))
                case 0..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                    appendEscape(UInt16(byte))
                case 0xE2 where index + 2 < count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    // U+2028 and U+2029 end a line in JavaScript: escaped so JSON can sit in a script.
                    appendEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029)
                    index += 2
                default: bytes.append(byte)
                }
                index += 1
                runStart = index
            }
            flushRun(count)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscape(_ unit: UInt16) {
        bytes.append(contentsOf: [92, UInt8(ascii: "u")])
        for shift in stride(from: 12, through: 0, by: -4) {
            bytes.append(JSONWriter.hex[Int((unit >> UInt16(shift)) & 0xF)])
        }
    }
}
