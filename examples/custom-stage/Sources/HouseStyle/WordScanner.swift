import LectorCore

/// Splits text into words on its UTF-8 bytes, for matching against a word list.
///
/// A word is a run of ASCII letters and digits and of non-ASCII characters, except the spaces,
/// dashes and quotes of U+2000–U+207F (General Punctuation, super- and subscripts), the no-break
/// space and the guillemets. An apostrophe (`'` or `’`) between two word characters stays inside the word
/// (`don’t`, `O'Connell`); hyphens split words. Keys are folded when asked: ASCII letters are
/// lower-cased and `’` becomes `'`, so `Don’t` and `don't` meet. Folding is ASCII-only on purpose:
/// an English style guide needs nothing more, and it keeps the scan a single pass over bytes.
struct WordScanner: Sendable {
    /// One word: where it is (UTF-8 offsets into the text) and its comparison key.
    struct Word: Sendable {
        var range: TextRange
        var key: String
    }

    /// Whether keys are case-folded (see the type's comment).
    var foldsCase: Bool

    /// Every word of `text`, in order.
    func words(in text: String) -> [Word] {
        if let words = text.utf8.withContiguousStorageIfAvailable({ scan($0) }) { return words }
        return Array(text.utf8).withUnsafeBufferPointer { scan($0) }
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Word] {
        var words: [Word] = []
        var key: [UInt8] = []
        var start = -1  // start of the current word, -1 outside a word
        var index = 0
        while index < bytes.count {
            let width = Self.scalarWidth(bytes, at: index)
            let kind = Self.kind(bytes, at: index, width: width)
            switch kind {
            case .word:
                if start < 0 { start = index }
                for offset in index..<(index + width) {
                    let byte = bytes[offset]
                    key.append(foldsCase && byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                }
            case .apostrophe where start >= 0 && index + width < bytes.count:
                let next = Self.kind(bytes, at: index + width, width: Self.scalarWidth(bytes, at: index + width))
                if next == .word {
                    key.append(foldsCase ? 0x27 : bytes[index])
                    if !foldsCase && width > 1 { key.append(contentsOf: bytes[(index + 1)..<(index + width)]) }
                } else {
                    finish(&words, &key, &start, end: index)
                }
            case .apostrophe, .separator:
                finish(&words, &key, &start, end: index)
            }
            index += width
        }
        finish(&words, &key, &start, end: bytes.count)
        return words
    }

    private func finish(_ words: inout [Word], _ key: inout [UInt8], _ start: inout Int, end: Int) {
        guard start >= 0 else { return }
        words.append(Word(range: TextRange(start: start, end: end), key: String(decoding: key, as: UTF8.self)))
        key.removeAll(keepingCapacity: true)
        start = -1
    }

    private enum Kind { case word, apostrophe, separator }

    /// Bytes taken by the scalar starting at `index` (1 for a stray continuation byte; never past the end).
    private static func scalarWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let width: Int
        switch lead {
        case 0xF0...0xF7: width = 4
        case 0xE0...0xEF: width = 3
        case 0xC0...0xDF: width = 2
        default: width = 1
        }
        return min(width, bytes.count - index)
    }

    private static func kind(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, width: Int) -> Kind {
        let lead = bytes[index]
        if lead < 0x80 {
            switch lead {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return .word
            case 0x27: return .apostrophe
            default: return .separator
            }
        }
        if width == 2 {
            // U+00A0 no-break space, U+00AB and U+00BB guillemets.
            if lead == 0xC2, [0xA0, 0xAB, 0xBB].contains(bytes[index + 1]) { return .separator }
        }
        if width == 3, lead == 0xE2, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
            // U+2000–U+207F: spaces, dashes, quotes, ellipsis. U+2019 is the typographic apostrophe.
            return bytes[index + 1] == 0x80 && bytes[index + 2] == 0x99 ? .apostrophe : .separator
        }
        return .word
    }
}
