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
    ///
    /// Lower-casing keeps every byte count, so a key is its word's bytes with capitals lowered: the
    /// hash is computed while scanning, and a key is copied from the text only once per word (straight
    /// from the bytes when nothing was lowered).
    package static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> [Word] {
        let end = min(max(to, 0), bytes.count)
        var index = min(max(from, 0), end)
        var words: [Word] = []
        words.reserveCapacity((end - index) / 6 + 1)
        var wordStart = -1
        var hash = FeatureHash.offsetBasis
        var lowered = false
        func finish(at position: Int) {
            guard wordStart >= 0 else { return }
            let first = bytes[wordStart]
            let capitalized =
                (first >= 0x41 && first <= 0x5A)
                || (first == 0xC3 && wordStart + 1 < position && isLatin1Capital(bytes[wordStart + 1]))
            let span = UnsafeBufferPointer(rebasing: bytes[wordStart..<position])
            let key = lowered ? lowerCased(span) : String(decoding: span, as: UTF8.self)
            words.append(Word(start: wordStart, end: position, key: key, hash: hash, capitalized: capitalized))
            wordStart = -1
            hash = FeatureHash.offsetBasis
            lowered = false
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
                if byte <= 0x5A && byte >= 0x41 {
                    hash = FeatureHash.step(hash, lower)
                    lowered = true
                } else {
                    hash = FeatureHash.step(hash, byte)
                }
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
                hash = FeatureHash.step(FeatureHash.step(hash, byte), bytes[index + 1] + 0x20)
                lowered = true
                index += 2
                continue
            }
            while index < stop {
                hash = FeatureHash.step(hash, bytes[index])
                index += 1
            }
        }
        finish(at: end)
        return words
    }

    /// A word's bytes lower-cased as `scan` lowers them (ASCII capitals; À–Þ but ×).
    private static func lowerCased(_ span: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: span.count) { buffer in
            var index = 0
            while index < span.count {
                let byte = span[index]
                if byte <= 0x5A && byte >= 0x41 {
                    buffer[index] = byte | 0x20
                } else if byte == 0xC3, index + 1 < span.count, isLatin1Capital(span[index + 1]) {
                    buffer[index] = byte
                    buffer[index + 1] = span[index + 1] + 0x20
                    index += 1
                } else {
                    buffer[index] = byte
                }
                index += 1
            }
            return span.count
        }
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
