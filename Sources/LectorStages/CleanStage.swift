import LectorCore

/// `clean`: normalises the text (NFC, whitespace, control and zero-width characters) block by block,
/// drops empty blocks and rebuilds `text` with blocks joined by one blank line.
///
/// It rewrites `text`, so it must run first: every layer is dropped and `.paragraph` is rebuilt,
/// keeping each block's label. Without a `.paragraph` layer, blocks are the runs of text between
/// blank lines, labelled `p`.
///
/// Its options `extract` and `bias` say what the reader keeps of an HTML page; the run reads them
/// from the pipeline file before any document is read (the stage itself only cleans text).
public struct CleanStage: Stage {
    /// What an HTML page keeps.
    public enum Extract: String, Sendable, CaseIterable {
        /// The main content only (navigation, teasers, comments and footers removed).
        case article
        /// Every visible block of the page.
        case full
    }

    /// Which error main-content extraction prefers to avoid.
    public enum Bias: String, Sendable, CaseIterable {
        /// Drop doubtful blocks: less boilerplate, may lose some article text.
        case precision
        /// The default trade-off.
        case balanced
        /// Keep doubtful blocks: more article text, may keep some boilerplate.
        case recall
    }

    /// Options from the pipeline file.
    public struct Options: Decodable, Sendable, Equatable {
        /// What an HTML page keeps: `article` (default) or `full`.
        public var extract: Extract = .article
        /// Precision/recall trade-off of article extraction: `precision`, `balanced` (default), `recall`.
        public var bias: Bias = .balanced

        public init(extract: Extract = .article, bias: Bias = .balanced) {
            self.extract = extract
            self.bias = bias
        }

        enum CodingKeys: String, CodingKey {
            case extract, bias
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            extract = try Self.choice(Extract.self, .extract, in: container) ?? .article
            bias = try Self.choice(Bias.self, .bias, in: container) ?? .balanced
        }

        private static func choice<Value: RawRepresentable & CaseIterable>(
            _ type: Value.Type, _ key: CodingKeys, in container: KeyedDecodingContainer<CodingKeys>
        ) throws -> Value? where Value.RawValue == String {
            guard let raw = try container.decodeIfPresent(String.self, forKey: key) else { return nil }
            guard let value = Value(rawValue: raw) else {
                let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: container, debugDescription: "expected one of \(allowed), found '\(raw)'")
            }
            return value
        }
    }

    public static let name = "clean"
    public static let summary = "Normalise text (NFC, whitespace, control characters); rebuild paragraphs."
    public static var optionHelp: [OptionHelp] {
        [
            OptionHelp(
                "extract", type: "article|full", default: "article",
                "what the reader keeps of an HTML page: the main content, or every visible block"),
            OptionHelp(
                "bias", type: "precision|balanced|recall", default: "balanced",
                "article extraction's trade-off: drop doubtful blocks (precision) or keep them (recall)"),
        ]
    }
    public static var defaultProduces: Set<Layer> { [.paragraph] }

    /// The options the stage was built with (the reader settings of the run).
    public let options: Options
    private let cleaner = TextCleaner()

    public init(options: Options) {
        self.options = options
    }

    public init() {
        options = Options()
    }

    /// `clean` replaces `text`: the pipeline places it before every stage that adds a layer.
    public static var rewritesText: Bool { true }

    public func process(_ document: inout Document, context: StageContext) throws {
        let blocks = Self.blocks(of: document)
        var text = ""
        text.reserveCapacity(document.text.utf8.count)
        var paragraphs: [Annotation] = []
        paragraphs.reserveCapacity(blocks.count)
        for (range, label) in blocks {
            let clean = cleaner.clean(Self.substring(of: document.text, in: range))
            guard !clean.isEmpty else { continue }
            if !text.isEmpty { text += "\n\n" }
            let start = text.utf8.count
            text += clean
            paragraphs.append(Annotation(start, text.utf8.count, label: label))
        }
        document.text = text
        document.removeAllLayers()
        document.set(paragraphs, for: .paragraph)
    }

    /// The blocks to clean: the existing `.paragraph` layer, or blank-line-separated runs.
    static func blocks(of document: Document) -> [(TextRange, String)] {
        let limit = document.text.utf8.count
        if document.has(.paragraph) {
            return document.annotations(.paragraph).compactMap { annotation in
                let start = min(max(annotation.start, 0), limit)
                let end = min(max(annotation.end, start), limit)
                return (TextRange(start: start, end: end), annotation.label.isEmpty ? "p" : annotation.label)
            }
        }
        var blocks: [(TextRange, String)] = []
        var blockStart = 0
        var lineStart = 0
        var lineIsBlank = true
        var text = document.text
        text.withUTF8 { bytes in
            var offset = 0
            let count = bytes.count
            while offset < count {
                let byte = bytes[offset]
                if byte == 0x0A {
                    if lineIsBlank {
                        if lineStart > blockStart {
                            blocks.append((TextRange(start: blockStart, end: lineStart), "p"))
                        }
                        blockStart = offset + 1
                    }
                    lineStart = offset + 1
                    lineIsBlank = true
                } else if lineIsBlank, byte != 0x20 && byte != 0x09 && byte != 0x0D {
                    lineIsBlank = false
                }
                offset += 1
            }
        }
        if limit > blockStart { blocks.append((TextRange(start: blockStart, end: limit), "p")) }
        return blocks
    }

    /// `text[range]` by UTF-8 offsets; a range that splits a scalar is rounded down to a scalar
    /// boundary, never a crash.
    static func substring(of text: String, in range: TextRange) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.start)
        let end = utf8.index(utf8.startIndex, offsetBy: range.end)
        return text[start..<end]
    }
}
