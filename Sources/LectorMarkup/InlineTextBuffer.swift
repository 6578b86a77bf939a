/// Accumulates the text of one block as UTF-8 bytes, collapsing whitespace as it goes.
///
/// Whitespace is ASCII whitespace, other C0 controls, DEL and U+00A0: a run becomes one space, never
/// at the start of the buffer; a trailing space is dropped by `finish`. A line break (`<br>`) is a
/// "\n" that absorbs the spaces around it. Soft hyphens (U+00AD) are dropped.
struct InlineTextBuffer {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false

    var isEmpty: Bool { bytes.isEmpty }
    /// Whether the last thing written was a line break.
    var endsWithLineBreak: Bool { bytes.last == 0x0A }

    /// Append character data, collapsing whitespace.
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0, keepNewlines: false) }
    }

    /// Append preformatted text: newlines become line breaks, other whitespace collapses.
    mutating func appendPreformatted(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0, keepNewlines: true) }
    }

    private mutating func append(bytes input: UnsafeBufferPointer<UInt8>, keepNewlines: Bool) {
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte <= 0x20 || byte == 0x7F {
                if keepNewlines && byte == 0x0A { lineBreak() } else { pendingSpace = true }
                index += 1
            } else if byte == 0xC2 && index + 1 < count && input[index + 1] == 0xA0 {
                pendingSpace = true
                index += 2
            } else if byte == 0xC2 && index + 1 < count && input[index + 1] == 0xAD {
                // A soft hyphen only marks where a word may break: it is not text.
                index += 2
            } else {
                if pendingSpace && !bytes.isEmpty && bytes.last != 0x0A { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
                index += 1
            }
        }
    }

    /// A line break: written only between text, never doubled.
    mutating func lineBreak() {
        pendingSpace = false
        guard let last = bytes.last, last != 0x0A else { return }
        bytes.append(0x0A)
    }

    /// Drop a trailing line break (used when a second `<br>` turns the break into a block boundary).
    mutating func dropTrailingLineBreak() {
        while bytes.last == 0x0A { bytes.removeLast() }
    }

    /// The finished block (trailing line breaks removed) and a reset buffer.
    mutating func finish() -> [UInt8] {
        dropTrailingLineBreak()
        let result = bytes
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
        return result
    }
}
