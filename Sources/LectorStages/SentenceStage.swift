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
        /// A statistics file written by `lector train sentences` for every document (default: the
        /// shipped statistics of each document's language, English when it has none).
        public var model: ConfigPath?

        public init() {}

        public static let declarations: [OptionDeclaration<Options>] = [
            .choice(
                "line-breaks", \.lineBreaks,
                "whether a line break inside a paragraph ends a sentence (auto: yes unless the text looks hard-wrapped)"),
            .value(
                "model", \.model, type: "path", default: "built-in, per language",
                "sentence statistics written by `lector train sentences`, used for every document"),
        ]
    }

    public static let name = "sentences"
    public static let summary = "Split paragraphs into sentences (rules plus learned abbreviations and starters)."
    public static var defaultRequires: Set<Layer> { [.paragraph] }
    public static var defaultProduces: Set<Layer> { [.sentence] }

    /// The splitter this stage runs on English documents and documents in languages without statistics
    /// of their own (on every document when a model file is given).
    public let splitter: SentenceSplitter
    /// Whether documents in other languages get their language's shipped statistics.
    private let perLanguage: Bool

    public init(options: Options) throws {
        var model: SentenceModel
        if options.model == nil { model = try SentenceModel.shipped.get() } else { model = SentenceModel.english }
        if let path = options.model {
            let text = try String(contentsOf: path.url, encoding: .utf8)
            model = SentenceModel(parsing: text)
        }
        splitter = SentenceSplitter(model: model, lineBreaks: options.lineBreaks)
        perLanguage = options.model == nil
    }

    /// A stage with one splitter for every document (`perLanguage: true` gives documents in another
    /// language that language's shipped statistics instead).
    public init(splitter: SentenceSplitter = SentenceSplitter(), perLanguage: Bool = false) {
        self.splitter = splitter
        self.perLanguage = perLanguage
    }

    /// The splitter for `document`: its language's shipped statistics when there are some.
    public func splitter(for document: Document) -> SentenceSplitter {
        guard perLanguage, let model = SentenceModel.shipped(forLanguage: document.metadata["lang"]) else { return splitter }
        return SentenceSplitter(model: model, lineBreaks: splitter.lineBreaks)
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        let paragraphs = document.annotations(.paragraph)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(paragraphs.count * 4)
        let splitter = self.splitter(for: document)
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
