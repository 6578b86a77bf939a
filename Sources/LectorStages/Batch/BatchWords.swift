/// Word scanning and hashing on UTF-8 bytes for the batch algorithms (duplicates, stories).
///
/// A word is a run of ASCII letters and digits and of non-ASCII characters other than common Unicode
/// punctuation (general punctuation U+2000–U+206F, no-break space, guillemets, inverted marks). ASCII
/// letters are lower-cased; other characters are kept as written. An apostrophe between letters stays
/// inside the word ("don't"). Stateless and allocation-free per word.
enum BatchWords {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Calls `body` with each word's lower-cased bytes (a scratch buffer, valid only during the call) in
    /// text order.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var word: [UInt8] = []
            word.reserveCapacity(32)
            var index = 0
            let limit = bytes.count
            func flush() {
                guard !word.isEmpty else { return }
                word.withUnsafeBufferPointer(body)
                word.removeAll(keepingCapacity: true)
            }
            while index < limit {
                let byte = bytes[index]
                if byte < 0x80 {
                    if UTF8Scanning.isAlphanumeric(byte) {
                        word.append(UTF8Scanning.isUpper(byte) ? byte | 0x20 : byte)
                    } else if byte == 0x27, !word.isEmpty, index + 1 < limit, UTF8Scanning.isLetter(bytes[index + 1]) {
                        word.append(byte)
                    } else {
                        flush()
                    }
                    index += 1
                    continue
                }
                let length = punctuationLength(bytes, at: index)
                if length > 0 {
                    // A right single quote between letters is an apostrophe: keep the word whole.
                    if length == 3, bytes[index + 2] == 0x99, !word.isEmpty, index + 3 < limit,
                        UTF8Scanning.isLetter(bytes[index + 3])
                    {
                        word.append(0x27)
                    } else {
                        flush()
                    }
                    index += length
                    continue
                }
                word.append(byte)
                index += 1
            }
            flush()
        }
    }

    /// The length of the non-ASCII punctuation or space at `index` (0 when it is a word character).
    @inline(__always)
    static func punctuationLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
            return 3  // U+2000–U+207F: spaces, dashes, quotes, bullets, ellipsis
        }
        if lead == 0xC2, index + 1 < bytes.count {
            switch bytes[index + 1] {
            case 0xA0, 0xAB, 0xBB, 0xA1, 0xBF, 0xB7, 0xA7, 0xB6: return 2
            default: return 0
            }
        }
        if lead == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] <= 0x82 {
            return 3  // ideographic space, comma, full stop
        }
        return 0
    }

    /// 64-bit FNV-1a of `bytes`.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// 64-bit FNV-1a of a string's UTF-8 bytes.
    static func hash(_ text: String) -> UInt64 {
        var hash = offsetBasis
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }

    /// A strong 64-bit mix (SplitMix64's finaliser): spreads FNV's weak low bits before MinHash and banding.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
