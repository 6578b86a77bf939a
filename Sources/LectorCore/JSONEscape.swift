/// JSON's one-letter string escapes, shared by every JSON reader in Lector.
public enum JSONEscape {
    /// The byte that `\` + `letter` stands for (`n` → newline, `"` → quote, …), or nil for `u`
    /// (a `\uXXXX` escape, which the caller decodes) and for letters JSON does not define.
    @inlinable
    public static func byte(forLetter letter: UInt8) -> UInt8? {
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return letter
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        default: return nil
        }
    }
}
