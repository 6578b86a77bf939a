/// Splits decoded plain text (or Markdown) into blocks.
///
/// Paragraphs are separated by blank lines; single newlines inside a paragraph become spaces, except
/// that lines that look like list items (and, in Markdown, headings, quotes and code) stay blocks of
/// their own. Markdown markers (`#`, emphasis, links, images, code fences) are stripped.
enum PlainTextReader {
    /// The blocks of `text`; `markdown` turns on Markdown handling.
    static func blocks(of text: String, markdown: Bool) -> [TextBlock] {
        var blocks: [TextBlock] = []
        var paragraph = InlineTextBuffer()
        var paragraphLabel = "p"
        var preformatted: InlineTextBuffer?

        func flush() {
            let bytes = paragraph.finish()
            if !bytes.isEmpty { blocks.append(TextBlock(bytes: bytes, label: paragraphLabel, node: -1, linkBytes: 0)) }
            paragraphLabel = "p"
        }
        func single(_ line: String, label: String) {
            flush()
            var buffer = InlineTextBuffer()
            buffer.append(line)
            let bytes = buffer.finish()
            if !bytes.isEmpty { blocks.append(TextBlock(bytes: bytes, label: label, node: -1, linkBytes: 0)) }
        }

        for rawLine in lines(of: text) {
            let line = rawLine
            let trimmed = line.trimmingSpaces()
            if markdown && trimmed.hasPrefix("```") {
                if var code = preformatted {
                    let bytes = code.finish()
                    if !bytes.isEmpty { blocks.append(TextBlock(bytes: bytes, label: "pre", node: -1, linkBytes: 0)) }
                    preformatted = nil
                } else {
                    flush()
                    preformatted = InlineTextBuffer()
                }
                continue
            }
            if preformatted != nil {
                preformatted?.append(line)
                preformatted?.lineBreak()
                continue
            }
            if trimmed.isEmpty || trimmed.utf8.allSatisfy({ $0 == 0x0C }) {
                flush()
                continue
            }
            if markdown, let heading = markdownHeading(trimmed) {
                single(stripInlineMarkdown(heading), label: "heading")
                continue
            }
            if markdown && (trimmed == "---" || trimmed == "***" || trimmed == "___") {
                flush()
                continue
            }
            if let item = listItem(trimmed) {
                single(markdown ? stripInlineMarkdown(item) : item, label: "list-item")
                continue
            }
            if markdown && trimmed.hasPrefix(">") {
                if paragraphLabel != "quote" { flush() }
                paragraphLabel = "quote"
                paragraph.append(stripInlineMarkdown(String(trimmed.dropFirst())))
                paragraph.append(" ")
                continue
            }
            if paragraphLabel == "quote" { flush() }
            paragraph.append(markdown ? stripInlineMarkdown(line) : line)
            paragraph.append(" ")
        }
        if var code = preformatted {
            let bytes = code.finish()
            if !bytes.isEmpty { blocks.append(TextBlock(bytes: bytes, label: "pre", node: -1, linkBytes: 0)) }
        }
        flush()
        return blocks
    }

    /// Lines split at "\n", "\r\n" and "\r"; form feeds become blank lines.
    private static func lines(of text: String) -> [String] {
        var result: [String] = []
        var current: [UInt8] = []
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 0x0A {
                if previous != 0x0D { result.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
            } else if byte == 0x0D {
                result.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            } else if byte == 0x0C {
                result.append(String(decoding: current, as: UTF8.self))
                result.append("")
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(byte)
            }
            previous = byte
        }
        if !current.isEmpty { result.append(String(decoding: current, as: UTF8.self)) }
        return result
    }

    /// The item when `line` starts with a bullet (`-`, `*`, `+`, `•`) or a number (`1.`, `2)`), marker
    /// kept: it is content (a rank, a step). Bullets become `•`; numbers and letters stay as written.
    static func listItem(_ line: String) -> String? {
        let bytes = Array(line.utf8)
        guard let first = bytes.first else { return nil }
        if (first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+")),
            bytes.count > 2, bytes[1] == 0x20
        {
            return "• " + String(decoding: bytes[2...], as: UTF8.self)
        }
        if line.hasPrefix("• ") { return line }
        var index = 0
        while index < bytes.count, index < 3, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        if index > 0, index + 1 < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")"),
            bytes[index + 1] == 0x20
        {
            return line
        }
        return nil
    }

    private static func markdownHeading(_ line: String) -> String? {
        let bytes = Array(line.utf8)
        var level = 0
        while level < bytes.count, bytes[level] == UInt8(ascii: "#") { level += 1 }
        guard level >= 1, level <= 6, level < bytes.count, bytes[level] == 0x20 else { return nil }
        var end = bytes.count
        while end > level, bytes[end - 1] == UInt8(ascii: "#") || bytes[end - 1] == 0x20 { end -= 1 }
        return String(decoding: bytes[(level + 1)..<max(end, level + 1)], as: UTF8.self)
    }

    /// Removes emphasis markers, inline code ticks, and turns `[text](url)` / `![alt](src)` into text.
    static func stripInlineMarkdown(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "!") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "["):
                index += 1
                continue
            case UInt8(ascii: "["):
                // [text](target) → text; anything else is kept as written.
                if let close = bytes[index...].firstIndex(of: UInt8(ascii: "]")), close + 1 < bytes.count,
                    bytes[close + 1] == UInt8(ascii: "("), let end = bytes[close...].firstIndex(of: UInt8(ascii: ")"))
                {
                    output.append(contentsOf: bytes[(index + 1)..<close])
                    index = end + 1
                    continue
                }
                output.append(byte)
            case UInt8(ascii: "*"), UInt8(ascii: "`"):
                break
            case UInt8(ascii: "_"):
                // Only emphasis underscores at word edges; snake_case stays.
                let before = index > 0 ? bytes[index - 1] : 0x20
                let after = index + 1 < bytes.count ? bytes[index + 1] : 0x20
                if isWordByte(before) && isWordByte(after) { output.append(byte) }
            default:
                output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }
}
