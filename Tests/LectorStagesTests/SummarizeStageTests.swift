import LectorCore
import Testing

@testable import LectorStages

struct SummarizeStageTests {
    func summarize(
        _ document: Document, method: SummaryMethod = .default, sentences: Int = 3,
        configure: (inout SummarizeStage.Options) -> Void = { _ in }
    ) throws -> Document {
        var options = SummarizeStage.Options()
        options.method = method
        options.sentences = sentences
        configure(&options)
        var copy = document
        try SummarizeStage(options: options).process(&copy, context: StageContext())
        return copy
    }

    func chosenSentences(_ document: Document) -> [Int] {
        document.annotations(.summary).compactMap { $0.attributes["sentence"].flatMap(Int.init) }
    }

    @Test func defaultMethodKeepsTheLeadAndSkipsOffTopicSentences() throws {
        let document = try summarize(SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory))
        let chosen = chosenSentences(document)
        #expect(chosen.first == 0)
        #expect(chosen.count == 3)
        // The bakery sentence (3) and the concert (6) share nothing with the story and are past the
        // lead. (The weather sentence, 2, is the third sentence: the lead-heavy default may keep it.)
        #expect(Set(chosen).isDisjoint(with: [3, 6]))
    }

    @Test func centralMethodSkipsOffTopicSentencesInTheLead() throws {
        let document = try summarize(SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory), method: .central)
        #expect(Set(chosenSentences(document)).isDisjoint(with: [2, 3, 6]))
    }

    @Test func sentenceSharingNoWordsLosesToALinkedOne() throws {
        let source = SummaryTestDocuments.make([
            [
                "The council approved the harbour bridge on Monday after a long debate.",
                "The weather was mild for the season in the region.",
                "Critics said the harbour bridge cost too much.",
            ]
        ])
        // Centrality decides here (the default would keep the two-sentence lead).
        let document = try summarize(source, method: .central, sentences: 2)
        #expect(chosenSentences(document) == [0, 2])
    }

    @Test func summaryAnnotationsCarrySentenceRangesScoresAndDocumentOrder() throws {
        let source = SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory)
        let document = try summarize(source)
        let sentences = source.annotations(.sentence)
        let summary = document.annotations(.summary)
        #expect(summary.count == 3)
        for annotation in summary {
            let index = try #require(annotation.attributes["sentence"].flatMap(Int.init))
            #expect(annotation.range == sentences[index].range)
            #expect(annotation.score != nil)
        }
        #expect(summary.map(\.range.start) == summary.map(\.range.start).sorted())
    }

    @Test func leadTakesTheFirstSentences() throws {
        let document = try summarize(SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory), method: .lead)
        #expect(chosenSentences(document) == [0, 1, 2])
    }

    /// A model that scores by centrality alone, anchored to the lead by `margin`.
    func anchored(_ margin: Float, sentences: Int) throws -> [Int] {
        let weights = SummaryModel.featureNames.map { $0 == "centrality" ? Float(4) : 0 }
        var options = SummarizeStage.Options()
        options.sentences = sentences
        let stage = try SummarizeStage(
            options: options, model: SummaryModel(weights: weights, redundancyWeight: 0, leadMargin: margin))
        var document = SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory)
        try stage.process(&document, context: StageContext())
        return chosenSentences(document)
    }

    @Test func leadMarginKeepsTheLeadUnlessAnotherSentenceBeatsItByTheMargin() throws {
        // Unanchored, centrality alone picks the sentences that share the story's words, not the lead.
        let free = try anchored(0, sentences: 3)
        #expect(free != [0, 1, 2])
        // A margin beyond any score difference (scores are 4 × centrality in 0…1) gives the lead.
        #expect(try anchored(5, sentences: 3) == [0, 1, 2])
        #expect(try anchored(5, sentences: 1) == [0])
    }

    @Test func leadKeptPutsTheOpeningSentencesFirstAndPicksTheRestByScore() throws {
        let weights = SummaryModel.featureNames.map { $0 == "centrality" ? Float(4) : 0 }
        var options = SummarizeStage.Options()
        options.sentences = 3
        let free = try anchored(0, sentences: 3)
        let stage = try SummarizeStage(
            options: options, model: SummaryModel(weights: weights, redundancyWeight: 0, leadKept: 1))
        var document = SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory)
        try stage.process(&document, context: StageContext())
        let kept = chosenSentences(document)
        #expect(kept.first == 0)
        #expect(kept.count == 3)
        // The other picks are among the sentences centrality picks unanchored.
        #expect(Set(kept.dropFirst()).isSubset(of: Set(free)))
        let text = SummaryModel(weights: weights, leadKept: 2).tsv(comments: [])
        #expect(text.contains("lead-kept\t2"))
        #expect(try SummaryModel(tsv: text).leadKept == 2)
        #expect(throws: SummaryModelError.self) { try SummaryModel(tsv: "lead-kept\t1.5\n") }
    }

    @Test func leadMarginIsReadAndWrittenWithTheModel() throws {
        let weights = SummaryModel.featureNames.map { $0 == "position-inverse" ? Float(2) : 0 }
        let model = SummaryModel(weights: weights, redundancyWeight: 0.3, leadMargin: 1.5)
        let text = model.tsv(comments: ["test"])
        #expect(text.contains("lead-margin\t1.5"))
        #expect(try SummaryModel(tsv: text) == model)
        #expect(throws: SummaryModelError.self) { try SummaryModel(tsv: "lead-margin\t-1\n") }
        // A file from before lead anchoring has no margin.
        #expect(try SummaryModel(tsv: "centrality\t1\n").leadMargin == 0)
    }

    @Test(arguments: [SummaryMethod.textrank, .lexrank, .centroid])
    func graphAndCentroidMethodsPreferOnTopicSentences(method: SummaryMethod) throws {
        let document = try summarize(
            SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory), method: method, sentences: 2)
        let chosen = chosenSentences(document)
        #expect(chosen.count == 2)
        // Off-topic sentences (weather, bakery, concert) are never the most central.
        #expect(chosen.allSatisfy { ![2, 3, 6].contains($0) })
    }

    @Test func headingsAreNeverPicked() throws {
        let paragraphs =
            [["Harbour bridge approved by the city council after long harbour bridge debate"]]
            + SummaryTestDocuments.bridgeStory
        let source = SummaryTestDocuments.make(paragraphs, labels: ["heading", "p", "p", "p"])
        let document = try summarize(source, sentences: 6)
        #expect(!chosenSentences(document).contains(0))
    }

    @Test(arguments: [
        "By Jane Harbour and Tom Bridge",
        "Photo: Getty Images / Harbour Bridge Council",
        "Read more about the harbour bridge",
        "Updated 12 March 2024 10:45 GMT",
        "Last updated 5 May 2024, 10:45",
        "Sign up for our harbour bridge newsletter",
    ])
    func pageFurnitureIsNeverPicked(furniture: String) throws {
        var paragraphs = SummaryTestDocuments.bridgeStory
        paragraphs.insert([furniture], at: 1)
        let document = try summarize(SummaryTestDocuments.make(paragraphs), sentences: 8)
        #expect(!chosenSentences(document).contains(2))
        #expect(!chosenSentences(document).isEmpty)
    }

    @Test func longSentenceStartingLikeACallToActionIsKept() throws {
        var paragraphs = SummaryTestDocuments.bridgeStory
        paragraphs.insert(
            ["Listen to the harbour bridge council, the mayor told critics who said the bridge cost too much money."],
            at: 1)
        let document = try summarize(SummaryTestDocuments.make(paragraphs), sentences: 8)
        #expect(chosenSentences(document).contains(2))
    }

    @Test func ratioSetsTheNumberOfSentences() throws {
        let document = try summarize(SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory)) { $0.ratio = 0.3 }
        #expect(chosenSentences(document).count == 2)
    }

    @Test func wordBudgetIsRespected() throws {
        let source = SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory)
        let document = try summarize(source, sentences: 7) { $0.maxWords = 30 }
        let words = document.annotations(.summary).map {
            source.text(in: $0.range).split(separator: " ").count
        }
        #expect(!words.isEmpty)
        #expect(words.reduce(0, +) <= 30)
    }

    @Test(arguments: [1, 5, 12, 25, 40])
    func wordBudgetIsNeverExceeded(budget: Int) throws {
        let source = SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory)
        let document = try summarize(source, sentences: 5) { $0.maxWords = budget }
        var text = source.text
        let words = text.withUTF8 { bytes in
            document.annotations(.summary).map { WordScanner.scan(bytes, from: $0.start, to: $0.end).count }
        }
        #expect(words.reduce(0, +) <= budget)
    }

    @Test(arguments: [SummaryMethod.default, .lead, .textrank, .lexrank, .centroid])
    func titleIsNeverRepeated(method: SummaryMethod) throws {
        var paragraphs = SummaryTestDocuments.bridgeStory
        let title = "Councillors approve the new harbour bridge after a long debate about its cost"
        paragraphs.insert([title], at: 0)
        var source = SummaryTestDocuments.make(paragraphs)
        source.title = title
        let document = try summarize(source, method: method, sentences: 3)
        let chosen = document.annotations(.summary).map { document.text(in: $0.range) }
        #expect(chosen.count == 3)
        #expect(!chosen.contains(title))
    }

    @Test func shortSentencesAreSkipped() throws {
        let paragraphs = [["Harbour bridge approved."]] + SummaryTestDocuments.bridgeStory
        let document = try summarize(SummaryTestDocuments.make(paragraphs), sentences: 8) { $0.minWords = 5 }
        #expect(!chosenSentences(document).contains(0))
    }

    @Test func documentWithoutSentencesGetsAnEmptySummary() throws {
        var document = Document(id: "empty", source: "empty", format: "text", text: "")
        document.set([], for: .sentence)
        let result = try summarize(document)
        #expect(result.has(.summary))
        #expect(result.annotations(.summary).isEmpty)
    }

    @Test func tokenLayerIsUsedWhenPresent() throws {
        var source = SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory)
        // Tokens only over the sentences 2 and 3 (weather, bakery): every other sentence looks empty.
        let sentences = source.annotations(.sentence)
        var tokens: [Annotation] = []
        for index in [2, 3] {
            let range = sentences[index].range
            let text = Array(source.text.utf8)
            var start = range.start
            for position in range.start...range.end where position == range.end || text[position] == 0x20 {
                if position > start { tokens.append(Annotation(start, position, label: "word")) }
                start = position + 1
            }
        }
        source.set(tokens, for: .token)
        let document = try summarize(source, sentences: 2)
        #expect(chosenSentences(document) == [2, 3])
    }

    @Test func batchStatisticsChangeWordWeights() throws {
        let source = SummaryTestDocuments.make(SummaryTestDocuments.bridgeStory)
        var options = SummarizeStage.Options()
        options.method = .centroid
        options.sentences = 1
        options.idf = .batch
        let stage = try SummarizeStage(options: options)
        // A batch where "harbour" and "bridge" are everywhere and "bakery" is rare.
        let corpus = CorpusStatistics(
            documentCount: 1000, documentFrequency: ["harbour": 1000, "bridge": 1000, "council": 1000, "bakery": 1])
        var withBatch = source
        try stage.process(&withBatch, context: StageContext(corpus: corpus))
        var withTable = source
        try stage.process(&withTable, context: StageContext())
        #expect(withBatch.annotations(.summary) != withTable.annotations(.summary))
    }

    @Test func longDocumentIsSummarisedWithACappedGraph() throws {
        let topics = ["harbour bridge council vote", "river ferry timetable change", "school library opening hours"]
        var paragraphs: [[String]] = []
        for index in 0..<3000 {
            let topic = topics[index % topics.count]
            paragraphs.append(["Sentence \(index) talks about the \(topic) in some detail today."])
        }
        let document = try summarize(SummaryTestDocuments.make(paragraphs)) { $0.graphLimit = 100 }
        #expect(chosenSentences(document).count == 3)
    }

    @Test func invalidOptionValuesAreRejected() {
        var options = SummarizeStage.Options()
        options.sentences = 0
        #expect(throws: SummarizeOptionError.self) { try SummarizeStage(options: options) }
        options = SummarizeStage.Options()
        options.ratio = 1.5
        #expect(throws: SummarizeOptionError.self) { try SummarizeStage(options: options) }
    }

    @Test func optionsDecodeFromConfigurationAndRejectUnknownKeys() throws {
        let location = ConfigLocation(file: "pipeline.yaml", line: 3)
        func entry(_ key: String, _ value: String) -> ConfigNode.Entry {
            ConfigNode.Entry(
                key: key, keyLocation: location, value: ConfigNode(.scalar(value, quoted: false), at: location))
        }
        let good = ConfigNode(
            .map([entry("method", "textrank"), entry("sentences", "2"), entry("max-words", "40")]), at: location)
        let options = try ConfigDecoder().decode(SummarizeStage.Options.self, from: good)
        #expect(options.method == .textrank)
        #expect(options.sentences == 2)
        #expect(options.maxWords == 40)
        let bad = ConfigNode(.map([entry("sentence", "2")]), at: location)
        #expect(throws: ConfigError.self) { try ConfigDecoder().decode(SummarizeStage.Options.self, from: bad) }
    }

    @Test func registryKnowsTheStages() {
        #expect(StageRegistry.builtins.entry(named: "summarize") != nil)
        #expect(StageRegistry.builtins.entry(named: "keyphrases") != nil)
    }
}

