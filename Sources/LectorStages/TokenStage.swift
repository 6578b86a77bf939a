import LectorCore

/// `tokens`: splits each sentence (or, with `within: paragraphs`, each paragraph) into tokens with
/// `Tokenizer`.
///
/// Produces `.token`; each label is the token kind: `word`, `number`, `punct`, `symbol`, `url`,
/// `email`, `emoji`, `emoticon`, `hashtag`, `mention`. No token crosses a sentence (or paragraph)
/// boundary.
public struct TokenStage: Stage {
    /// Options from the pipeline file.
    public struct Options: DeclaredOptions {
        /// Which layer bounds tokens: `sentences` (default) or `paragraphs`.
        public var within: Within = .sentences
        /// `split` (UD: `long - term`, but `e-mail`) or `keep` (`long-term`).
        public var hyphens: Tokenizer.Hyphens = .split
        /// Split clitics (`do n't`, `John 's`), as UD and PTB do.
        public var splitClitics = true

        public init() {}

        public static let declarations: [OptionDeclaration<Options>] = [
            .choice("within", \.within, "the layer whose spans bound tokens"),
            .choice(
                "hyphens", \.hyphens,
                "split hyphenated words as UD does (e-mail and other bound prefixes stay whole) or keep them"),
            .value("split-clitics", \.splitClitics, type: "bool", "split n't, 's, 're… from their word"),
        ]
    }

    /// The layer whose spans bound tokens.
    public enum Within: String, Sendable, CaseIterable {
        case sentences, paragraphs
    }

    public static let name = "tokens"
    public static let summary = "Split sentences into tokens (UD/PTB conventions; URLs, e-mails, emoji kept whole)."
    public static var defaultRequires: Set<Layer> { [.sentence] }
    public static var defaultProduces: Set<Layer> { [.token] }

    /// The tokenizer this stage runs on English documents and documents of unknown language.
    public let tokenizer: Tokenizer
    /// The tokenizers for the other conventions, chosen by each document's `lang`.
    private let elisionTokenizer: Tokenizer
    private let plainTokenizer: Tokenizer
    /// The layer whose spans bound tokens.
    public let within: Within

    public var requires: Set<Layer> { within == .sentences ? [.sentence] : [.paragraph] }

    public init(options: Options) {
        tokenizer = Tokenizer(hyphens: options.hyphens, splitClitics: options.splitClitics)
        elisionTokenizer = Tokenizer(conventions: .elision)
        plainTokenizer = Tokenizer(conventions: .plain)
        within = options.within
    }

    public init(tokenizer: Tokenizer = Tokenizer(), within: Within = .sentences) {
        self.tokenizer = tokenizer
        elisionTokenizer = Tokenizer(conventions: .elision)
        plainTokenizer = Tokenizer(conventions: .plain)
        self.within = within
    }

    /// The tokenizer for `document`'s language (`lang` metadata; English when unknown).
    public func tokenizer(for document: Document) -> Tokenizer {
        switch Tokenizer.Conventions.forLanguage(document.metadata["lang"]) {
        case .english: tokenizer
        case .elision: elisionTokenizer
        case .plain: plainTokenizer
        }
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        let spans = document.annotations(within == .sentences ? .sentence : .paragraph)
        var tokens = TokenAnnotations(capacity: document.text.utf8.count / 5)
        let tokenizer = self.tokenizer(for: document)
        try document.text.withUTF8 { bytes in
            for (number, span) in spans.enumerated() {
                if number & 1023 == 1023 { try context.checkDeadline() }
                tokenizer.tokenize(bytes, range: span.start..<span.end, into: &tokens)
            }
        }
        let annotations = tokens.annotations
        document.set(annotations, for: .token)
    }
}
