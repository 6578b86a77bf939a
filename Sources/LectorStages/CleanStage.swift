import LectorCore

/// `clean`: normalises the text (NFC, whitespace, control and zero-width characters) block by block,
/// drops empty blocks and rebuilds `text` with blocks joined by one blank line.
///
/// It rewrites `text`, so it must run first: every layer is dropped and `.paragraph` is rebuilt,
/// keeping each block's label. Without a `.paragraph` layer, blocks are the runs of text between
/// blank lines, labelled `p`.
///
/// What the reader keeps of an HTML page (`extract`, `bias`) is set in the pipeline's `reader:` section,
/// not here: this stage only cleans text.
public struct CleanStage: Stage {
    /// Options from the pipeline file: none (reader settings live in the `reader:` section).
    public struct Options: Decodable, Sendable, Equatable {
        public init() {}
        /// Any key is unknown (and an error naming the `reader:` section when it is `extract`/`bias`).
        public init(from decoder: any Decoder) throws {
            _ = try decoder.container(keyedBy: AnyKey.self)
        }
    }

    public static let name = "clean"
    public static let summary = "Normalise text (NFC, whitespace, control characters); rebuild paragraphs."
    public static var optionHelp: [OptionHelp] { [] }
    public static var defaultProduces: Set<Layer> { [.paragraph] }

    /// The options the stage was built with.
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
