import Foundation
import LectorCore

/// The `entities` stage: named entities (PER, ORG, LOC, MISC) from the trained recogniser, numeric and
/// temporal expressions (DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL, CARDINAL) from rules, and a
/// `canonical` attribute on each named entity linking mentions of the same entity in the document.
///
/// Words the tokenizer split at hyphens (`Hewlett` `-` `Packard`) are joined again for the model, which
/// was trained on whole hyphenated words (`Hewlett-Packard`, `Jean-Pierre`, `Anglo-Dutch`); an entity
/// therefore covers the whole hyphenated word or none of it.
///
/// Requires `.sentence` and `.token`; produces `.entity`. Each annotation's `score` is a confidence in
/// 0...1 (mean per-token probability for model entities, 1 for rule matches). Named entities never
/// include a trailing possessive (`'s`, `’s`, or a bare apostrophe), whether it is its own token or
/// not. The model is loaded once per process and shared by all lanes.
///
/// A document whose `lang` is outside `languages` is tagged by its language's model
/// (`entities-model-XX.bin`, see `EntityModelStore`), read the first time a document in that language
/// comes; a language without a model gets numeric expressions only, and an info diagnostic.
public struct EntitiesStage: Stage {
    /// Options from the pipeline file.
    public struct Options: DeclaredOptions {
        /// A model file to use instead of the shipped one.
        public var model: ConfigPath?
        /// Whether to add numeric and temporal expressions.
        public var numeric: Bool
        /// Whether to link mentions and set `canonical`.
        public var link: Bool
        /// Languages the model is used on (primary subtags of the document's `lang` metadata); a
        /// document declared in another language is tagged by that language's model when one is
        /// installed (and `languageModels` is on), else gets no named entities and an info diagnostic,
        /// rather than the English model's guesses (numeric expressions are still found, with that
        /// language's rules). Empty: every document. Documents without `lang` are always tagged.
        public var languages: [String]
        /// Whether documents in other languages use their language's model (`entities-model-XX.bin`).
        public var languageModels: Bool

        public init() { self.init(model: nil) }

        public init(
            model: ConfigPath? = nil, numeric: Bool = true, link: Bool = true, languages: [String] = ["en"],
            languageModels: Bool = true
        ) {
            self.model = model
            self.numeric = numeric
            self.link = link
            self.languages = languages
            self.languageModels = languageModels
        }

        public static let declarations: [OptionDeclaration<Options>] = [
            .value(
                "model", \.model, type: "path", default: "(shipped model)",
                "entity model file made by `lector train entities`"),
            .value("numeric", \.numeric, type: "bool", "add DATE TIME MONEY PERCENT QUANTITY ORDINAL CARDINAL"),
            .value(
                "languages", \.languages, type: "[string]",
                "the model's languages: documents whose `lang` is one of these (or unknown); [] tags every document with it"),
            .value(
                "language-models", \.languageModels, type: "bool",
                "tag documents in other languages with their language's model (entities-model-XX.bin) when installed"),
            .value("link", \.link, type: "bool", "link mentions in a document; set the `canonical` attribute"),
        ]
    }

    public static let name = "entities"
    public static let summary =
        "Named entities (trained perceptron: PER ORG LOC MISC), numeric expressions by rules, in-document linking."
    public static let defaultRequires: Set<Layer> = [.sentence, .token]
    public static let defaultProduces: Set<Layer> = [.entity]

    let recognizer: EntityRecognizer
    let rules: NumericEntityRules?
    /// Numeric rules of the other languages that have some, by primary subtag.
    let languageRules: [String: NumericEntityRules]
    let linker: EntityLinker?
    /// Lower-cased primary language subtags to tag (empty: all).
    let languages: Set<String>
    /// Whether other languages use their own models.
    let languageModels: Bool

    public init(options: Options) throws {
        recognizer = try EntityModelStore.recognizer(path: options.model?.path)
        rules = options.numeric ? NumericEntityRules() : nil
        languageRules = options.numeric ? Self.otherLanguageRules() : [:]
        linker = options.link ? EntityLinker() : nil
        languages = Set(options.languages.map { Self.primaryLanguage($0) })
        languageModels = options.languageModels
    }

    /// A stage with an already loaded recogniser (for tests and tools).
    public init(
        recognizer: EntityRecognizer, numeric: Bool = true, link: Bool = true, languages: [String] = [],
        languageModels: Bool = true
    ) {
        self.recognizer = recognizer
        rules = numeric ? NumericEntityRules() : nil
        languageRules = numeric ? Self.otherLanguageRules() : [:]
        linker = link ? EntityLinker() : nil
        self.languages = Set(languages.map { Self.primaryLanguage($0) })
        self.languageModels = languageModels
    }

