import LectorCore

/// Finds words inside a span of a document's text, from the `.token` layer when it exists, else by
/// a cheap scan of the UTF-8 bytes.
///
/// A word is a run of ASCII letters and digits and of non-ASCII characters other than the common
/// Unicode punctuation (dashes, curly quotes, ellipsis, no-break space, guillemets). Keys are
/// lower-cased (ASCII and the Latin-1 capitals À–Þ, so "Über" and "État" meet their stop words and
/// stemmers). Stateless: one value serves every lane.
package struct WordScanner: Sendable {
    /// One word: its byte range and lower-cased key.
    package struct Word {
        package var start: Int
        package var end: Int
        package var key: String
        /// FNV-1a hash of `key`'s bytes, for per-document tables that should not re-hash strings (a
        /// 64-bit collision would merge two words' counts).
        package var hash: UInt64
        /// The first letter is an upper-case ASCII or Latin-1 letter.
        var capitalized: Bool
    }

    /// The words of every range, one list per range (ranges sorted, as sentence layers are).
    static func words(in ranges: [TextRange], of document: Document) -> [[Word]] {
        let tokens = document.annotations(.token)
        var text = document.text
        return text.withUTF8 { bytes in
            if document.has(.token) {
                return fromTokens(tokens, ranges: ranges, bytes: bytes)
            }
            return ranges.map { scan(bytes, from: $0.start, to: $0.end) }
        }
    }

    private static func fromTokens(
        _ tokens: [Annotation], ranges: [TextRange], bytes: UnsafeBufferPointer<UInt8>
    ) -> [[Word]] {
        var result: [[Word]] = []
        result.reserveCapacity(ranges.count)
        var cursor = 0
        for range in ranges {
            // Tokens are sorted: move to the first token that does not end before this range.
            var low = 0
            var high = tokens.count
            while low < high {
                let middle = (low + high) / 2
                if tokens[middle].range.start < range.start { low = middle + 1 } else { high = middle }
            }
            cursor = low
            var words: [Word] = []
            while cursor < tokens.count, tokens[cursor].range.start < range.end {
                let token = tokens[cursor]
                cursor += 1
                guard token.label == "word" || token.label == "number" || token.label.isEmpty,
                    token.range.end <= range.end
                else { continue }
                // A token may hold a possessive or inner punctuation: take its word parts.
                words.append(contentsOf: scan(bytes, from: token.range.start, to: token.range.end))
            }
            result.append(words)
        }
        return result
    }

    /// The words in `bytes[from..<to]` (bounds clamped to the buffer).
    package static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> [Word] {
        var words: [Word] = []
        let end = min(max(to, 0), bytes.count)
        var index = min(max(from, 0), end)
        var wordStart = -1
        var key: [UInt8] = []
        key.reserveCapacity(32)
        func finish(at position: Int) {
            if wordStart >= 0 {
                let first = bytes[wordStart]
                let capitalized =
                    (first >= 0x41 && first <= 0x5A)
                    || (first == 0xC3 && wordStart + 1 < position && isLatin1Capital(bytes[wordStart + 1]))
                words.append(
                    Word(
                        start: wordStart, end: position, key: String(decoding: key, as: UTF8.self),
                        hash: FeatureHash.hash(key[...]), capitalized: capitalized))
                key.removeAll(keepingCapacity: true)
                wordStart = -1
            }
        }
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                let lower = byte | 0x20
                let isLetter = (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x7A)
                if !isLetter {
                    finish(at: index)
                    index += 1
                    continue
                }
                if wordStart < 0 { wordStart = index }
                key.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
                continue
            }
            let separator = punctuationLength(bytes, at: index, end: end)
            if separator > 0 {
                finish(at: index)
                index += separator
                continue
            }
            // A whole non-ASCII character (lead byte and its continuation bytes) belongs to the word.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            let stop = min(index + length, end)
            if wordStart < 0 { wordStart = index }
            if byte == 0xC3, index + 1 < stop, isLatin1Capital(bytes[index + 1]) {
                // À–Þ (but not ×) lower-case to à–þ: the second byte moves up by 0x20.
                key.append(byte)
                key.append(bytes[index + 1] + 0x20)
                index += 2
                continue
            }
            while index < stop {
                key.append(bytes[index])
                index += 1
            }
        }
        finish(at: end)
        return words
    }

    /// Whether `second`, after a 0xC3 lead byte, makes a Latin-1 capital letter (U+00C0–U+00DE but U+00D7 ×).
    @inline(__always)
    private static func isLatin1Capital(_ second: UInt8) -> Bool { second >= 0x80 && second <= 0x9E && second != 0x97 }

    /// Length of the punctuation character at `index` (0 if it is a letter or other text).
    private static func punctuationLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        let byte = bytes[index]
        if byte == 0xC2, index + 1 < end {
            let next = bytes[index + 1]
            // U+00A0 no-break space, U+00A2–U+00A9 currency and other signs, U+00AB/U+00BB guillemets,
            // U+00B7 middle dot.
            if (next >= 0xA0 && next <= 0xA9) || next == 0xAB || next == 0xBB || next == 0xB7 { return 2 }
            return 0
        }
        if byte == 0xE2, index + 2 < end {
            // U+2000–U+203F: spaces, dashes, quotes, bullets, ellipsis; U+20AC: the euro sign.
            if bytes[index + 1] == 0x80 || (bytes[index + 1] == 0x82 && bytes[index + 2] == 0xAC) { return 3 }
        }
        if byte >= 0x80 && byte < 0xC0 {
            // A stray continuation byte (cannot start a character): a separator.
            return 1
        }
        return 0
    }
}
