/// Guesses a text's language from its function words, letters and word endings, for documents that
/// do not declare one. Returns an ISO 639-1 code (en de fr es it pt nl pl), or nil without evidence.
///
/// Each lower-case function word votes for the languages that use it, split evenly among them ("de"
/// is Dutch, French, Spanish and Portuguese); a capitalised word never votes, so names such as "Van"
/// or "Dan" stay neutral. Letters (ß, ñ, ł, ã…) and endings (-zione, -ción, -lijk, -keit…) add
/// smaller votes. Works on UTF-8 bytes over the first `byteLimit` bytes; no allocation per word
/// beyond a small key buffer. Measured by `lector eval languages --suite`.
public enum LanguageGuesser {
    /// Bytes of text looked at (the start of the document is enough evidence).
    public static let byteLimit = 8_000

    /// The most likely language of `text`, or nil when nothing in it speaks for any language.
    public static func guess(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { guess(bytes: $0) }
    }

    /// The same over UTF-8 bytes.
    public static func guess(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let scores = self.scores(bytes: bytes)
        guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[best] > 0 else { return nil }
        return LanguageProfiles.codes[best]
    }

    /// The score of each language in `LanguageProfiles.codes` order.
    static func scores(bytes: UnsafeBufferPointer<UInt8>) -> [Double] {
        var scores = [Double](repeating: 0, count: LanguageProfiles.codes.count)
        let end = min(bytes.count, byteLimit)
        var key: [UInt8] = []
        key.reserveCapacity(32)
        var index = 0
        while index < end {
            guard isLetterStart(bytes, index) else {
                index += 1
                continue
            }
            // One word: a run of ASCII letters and two-byte Latin letters (U+00C0–U+017F).
            key.removeAll(keepingCapacity: true)
            let capitalised = isUpper(bytes, index)
            while index < end, isLetterStart(bytes, index) {
                let byte = bytes[index]
                if byte < 0x80 {
                    key.append(byte | 0x20)
                    index += 1
                } else {
                    guard index + 1 < end else { index = end; break }
                    let next = bytes[index + 1]
                    key.append(byte)
                    // Latin-1 capitals (U+00C0–U+00DE but ×) lower-case by adding 0x20 to the second byte.
                    key.append(byte == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next)
                    if let cue = LanguageProfiles.letterCue(byte, key[key.count - 1]) {
                        for (language, weight) in cue { scores[language] += weight }
                    }
                    index += 2
                }
            }
            guard !capitalised, key.count <= 24 else { continue }
            let word = String(decoding: key, as: UTF8.self)
            if let votes = LanguageProfiles.functionWords[word] {
                for (language, weight) in votes { scores[language] += weight }
            } else if let votes = LanguageProfiles.endingVotes(key) {
                for (language, weight) in votes { scores[language] += weight }
            }
        }
        return scores
    }

    /// Whether a letter starts at `index`: an ASCII letter, or a lead byte of U+00C0–U+017F followed by
    /// a continuation byte (excluding × and ÷).
    @inline(__always)
    private static func isLetterStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        guard byte >= 0xC3 && byte <= 0xC5, index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        guard next >= 0x80 && next <= 0xBF else { return false }
        return !(byte == 0xC3 && (next == 0x97 || next == 0xB7)) && !(byte == 0xC3 && next < 0x80)
    }

    @inline(__always)
    private static func isUpper(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return byte >= 0x41 && byte <= 0x5A }
        return byte == 0xC3 && index + 1 < bytes.count && bytes[index + 1] <= 0x9E
    }
}