/// Builds documents with hand-made paragraph and sentence layers (the sentence splitter is another
/// stage): each paragraph is a list of sentences joined by one space; paragraphs by a blank line.
enum SummaryTestDocuments {
    static func make(_ paragraphs: [[String]], labels: [String]? = nil, id: String = "test") -> Document {
        var text = ""
        var paragraphLayer: [Annotation] = []
        var sentenceLayer: [Annotation] = []
        for (index, sentences) in paragraphs.enumerated() {
            if !text.isEmpty { text += "\n\n" }
            let paragraphStart = text.utf8.count
            for (position, sentence) in sentences.enumerated() {
                if position > 0 { text += " " }
                let start = text.utf8.count
                text += sentence
                sentenceLayer.append(Annotation(start, text.utf8.count))
            }
            paragraphLayer.append(Annotation(paragraphStart, text.utf8.count, label: labels?[index] ?? "p"))
        }
        var document = Document(id: id, source: id, format: "text", text: text)
        document.set(paragraphLayer, for: .paragraph)
        document.set(sentenceLayer, for: .sentence)
        return document
    }

    /// A news story about a harbour bridge: the opening and two later sentences share its key words;
    /// the rest wander off topic.
    static let bridgeStory: [[String]] = [
        [
            "The city council approved the new harbour bridge on Monday after a long debate about its cost.",
            "Councillors voted nine to four in favour of the harbour bridge plan.",
        ],
        [
            "The weather in the region was mild for the season.",
            "A local bakery won a prize for its bread at the county fair.",
            "Construction of the harbour bridge will start in spring and the council expects the bridge to open"
                + " in three years.",
        ],
        [
            "Critics of the bridge said the council had ignored the cost of the harbour bridge to local taxpayers.",
            "Tickets for the summer concert go on sale next week.",
        ],
    ]
}

