import Foundation

/// Rewrites one block of text into Lector's clean form: NFC, no control or zero-width characters,
/// single spaces, at most one line break in a row, no leading or trailing whitespace.
///
/// Works on UTF-8 bytes. Pure-ASCII blocks take a byte fast path; other blocks are NFC-normalised
/// first, then cleaned scalar by scalar. Stateless and `Sendable`.
public struct TextCleaner: Sendable {
    public init() {}

    /// The clean form of `block` (possibly empty).
    public func clean(_ block: Substring) -> String {
        var isASCII = true
        for byte in block.utf8 where byte >= 0x80 {
            isASCII = false
            break
        }
        if isASCII { return cleanASCII(block.utf8) }
        let normalised = String(block).precomposedStringWithCanonicalMapping
        return cleanUnicode(normalised)
    }

    /// Pending whitespace between two kept characters.
    private enum Gap { case none, space, newline }

    private func cleanASCII(_ bytes: Substring.UTF8View) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var gap = Gap.none
        for byte in bytes {
            switch byte {
            case 0x0A, 0x0D, 0x0B, 0x0C:
                gap = .newline
            case 0x20, 0x09:
                if gap == .none { gap = .space }
            case 0x00..<0x20, 0x7F:
                continue
            default:
                flush(gap, into: &output)
                gap = .none
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func flush(_ gap: Gap, into output: inout [UInt8]) {
        guard !output.isEmpty else { return }
        switch gap {
        case .none: break
        case .space: output.append(0x20)
        case .newline: output.append(0x0A)
        }
    }

    private func cleanUnicode(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var gap = Gap.none
        var kept = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                gap = .newline
            case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                if gap == .none { gap = .space }
            case 0x00..<0x20, 0x7F, 0x80...0x9F:
                continue
            // Zero-width space, word joiner, BOM, soft hyphen, directional marks: invisible noise.
            // ZWJ/ZWNJ (U+200C/D) are kept: emoji sequences and several scripts need them.
            case 0x200B, 0x2060, 0xFEFF, 0xAD, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                if kept {
                    switch gap {
                    case .none: break
                    case .space: output.append(" ")
                    case .newline: output.append("\n")
                    }
                }
                gap = .none
                kept = true
                output.append(Self.normalised(scalar))
            }
        }
        return String(output)
    }

    /// Odd variants mapped to the characters the later stages expect; curly quotes stay as they are.
    private static func normalised(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2010, 0x2011: return "-"  // hyphen, non-breaking hyphen
        case 0x00B4, 0x02BC, 0x2032: return "\u{2019}"  // acute accent, modifier apostrophe, prime used as ’
        case 0x201B: return "\u{2018}"
        case 0x201F: return "\u{201C}"
        case 0xFF02: return "\""
        case 0xFF07: return "'"
        case 0x2024: return "."  // one dot leader
        case 0x2026: return scalar
        default: return scalar
        }
    }
}
