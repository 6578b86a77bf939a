/// Recognises short photo-credit and source lines ("Foto: dpa", "© Getty Images", "Quelle: THW"):
/// captions and credits, not article text.
///
/// Byte-level: a cue counts at the start of the line or after a space, "(", "|" or "/", so
/// "UniCredit:" or "Blue-Marble-Foto:" do not; "©" counts anywhere.
enum CreditLine {
    /// Lines longer than this are prose that happens to name a source.
    static let maxBytes = 150

    private static let cues: [[UInt8]] = [
        "Foto:", "Fotos:", "Photo:", "Photos:", "Photo by", "Photo Credit", "Bild:", "Bilder:", "Bildquelle:", "Image:",
        "Quelle:", "Credit:", "Credits:", "Crédit", "Getty Images", "iStock", "Shutterstock", "shutterstock", "Fotolia",
        "Pixabay", "Unsplash", "Foto (c)", "Foto(c)",
    ].map { Array($0.utf8) }

    private static let copyright: [UInt8] = [0xC2, 0xA9]

    /// Whether `bytes` (one block's UTF-8 text) is a short credit or source line.
    static func isCredit(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= maxBytes else { return false }
        if contains(bytes, copyright, boundary: false) { return true }
        for cue in cues where contains(bytes, cue, boundary: true) { return true }
        return false
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8], boundary: Bool) -> Bool {
        guard let first = needle.first, needle.count <= bytes.count else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) {
                if !boundary || index == 0 { return true }
                let before = bytes[index - 1]
                if before == 0x20 || before == UInt8(ascii: "(") || before == UInt8(ascii: "|") || before == UInt8(ascii: "/") {
                    return true
                }
            }
            index += 1
        }
        return false
    }
}