/// Hostile input: odd bytes, ranges that split characters, empty and overlapping sentences.
struct SummaryRobustnessTests {
    /// A deterministic generator (SplitMix64) so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "By", "Read", "more", "Photo:", "the", "harbour", "bridge", "’s", "“", "”", "—", "£5bn", "€3", "é", "日本",
        "🙂", ".", "!", "?", "\n", "\n\n", " ", "  ", "May", "2024", "a", "-", "'", "\u{0}", "\u{FEFF}", "x-y", "U.S.",
    ]

    @Test func randomTextAndRangesNeverCrash() throws {
        var generator = Generator(state: 42)
        let methods = SummaryMethod.allCases
        for round in 0..<200 {
            var text = ""
            for _ in 0..<Int.random(in: 0...120, using: &generator) {
                text += Self.pieces.randomElement(using: &generator) ?? ""
                if Bool.random(using: &generator) { text += " " }
            }
            let length = text.utf8.count
            var sentences: [Annotation] = []
            var cursor = 0
            while cursor < length {
                let end = min(length, cursor + Int.random(in: 0...40, using: &generator))
                sentences.append(Annotation(cursor, end))
                cursor = end + (Bool.random(using: &generator) ? 0 : 1)
                if end == cursor && end == length { break }
                if Int.random(in: 0...10, using: &generator) == 0 { cursor = max(0, cursor - 5) }
            }
            var document = Document(id: "fuzz\(round)", source: "fuzz", format: "text", text: text)
            document.set(sentences, for: .sentence)
            if round % 3 == 0 {
                document.set(sentences.map { Annotation(range: $0.range, label: "word") }, for: .token)
            }
            var options = SummarizeStage.Options()
            options.method = methods[round % methods.count]
            options.minWords = round % 2
            options.graphLimit = 10
            try SummarizeStage(options: options).process(&document, context: StageContext())
            try KeyphraseStage(options: KeyphraseStage.Options()).process(&document, context: StageContext())
            #expect(document.annotations(.summary).count <= 3)
        }
    }
}
