import LectorCore

/// Finds direct speech: the text between typographic double quotes (“…”) or a pair of straight ones
/// ("…"), as a new layer, `quote`.
///
/// A quote never crosses a line break (a paragraph in clean text). Quotes shorter than `min-words`
/// words are scare quotes ("so-called"), not speech, and are skipped. One pass over the UTF-8 bytes.
public struct QuoteStage: Stage {
    /// What a pipeline file may set under `options:`.
    ///
    /// ```yaml
    /// - stage: quotes
    ///   options: { min-words: 3 }
    /// ```
    public struct Options: Decodable, Sendable {
        /// Shortest quote kept, in words (runs of non-space characters).
        public var minWords: Int

        public init(minWords: Int = 3) { self.minWords = minWords }

        enum CodingKeys: String, CodingKey { case minWords = "min-words" }

        /// Every key is optional; each is asked for with `decodeIfPresent` (see `HouseStyleStage.Options`).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            minWords = try container.decodeIfPresent(Int.self, forKey: .minWords) ?? 3
        }
    }

    /// A problem with the options that decoding alone cannot see.
    public struct OptionError: Error, CustomStringConvertible {
        public var description: String
    }

    public static let name = "quotes"
    public static let summary = "Mark direct speech between double quotes (layer quote)."
    public static let optionHelp: [OptionHelp] = [
        OptionHelp("min-words", type: "int", default: "3", "shortest quote kept, in words; shorter ones are scare quotes")
    ]
    public static let defaultProduces: Set<Layer> = [.quote]

    private let minWords: Int

    public init(options: Options) throws {
        guard options.minWords >= 1 else {
            throw OptionError(description: "min-words must be at least 1, found \(options.minWords)")
        }
        self.minWords = options.minWords
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        let bytes = Array(document.text.utf8)
        var quotes: [Annotation] = []
        var open: (index: Int, straight: Bool)?  // where the text of the open quote starts
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                open = nil
            } else if byte == 0x22 {  // "
                if let start = open, start.straight {
                    keep(start.index, index, bytes, into: &quotes)
                    open = nil
                } else if open == nil {
                    open = (index + 1, true)
                }
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 {
                if bytes[index + 2] == 0x9C {  // “
                    open = (index + 3, false)
                } else if bytes[index + 2] == 0x9D, let start = open, !start.straight {  // ”
                    keep(start.index, index, bytes, into: &quotes)
                    open = nil
                }
            }
            index += 1
        }
        document.set(quotes, for: .quote)
    }

    /// Add `start..<end` as a quote when it holds at least `minWords` words.
    private func keep(_ start: Int, _ end: Int, _ bytes: [UInt8], into quotes: inout [Annotation]) {
        guard start < end else { return }
        var words = 0
        var inWord = false
        for byte in bytes[start..<end] {
            let space = byte == 0x20 || byte == 0x09
            if !space && !inWord { words += 1 }
            inWord = !space
        }
        if words >= minWords { quotes.append(Annotation(start, end, label: "quote")) }
    }
}
