/// A growing buffer of UTF-8 HTML with escaping helpers that work on bytes.
///
/// Every document-derived string goes through `text(_:)` or `escaped(_:)`: `& < > " '` become
/// character references and C0 controls other than tab, line feed and carriage return (which HTML
/// forbids) become U+FFFD, so the result is safe in element content and in quoted attributes.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Append markup written by the project (never document content).
    mutating func raw(_ markup: String) { bytes.append(contentsOf: markup.utf8) }

    /// Append `text` escaped.
    mutating func text(_ text: String) {
        var copy = text
        copy.withUTF8 { append(escaping: $0) }
    }

    /// Append an integer.
    mutating func number(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// Append the bytes `utf8[range]`, escaped. The caller keeps `range` on scalar boundaries.
    mutating func text(_ utf8: [UInt8], _ range: Range<Int>) {
        utf8.withUnsafeBufferPointer { buffer in
            append(escaping: UnsafeBufferPointer(rebasing: buffer[range]))
        }
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    private mutating func append(escaping utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        let count = utf8.count
        while index < count {
            let byte = utf8[index]
            let escape: [UInt8]?
            switch byte {
            case UInt8(ascii: "&"): escape = Self.amp
            case UInt8(ascii: "<"): escape = Self.lt
            case UInt8(ascii: ">"): escape = Self.gt
            case UInt8(ascii: "\""): escape = Self.quot
            case UInt8(ascii: "'"): escape = Self.apos
            case 0x09, 0x0A, 0x0D: escape = nil
            case 0x00..<0x20, 0x7F: escape = Self.replacement
            default: escape = nil
            }
            if let escape {
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                bytes.append(contentsOf: escape)
                runStart = index + 1
            }
            index += 1
        }
        if runStart < count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
    }

    private static let amp: [UInt8] = Array("&amp;".utf8)
    private static let lt: [UInt8] = Array("&lt;".utf8)
    private static let gt: [UInt8] = Array("&gt;".utf8)
    private static let quot: [UInt8] = Array("&quot;".utf8)
    private static let apos: [UInt8] = Array("&#39;".utf8)

    /// `text` escaped for HTML content or a quoted attribute value.
    static func escaped(_ text: String) -> String {
        var buffer = HTMLBuffer(capacity: text.utf8.count + 16)
        buffer.text(text)
        return buffer.string
    }
}
