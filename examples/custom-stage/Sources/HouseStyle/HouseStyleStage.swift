import LectorCore

/// Flags every use of a word or phrase the house style guide bans ("utilise", "going forward"),
/// one annotation per use, in the `style-issue` layer.
///
/// Matching is by whole words (see `WordScanner`): a banned entry of several words matches those
/// words in sequence. Where the entry has spaces between two words, the text may have any run of
/// whitespace, so "going forward" matches across a line break but not across a full stop; anything
/// else between the entry's words must appear as it is ("game-changer" matches "Game-changer", not
/// "game changer"). When two entries start at the same word, the longer one wins.
///
/// All lookup tables are built once in `init`; `process` keeps no state, so one value serves every
/// lane. Cost per document: one pass over the text's UTF-8 bytes plus one dictionary lookup per word.
public struct HouseStyleStage: Stage {
    /// What a pipeline file may set under `options:`.
    ///
    /// ```yaml
    /// - stage: house-style
    ///   options:
    ///     banned: [utilise, "going forward", basically]
    ///     case-sensitive: false
    ///     label: banned-word
    /// ```
    public struct Options: Decodable, Sendable {
        /// Words and phrases to flag. An entry of several words is a phrase.
        public var banned: [String]
        /// Match case exactly (`true`) or fold ASCII letters (`false`, the default).
        public var caseSensitive: Bool
        /// The label of each annotation.
        public var label: String

        /// Used when the pipeline file gives no `banned` list.
        public static let defaultBanned = ["basically", "going forward", "utilise", "utilize", "very unique"]

        public init(
            banned: [String] = Options.defaultBanned, caseSensitive: Bool = false, label: String = "banned-word"
        ) {
            self.banned = banned
            self.caseSensitive = caseSensitive
            self.label = label
        }

        enum CodingKeys: String, CodingKey {
            case banned
            case caseSensitive = "case-sensitive"
            case label
        }

        /// Every key is optional. Each one is asked for with `decodeIfPresent`, which also tells
        /// Lector's decoder which keys this type knows: any other key in the file is reported as
        /// unknown, with its line number.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init()
            banned = try container.decodeIfPresent([String].self, forKey: .banned) ?? Self.defaultBanned
            caseSensitive = try container.decodeIfPresent(Bool.self, forKey: .caseSensitive) ?? false
            label = try container.decodeIfPresent(String.self, forKey: .label) ?? "banned-word"
        }
    }

    /// A problem with the options that decoding alone cannot see.
    public enum OptionError: Error, CustomStringConvertible {
        case noWords(entry: String)
        case emptyLabel

        public var description: String {
            switch self {
            case .noWords(let entry): "banned entry \"\(entry)\" has no words to match"
            case .emptyLabel: "label must not be empty"
            }
        }
    }

    public static let name = "house-style"
    public static let summary = "Flag words and phrases the house style guide bans (layer style-issue)."
    public static let optionHelp: [OptionHelp] = [
        OptionHelp(
            "banned", type: "list of strings", default: Options.defaultBanned.joined(separator: ", "),
            "words and phrases to flag; an entry of several words is a phrase"),
        OptionHelp("case-sensitive", type: "bool", default: "false", "match case exactly instead of folding A–Z"),
        OptionHelp("label", type: "string", default: "banned-word", "label of each style-issue annotation"),
    ]
    public static let defaultProduces: Set<Layer> = [.styleIssue]

    /// A banned entry split into word keys, with what must stand between consecutive words.
    private struct Phrase: Sendable {
        var keys: [String]
        /// `gaps[i]` is what lies between word `i` and word `i + 1` in the entry; nil for whitespace.
        var gaps: [String?]
        var entry: String
    }

    /// Phrases by the key of their first word, longest first.
    private let phrasesByFirstWord: [String: [Phrase]]
    private let scanner: WordScanner
    private let label: String

    public init(options: Options) throws {
        guard !options.label.isEmpty else { throw OptionError.emptyLabel }
        let scanner = WordScanner(foldsCase: !options.caseSensitive)
        var table: [String: [Phrase]] = [:]
        for entry in options.banned {
            let words = scanner.words(in: entry)
            guard let first = words.first?.key else { throw OptionError.noWords(entry: entry) }
            let gaps = zip(words, words.dropFirst()).map { left, right -> String? in
                let gap = Self.slice(of: entry, from: left.range.end, to: right.range.start)
                return gap.allSatisfy(Self.isWhitespace) ? nil : String(decoding: gap, as: UTF8.self)
            }
            table[first, default: []].append(Phrase(keys: words.map(\.key), gaps: gaps, entry: entry))
        }
        for (first, phrases) in table {
            table[first] = phrases.sorted { $0.keys.count > $1.keys.count }
        }
        self.phrasesByFirstWord = table
        self.scanner = scanner
        self.label = options.label
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        let words = scanner.words(in: document.text)
        var issues: [Annotation] = []
        var index = 0
        while index < words.count {
            if index % 4096 == 4095 { try context.checkDeadline() }
            guard let candidates = phrasesByFirstWord[words[index].key],
                let phrase = candidates.first(where: { matches($0, at: index, in: words, text: document.text) })
            else {
                index += 1
                continue
            }
            let last = index + phrase.keys.count - 1
            let range = TextRange(start: words[index].range.start, end: words[last].range.end)
            issues.append(Annotation(range: range, label: label, attributes: ["rule": phrase.entry]))
            index = last + 1
        }
        document.set(issues, for: .styleIssue)
    }

    /// Whether `phrase` matches the words from `index` on, with the right gaps between them.
    private func matches(_ phrase: Phrase, at index: Int, in words: [WordScanner.Word], text: String) -> Bool {
        guard index + phrase.keys.count <= words.count else { return false }
        for (offset, expectedGap) in zip(1..., phrase.gaps) {
            let word = words[index + offset]
            guard word.key == phrase.keys[offset] else { return false }
            let gap = Self.slice(of: text, from: words[index + offset - 1].range.end, to: word.range.start)
            if let expectedGap {
                guard gap.elementsEqual(expectedGap.utf8) else { return false }
            } else {
                guard gap.allSatisfy(Self.isWhitespace) else { return false }
            }
        }
        return true
    }

    /// The UTF-8 bytes of `text` in `start..<end` (offsets that came from scanning `text`).
    private static func slice(of text: String, from start: Int, to end: Int) -> Substring.UTF8View {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        let upper = utf8.index(utf8.startIndex, offsetBy: end)
        return text[lower..<upper].utf8
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