    /// Numeric rules for the languages that have their own (a few small tables, built once).
    private static func otherLanguageRules() -> [String: NumericEntityRules] {
        Dictionary(uniqueKeysWithValues: ["de", "fr", "es", "nl", "it"].map { ($0, NumericEntityRules(language: $0)) })
    }

    /// `en` for `en-GB`, `EN_us` or `en`.
    public static func primaryLanguage(_ tag: String) -> String {
        String(tag.prefix { $0 != "-" && $0 != "_" }).trimmingCharacters(in: .whitespaces).lowercased()
    }

    public func process(_ document: inout Document, context: StageContext) throws {
        let language = Self.primaryLanguage(document.metadata["lang"] ?? "")
        let rules = self.rules.map { languageRules[language] ?? $0 }
        let groups = Self.joiningHyphens(try Self.sentenceTokens(document), in: document.text)
        let recognizer: EntityRecognizer
        // A language's own model may tag a currency name (GermEval marks "Euro" as OTH); inside an
        // amount the amount wins ("1,5 Millionen Euro" is MONEY). The main model keeps its output.
        let amountsWin: Bool
        if languages.isEmpty || language.isEmpty || languages.contains(language) {
            recognizer = self.recognizer
            amountsWin = false
        } else if languageModels, let model = try EntityModelStore.recognizer(language: language) {
            recognizer = model
            amountsWin = true
        } else {
            // Names in a language no model covers are left alone; numbers and dates are not.
            var annotations: [Annotation] = []
            if let rules {
                for tokens in groups {
                    let words = tokens.map { document.text(in: $0) }
                    for match in rules.matches(words, blocked: [Bool](repeating: false, count: words.count)) {
                        annotations.append(
                            Annotation(
                                range: TextRange(start: tokens[match.start].start, end: tokens[match.end - 1].end),
                                label: match.label, score: 1))
                    }
                }
            }
            document.set(annotations, for: .entity)
            document.note(
                .info, origin: Self.name,
                "names not tagged: the document is in '\(document.metadata["lang"] ?? language)', the model covers \(languages.sorted().joined(separator: ", "))"
                    + (languageModels ? " and no entities-model-\(language).bin is installed" : ""))
            return
        }
        let words: [[String]] =
            document.text.utf8.withContiguousStorageIfAvailable { buffer in
                groups.map {
                    $0.map { String(decoding: UnsafeBufferPointer(rebasing: buffer[$0.start..<$0.end]), as: UTF8.self) }
                }
            }
            ?? {
                let bytes = Array(document.text.utf8)
                return groups.map { $0.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } }
            }()
        // A possessive the tokenizer left attached (`Putin’s`) is hidden from the model and trimmed from
        // the entity afterwards.
        let suffixes = words.map { $0.map(Self.attachedPossessive) }
        let modelWords = Self.withoutPossessives(words, suffixes)
        try context.checkDeadline()
        let tagged = recognizer.tag(modelWords)
        let tagSet = recognizer.model.tagSet
        var annotations: [Annotation] = []
        var named: [(annotation: Int, mention: EntityLinker.Mention)] = []
        let sentenceSpans = Self.applyingDatelines(tagged.map { tagSet.spans(of: $0.tags) }, words: modelWords)
        for (index, sentence) in tagged.enumerated() {
            let tokens = groups[index]
            let sentenceWords = modelWords[index]
            var blocked = [Bool](repeating: false, count: tokens.count)
            let amounts =
                amountsWin
                ? rules?.matches(sentenceWords, blocked: blocked).filter { $0.label == "MONEY" } ?? [] : []
            for span in sentenceSpans[index] {
                var end = span.end
                while end > span.start && Self.isPossessive(sentenceWords[end - 1]) { end -= 1 }
                let first = Self.startWithoutLeadingFunctionWord(span.start, end: end, words: sentenceWords)
                guard end > first else { continue }
                guard !amounts.contains(where: { $0.start < first && $0.end >= end }) else { continue }
                let byteEnd = tokens[end - 1].end - suffixes[index][end - 1]
                let start = tokens[first].start
                guard byteEnd > start else { continue }
                // A user name (`@name`) is an address, not a name: never an entity.
                guard !words[index][first..<end].contains(where: Self.isMention) else { continue }
                let confidence =
                    sentence.confidence.count >= end
                    ? sentence.confidence[first..<end].reduce(0, +) / Float(end - first) : 1
                for position in first..<end { blocked[position] = true }
                // The mention as written: original words and what separates them in the text.
                var written = Array(words[index][first..<end])
                written[written.count - 1] = String(
                    decoding: written[written.count - 1].utf8.dropLast(suffixes[index][end - 1]), as: UTF8.self)
                let separators = (first + 1..<end).map { document.text(in: TextRange(start: tokens[$0 - 1].end, end: tokens[$0].start)) }
                named.append(
                    (annotations.count, EntityLinker.Mention(words: written, label: span.label, separators: separators)))
                annotations.append(
                    Annotation(
                        range: TextRange(start: start, end: byteEnd), label: span.label,
                        score: (Double(confidence) * 1000).rounded() / 1000))
            }
            if let rules {
                for match in rules.matches(sentenceWords, blocked: blocked) {
                    annotations.append(
                        Annotation(
                            range: TextRange(start: tokens[match.start].start, end: tokens[match.end - 1].end),
                            label: match.label, score: 1))
                }
            }
        }
        if let linker {
            // How the document writes each word in mixed case, for mentions in capitals: only documents
            // with such a mention use it, and it is gathered when the linker first asks.
            let inCapitals = named.contains(where: { EntityLinker.isCapitals($0.mention.words) })
            var spellings: [String: String]?
            let forms = linker.canonicalForms(named.map(\.mention)) { lowered in
                guard inCapitals else { return nil }
                if spellings == nil { spellings = Self.mixedCaseSpellings(modelWords) }
                return spellings?[lowered]
            }
            for (mention, canonical) in zip(named, forms) {
                annotations[mention.annotation].attributes["canonical"] = canonical
            }
        }
        document.set(annotations, for: .entity)
    }

    /// The first spelling, by lower-cased form, of each word that opens with a capital letter and is
    /// not all capitals (`Millbrook` for `millbrook`).
    static func mixedCaseSpellings(_ sentences: [[String]]) -> [String: String] {
        var spellings: [String: String] = [:]
        for sentence in sentences {
            for word in sentence {
                guard let first = word.utf8.first else { continue }
                if first < 0x80 {
                    guard first >= 0x41 && first <= 0x5a else { continue }
                } else {
                    guard let scalar = word.unicodeScalars.first, scalar.properties.isUppercase else { continue }
                }
                guard !EntityLinker.isCapitals([word]) else { continue }
                let lowered = word.lowercased()
                if spellings[lowered] == nil { spellings[lowered] = word }
            }
        }
        return spellings
    }

    /// Each sentence's token ranges with hyphenated words joined: a one-byte `-` token that touches a
    /// letter or digit on both sides, with no space, merges with its neighbours (`Jean` `-` `Pierre` →
    /// `Jean-Pierre`). Chains join too (`Saint-Jean-de-Luz`).
    static func joiningHyphens(_ groups: [[TextRange]], in text: String) -> [[TextRange]] {
        var text = text
        return text.withUTF8 { joiningHyphens(groups, bytes: $0) }
    }

    private static func joiningHyphens(_ groups: [[TextRange]], bytes: UnsafeBufferPointer<UInt8>) -> [[TextRange]] {
        func isWordByte(_ offset: Int) -> Bool {
            guard offset >= 0 && offset < bytes.count else { return false }
            let byte = bytes[offset]
            return byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a)
        }
        func isHyphen(_ range: TextRange) -> Bool {
            range.end - range.start == 1 && range.start >= 0 && range.start < bytes.count && bytes[range.start] == 0x2D
        }
        return groups.map { tokens in
            guard tokens.count >= 3 && tokens.contains(where: isHyphen) else { return tokens }
            var joined: [TextRange] = []
            joined.reserveCapacity(tokens.count)
            var index = 0
            while index < tokens.count {
                var current = tokens[index]
                index += 1
                while index + 1 < tokens.count, isHyphen(tokens[index]), tokens[index].start == current.end,
                    tokens[index + 1].start == tokens[index].end, isWordByte(current.end - 1),
                    isWordByte(tokens[index + 1].start)
                {
                    current = TextRange(start: current.start, end: tokens[index + 1].end)
                    index += 2
                }
                joined.append(current)
            }
            return joined
        }
    }

    /// Token ranges grouped by sentence (tokens outside every sentence form groups of their own).
    static func sentenceTokens(_ document: Document) throws -> [[TextRange]] {
        let limit = document.text.utf8.count
        let sentences = document.annotations(.sentence)
        var groups: [[TextRange]] = []
        var current: [TextRange] = []
        var currentSentence = -1
        var sentenceIndex = 0
        let tokens = document.annotations(.token)
        // Ranges read in place: copying whole annotations (label, attributes) cost a retain and a
        // release per token.
        for index in tokens.indices {
            let token = tokens[index].range
            guard token.start >= 0 && token.end <= limit && token.start < token.end else {
                throw EntitiesStageError(
                    "token \(token) lies outside the text (\(limit) bytes) of \(document.id)")
            }
            while sentenceIndex < sentences.count && sentences[sentenceIndex].range.end <= token.start {
                sentenceIndex += 1
            }
            let inside = sentenceIndex < sentences.count && sentences[sentenceIndex].range.contains(token)
            let group = inside ? sentenceIndex : -2 - sentenceIndex
            if group != currentSentence && !current.isEmpty {
                groups.append(current)
                current = []
            }
            currentSentence = group
            current.append(token)
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }

    /// Capitalised only because they open the sentence, these words are never the first word of a name
    /// ("When Zoë Müller arrived", "The Commerce Department said"); the model sometimes pulls them in.
    static let leadingFunctionWords: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "when", "while", "after", "before", "if", "as",
        "although", "though", "because", "since", "but", "and", "or", "so", "yet", "instead", "meanwhile",
        "however", "then", "in", "on", "at", "for", "with", "by", "from", "to", "of", "under", "during",
    ]

    /// Tokens after which a capital letter says little: a dateline's dash, a colon. (Not an opening
    /// quote: titles of works keep their article, `" The Crying Game "`.)
    static let clauseOpeners: Set<String> = ["—", "–", "--", ":"]

    /// `start`, or the next token when a span of two or more tokens opens its sentence or clause (see
    /// `clauseOpeners`) with a function word (`leadingFunctionWords`).
    static func startWithoutLeadingFunctionWord(_ start: Int, end: Int, words: [String]) -> Int {
        guard start == 0 || clauseOpeners.contains(words[start - 1]), end - start >= 2,
            leadingFunctionWords.contains(words[start].lowercased())
        else { return start }
        return start + 1
    }

    /// A user name: `@` and at least one more character.
    static func isMention(_ word: String) -> Bool { word.utf8.count > 1 && word.utf8.first == 0x40 }

    static func isPossessive(_ word: String) -> Bool {
        word == "'s" || word == "\u{2019}s" || word == "'" || word == "\u{2019}" || word == "'S" || word == "\u{2019}S"
    }

    /// Bytes of a possessive attached to a longer word (`Putin’s` → 4), else 0.
    static func attachedPossessive(_ word: String) -> Int {
        guard let length = possessiveSuffixLength(word), word.utf8.count > length else { return 0 }
        return length
    }

    static func withoutPossessives(_ words: [[String]], _ suffixes: [[Int]]) -> [[String]] {
        zip(words, suffixes).map { sentence, cut in
            zip(sentence, cut).map { word, bytes in
                bytes == 0 ? word : String(decoding: word.utf8.dropLast(bytes), as: UTF8.self)
            }
        }
    }

    /// Bytes of a trailing `'s` / `’s` on a longer word, or nil (compared as UTF-8 bytes: `’` is
    /// E2 80 99).
    static func possessiveSuffixLength(_ word: String) -> Int? {
        word.utf8.withContiguousStorageIfAvailable(possessiveSuffixLength)
            ?? Array(word.utf8).withUnsafeBufferPointer(possessiveSuffixLength)
    }

    private static func possessiveSuffixLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        guard count >= 2, (bytes[count - 1] | 0x20) == 0x73 else { return nil }
        if bytes[count - 2] == 0x27 { return 2 }
        if count >= 4 && bytes[count - 2] == 0x99 && bytes[count - 3] == 0x80 && bytes[count - 4] == 0xE2 { return 4 }
        return nil
    }
}

/// A document the entities stage cannot process (for example token ranges outside the text).
public struct EntitiesStageError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

extension EntitiesStage {
    /// The words of each sentence of `document` as the model sees them (attached possessives removed),
    /// for explanations and tools.
    public static func sentenceWords(_ document: Document) throws -> [[String]] {
        let words = joiningHyphens(try sentenceTokens(document), in: document.text).map {
            $0.map { document.text(in: $0) }
        }
        return withoutPossessives(words, words.map { $0.map(attachedPossessive) })
    }
}
