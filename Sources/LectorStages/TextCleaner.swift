import Foundation

/// Rewrites one block of text into Lector's clean form: NFC, no control or zero-width characters,
/// single spaces, at most one line break in a row, no leading or trailing whitespace.
///
/// Works on UTF-8 bytes in one pass. Foundation's NFC runs only when the block holds a character
/// that NFC could change (combining marks, singletons such as U+212B, Hangul jamo, Indic scripts);
/// ASCII, Latin-1, Latin Extended, Cyrillic, general punctuation, CJK and emoji are NFC-stable and
/// skip it. Changes beyond NFC: no-break and other Unicode spaces become a space; U+2028/U+2029/U+0085
/// a line break; zero-width space, word joiner, BOM, soft hyphen and directional marks are dropped
/// (ZWJ and ZWNJ stay: emoji and several scripts need them); U+2010/U+2011 become `-`; an acute
/// accent or U+02BC used as an apostrophe becomes `’`; curly quotes stay as they are.
/// Stateless and `Sendable`.
public struct TextCleaner: Sendable {
    public init() {}

    /// The clean form of `block` (possibly empty).
    public func clean(_ block: Substring) -> String {
        // Fast path: printable ASCII with single inner spaces is already clean.
        if block.utf8.withContiguousStorageIfAvailable(Self.isCleanASCII) == true { return String(block) }
        var utf8 = block.utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(block.utf8)
        if Self.needsNormalization(utf8) {
            utf8 = Array(String(decoding: utf8, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
        }
        return String(decoding: cleanBytes(utf8), as: UTF8.self)
    }

    /// Printable ASCII, no leading, trailing or doubled spaces.
    static func isCleanASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
        var previousWasSpace = false
        for byte in bytes {
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else {
                if byte < 0x21 || byte > 0x7E { return false }
                previousWasSpace = false
            }
        }
        return true
    }

    /// Pending whitespace between two kept characters.
    private enum Gap { case none, space, newline }

    /// Whether some scalar might change under NFC (conservative: unsure ranges say yes).
    static func needsNormalization(_ bytes: [UInt8]) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let second: UInt8 = index + 1 < count ? bytes[index + 1] : 0
            let third: UInt8 = index + 2 < count ? bytes[index + 2] : 0
            switch lead {
            case 0xC2...0xCB, 0xD0...0xD4:
                index += 2  // Latin-1, Latin Extended, IPA, spacing modifiers, Cyrillic
            case 0xE2:
                // Ohm, Kelvin and Angstrom signs; angle brackets U+2329/U+232A
                if second == 0x84 && (third == 0xA6 || third == 0xAA || third == 0xAB) { return true }
                if second == 0x8C && (third == 0xA9 || third == 0xAA) { return true }
                index += 3
            case 0xE3:
                if second == 0x82 && (third == 0x99 || third == 0x9A) { return true }  // kana voicing marks
                index += 3
            case 0xE4...0xED:
                index += 3  // CJK ideographs, Yi, Hangul syllables
            case 0xEF:
                if second >= 0xA4 && second <= 0xAD { return true }  // compatibility ideographs, Hebrew forms
                index += 3
            case 0xF0:
                if second == 0x9D || second == 0xAF { return true }  // musical symbols, CJK supplement
                index += 4
            case 0xF1...0xF4:
                index += 4
            default:
                return true  // combining marks, Greek, Hebrew, Arabic, Indic, Hangul jamo, invalid bytes
            }
        }
        return false
    }

    private func cleanBytes(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var gap = Gap.none
        var index = 0
        let count = bytes.count

        func keep(_ kept: some Collection<UInt8>) {
            if !output.isEmpty {
                switch gap {
                case .none: break
                case .space: output.append(0x20)
                case .newline: output.append(0x0A)
                }
            }
            gap = .none
            output.append(contentsOf: kept)
        }

        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case 0x0A, 0x0D, 0x0B, 0x0C: gap = .newline
                case 0x20, 0x09: if gap == .none { gap = .space }
                case 0x00..<0x20, 0x7F: break
                default:
                    if gap != .none, !output.isEmpty { output.append(gap == .space ? 0x20 : 0x0A) }
                    gap = .none
                    output.append(byte)
                }
                index += 1
                continue
            }
            let length = Self.sequenceLength(bytes, at: index)
            let second: UInt8 = length > 1 ? bytes[index + 1] : 0
            let third: UInt8 = length > 2 ? bytes[index + 2] : 0
            switch (byte, second, third) {
            case (0xC2, 0x85, _), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9):
                gap = .newline  // NEL, line and paragraph separators
            case (0xC2, 0xA0, _), (0xE1, 0x9A, 0x80), (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xAF),
                (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80):
                if gap == .none { gap = .space }  // no-break and other Unicode spaces
            case (0xC2, 0x80...0x9F, _), (0xC2, 0xAD, _), (0xE2, 0x80, 0x8B), (0xE2, 0x80, 0x8E), (0xE2, 0x80, 0x8F),
                (0xE2, 0x80, 0xAA...0xAE), (0xE2, 0x81, 0xA0), (0xE2, 0x81, 0xA6...0xA9), (0xEF, 0xBB, 0xBF):
                break  // C1 controls, soft hyphen, zero-width and directional marks, BOM
            case (0xE2, 0x80, 0x90), (0xE2, 0x80, 0x91):
                keep(CollectionOfOne(0x2D))  // hyphen, non-breaking hyphen
            case (0xC2, 0xB4, _), (0xCA, 0xBC, _):
                keep([0xE2, 0x80, 0x99])  // acute accent or modifier letter used as an apostrophe
            case (0xE2, 0x80, 0x9B):
                keep([0xE2, 0x80, 0x98])
            case (0xE2, 0x80, 0x9F):
                keep([0xE2, 0x80, 0x9C])
            case (0xE2, 0x80, 0xA4):
                keep(CollectionOfOne(0x2E))  // one dot leader
            case (0xEF, 0xBC, 0x82):
                keep(CollectionOfOne(0x22))  // fullwidth quotation mark
            case (0xEF, 0xBC, 0x87):
                keep(CollectionOfOne(0x27))  // fullwidth apostrophe
            default:
                if length == 0 {
                    keep([0xEF, 0xBF, 0xBD])  // an invalid byte becomes U+FFFD
                } else {
                    keep(bytes[index..<(index + length)])
                }
            }
            index += max(length, 1)
        }
        return output
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 when it is invalid or truncated.
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }
}
