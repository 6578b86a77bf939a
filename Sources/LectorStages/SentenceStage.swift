import Foundation
import LectorCore

/// `sentences`: splits every paragraph into sentences with `SentenceSplitter`.
///
/// Requires `.paragraph` (from `clean` or a reader); produces `.sentence` with an empty label.
/// Sentences never cross a paragraph; headings, list items and cells stay one sentence unless they
/// clearly hold several.
public struct SentenceStage: Stage {
    /// Options from the pipeline file.
    public struct Options: DeclaredOptions {
        /// What a line break inside a paragraph means: `auto`, `boundary` or `space`.
        public var lineBreaks: SentenceSplitter.LineBreaks = .auto
        /// A statistics file written by `lector train sentences` (default: the built-in English one).
        public var model: ConfigPath?

        public init() {}

        public static let declarations: [OptionDeclaration<Options>] = [
            .choice(
                "line-breaks", \.lineBreaks,
                "whether a line break inside a paragraph ends a sentence (auto: yes unless the text looks hard-wrapped)"),
            .value(
                "model", \.model, type: "path", default: "built-in English",
                "sentence statistics written by `lector train sentences`"),
        ]
    }

    public static let name = "sentences"
    public static let summary = "Split paragraphs into sentences (rules plus learned abbreviations and starters)."
    public static var defaultRequires: Set<Layer> { [.paragraph] }
    public static var defaultProduces: Set<Layer> { [.sentence] }

    /// The splitter this stage runs.
    public let splitter: SentenceSplitter

    public init(options: Options) throws {
        var model = SentenceModel.english
        if let path = options.model {
            let text = try String(contentsOf: path.url, encoding: .utf8)
            model = SentenceModel(parsing: text)
        }
        splitter = SentenceSplitter(model: model, lineBreaks: options.lineBreaks)
    }

    public init(splitter: SentenceSplitter = SentenceSplitter()) {
        self.splitter = splitter
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        let paragraphs = document.annotations(.paragraph)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(paragraphs.count * 4)
        try document.text.withUTF8 { bytes in
            for (number, paragraph) in paragraphs.enumerated() {
                if number & 255 == 255 { try context.checkDeadline() }
                splitter.split(
                    bytes, paragraph: paragraph.start..<paragraph.end,
                    shortBlock: SentenceSplitter.isShortBlock(label: paragraph.label), into: &ranges)
            }
        }
        document.set(ranges.map { Annotation($0.lowerBound, $0.upperBound) }, for: .sentence)
    }
}
