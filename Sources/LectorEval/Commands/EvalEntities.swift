import ArgumentParser
import Foundation
import LectorCore
import LectorStages

/// `lector eval entities`: score the entity recogniser on CoNLL gold data.
struct EvalEntities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Score the entity recogniser against CoNLL gold data (conlleval exact spans); prints JSON.",
        discussion: """
            Reads CoNLL columns (IOB1 or IOB2, -DOCSTART- lines separate documents). Use --wnut to map \
            WNUT-17 types (person, location, corporation, group, product, creative-work) to PER, LOC, ORG, MISC. \
            Use --gum to read GUM CoNLL-U files, whose named person, place and organization mentions become \
            PER, LOC and ORG (an approximate conversion for checking other domains; only those labels are scored). \
            With --suite DATA-DIR, scores every English development set under the data folder (CoNLL-2003 dev, \
            WNUT-17 dev, BTC dev with and without @user names, wikigold, GUM dev) from gold tokens and through \
            the reading pipeline from raw text, and prints a table; with --work DIR it writes the raw texts there \
            and adds the rows of a peer whose entities Benchmarks/spacy/spacy_entities.py wrote beside them. \
            With --suite and --lang XX (es, nl, de, fr, it) it scores that language's sets instead (CoNLL-2002, \
            GermEval 2014 outer spans with OTH as MISC, KIND, WikiNEuRal; a sentence a document where the file \
            is unrelated sentences) with --model or the installed entities-model-XX.bin, the shipped English \
            model from gold tokens first as the baseline.
            """
    )

    @Option(help: "Gold data in CoNLL columns; PATH:FORMAT reads another scheme (wnut, btc, gum, plo, germeval).")
    var gold: String?
    @Option(
        help: ArgumentHelp(
            "Score every English development set under this data folder (CoNLL-2003, WNUT-17, BTC, wikigold, GUM dev).",
            valueName: "data-dir"))
    var suite: String?
    @Option(
        help: "With --suite: write each set's raw text here (<set>/<n>.txt) and show a peer's entities found in <set>/spacy.jsonl (Benchmarks/spacy/spacy_entities.py).")
    var work: String?
    @Flag(help: "With --suite: score from gold tokens only (skip the raw-text pipeline).") var tokensOnly = false
    @Option(help: "With --suite: score the sets of this language (en, es, nl, de, fr, it).") var lang: String = "en"
    @Option(help: "Model file (default: the shipped model).") var model: String?
    @Flag(help: "Map WNUT-17 labels to CoNLL's.") var wnut = false
    @Flag(help: "Gold is GUM CoNLL-U with Entity= annotations; score PER, LOC and ORG only.") var gum = false
    @Flag(help: "Treat every sentence as its own document (independent posts, e.g. WNUT-17).")
    var sentenceDocuments = false
    @Flag(help: "Score the first pass alone (a two-pass model without its document features).")
    var firstPass = false
    @Flag(help: "Time and score the whole entities stage (rules, linking, possessives) on documents built from the corpus.")
    var stage = false
    @Option(help: "Also write `token gold predicted` lines (IOB2) to this file, for conlleval or error analysis.")
    var predictions: String?
    @Option(help: "Tag the corpus this many times and report the fastest pass (speed only).") var passes: Int = 1

    func run() throws {
        if let suite {
            try EntitySuiteReport(
                root: URL(fileURLWithPath: suite), work: work.map { URL(fileURLWithPath: $0) }, model: model,
                rawText: !tokensOnly, language: EntitiesStage.primaryLanguage(lang)
            ).run()
            return
        }
        guard let gold else { throw ValidationError("give --gold FILE or --suite DATA-DIR") }
        var corpus: CoNLLCorpus
        if gum {
            let data = try Data(contentsOf: URL(fileURLWithPath: gold))
            corpus = CoNLLCorpus(gumText: String(decoding: data, as: UTF8.self))
            guard corpus.documents.contains(where: { $0.sentences.contains { !$0.spans.isEmpty } }) else {
                throw ValidationError("\(gold) has no named person, place or organization mentions (Entity= annotations)")
            }
        } else if wnut {
            corpus = try CoNLLCorpus(contentsOf: URL(fileURLWithPath: gold), labelMap: CoNLLCorpus.wnutLabelMap)
        } else {
            let (path, format) = EntityCorpusFormat.parse(gold)
            corpus = try format.read(URL(fileURLWithPath: path), dropMentions: false)
        }
        if sentenceDocuments { corpus = corpus.sentencesAsDocuments }
        let loading = Stopwatch()
        let recognizer = try EntityModelStore.recognizer(path: model)
        let loadSeconds = loading.elapsedSeconds
        let scored = scoredLabels(recognizer)
        var scorer = EntityScorer()
        var tagged: [[EntityRecognizer.TaggedSentence]] = []
        var seconds = Double.infinity
        var cpuSeconds = Double.infinity
        let inputs = corpus.documents.map { $0.sentences.map(\.words) }
        for _ in 0..<(stage ? 1 : max(1, passes)) {
            let stopwatch = Stopwatch()
            tagged = inputs.map { firstPass ? recognizer.tagFirstPass($0) : recognizer.tag($0) }
            cpuSeconds = min(cpuSeconds, stopwatch.cpuSeconds)
            seconds = min(seconds, stopwatch.elapsedSeconds)
        }
        if stage {
            let (stageSeconds, stageCPU, stageScorer) = try runStage(corpus, recognizer: recognizer)
            seconds = stageSeconds
            cpuSeconds = stageCPU
            scorer = stageScorer
        } else {
            for (document, results) in zip(corpus.documents, tagged) {
                for (sentence, result) in zip(document.sentences, results) {
                    scorer.add(
                        gold: sentence.spans,
                        predicted: recognizer.model.tagSet.spans(of: result.tags).filter { scored.contains($0.label) })
                }
            }
        }
        if let predictions {
            var lines = ""
            let tagSet = recognizer.model.tagSet
            for (document, results) in zip(corpus.documents, tagged) {
                for (sentence, result) in zip(document.sentences, results) {
                    let gold = tagSet.tags(for: sentence.spans, count: sentence.words.count)
                    for (index, word) in sentence.words.enumerated() {
                        let predicted = result.tags.indices.contains(index) ? result.tags[index] : 0
                        lines += "\(word) \(tagSet.iob2Name(of: gold[index])) \(tagSet.iob2Name(of: predicted))\n"
                    }
                    lines += "\n"
                }
            }
            try lines.write(toFile: predictions, atomically: true, encoding: .utf8)
        }
        var labels: [String: Any] = [:]
        for (label, counts) in scorer.byLabel { labels[label] = Self.json(counts) }
        let output: [String: Any] = [
            "file": gold, "labels": labels, "micro": Self.json(scorer.micro), "tokens": corpus.tokenCount,
            "sentences": corpus.sentenceCount, "documents": corpus.documents.count,
            "tokens_per_second": seconds > 0 ? (Double(corpus.tokenCount) / seconds).rounded() : 0,
            "tokens_per_cpu_second": cpuSeconds > 0 ? (Double(corpus.tokenCount) / cpuSeconds).rounded() : 0,
            "model_load_seconds": (loadSeconds * 1000).rounded() / 1000,
            "timed": stage ? "entities stage (model, rules, linking)" : "statistical tagger",
        ]
        let data = try JSONSerialization.data(withJSONObject: output, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// Run `EntitiesStage` over documents rebuilt from the corpus (words joined by spaces, sentences by
    /// line breaks, token and sentence layers set by hand); returns the fastest pass and the scores.
    private func runStage(_ corpus: CoNLLCorpus, recognizer: EntityRecognizer) throws -> (Double, Double, EntityScorer) {
        var documents: [Document] = []
        var tokenStarts: [[Int: (sentence: Int, token: Int)]] = []
        for (index, source) in corpus.documents.enumerated() {
            var text = ""
            var tokens: [Annotation] = []
            var sentences: [Annotation] = []
            var starts: [Int: (Int, Int)] = [:]
            var offset = 0
            for (sentenceIndex, sentence) in source.sentences.enumerated() {
                let sentenceStart = offset
                for (tokenIndex, word) in sentence.words.enumerated() {
                    if tokenIndex > 0 {
                        text += " "
                        offset += 1
                    }
                    starts[offset] = (sentenceIndex, tokenIndex)
                    text += word
                    tokens.append(Annotation(offset, offset + word.utf8.count, label: "word"))
                    offset += word.utf8.count
                }
                sentences.append(Annotation(sentenceStart, offset))
                text += "\n"
                offset += 1
            }
            var document = Document(id: "\(index)", source: gold ?? "", format: "text", text: text)
            document.set(sentences, for: .sentence)
            document.set(tokens, for: .token)
            documents.append(document)
            tokenStarts.append(starts)
        }
        let entitiesStage = EntitiesStage(recognizer: recognizer)
        var seconds = Double.infinity
        var cpuSeconds = Double.infinity
        var processed = documents
        for _ in 0..<max(1, passes) {
            processed = documents
            let stopwatch = Stopwatch()
            for index in processed.indices { try entitiesStage.process(&processed[index], context: StageContext()) }
            cpuSeconds = min(cpuSeconds, stopwatch.cpuSeconds)
            seconds = min(seconds, stopwatch.elapsedSeconds)
        }
        var scorer = EntityScorer()
        let types = scoredLabels(recognizer)
        for (index, source) in corpus.documents.enumerated() {
            var predicted = [[EntitySpan]](repeating: [], count: source.sentences.count)
            for entity in processed[index].annotations(.entity) where types.contains(entity.label) {
                guard let first = tokenStarts[index][entity.start] else { continue }
                let words = source.sentences[first.sentence].words
                var end = first.token
                var byte = entity.start
                while end < words.count && byte < entity.end {
                    byte += words[end].utf8.count + 1
                    end += 1
                }
                predicted[first.sentence].append(EntitySpan(start: first.token, end: end, label: entity.label))
            }
            for (sentence, spans) in zip(source.sentences, predicted) { scorer.add(gold: sentence.spans, predicted: spans) }
        }
        return (seconds, cpuSeconds, scorer)
    }

    /// The labels scored: the gold's format's (GUM, BTC and the PER/ORG/LOC sets have no MISC, so their
    /// predicted MISC spans are left out).
    private func scoredLabels(_ recognizer: EntityRecognizer) -> Set<String> {
        let types = Set(recognizer.model.tagSet.types)
        if gum { return types.intersection(CoNLLCorpus.gumLabelMap.values) }
        return types.intersection(gold.map { EntityCorpusFormat.parse($0).format.labels } ?? types)
    }

    static func json(_ counts: EntityScorer.Counts) -> [String: Any] {
        func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
        return [
            "precision": round(counts.precision), "recall": round(counts.recall), "f1": round(counts.f1),
            "gold": counts.gold, "predicted": counts.predicted, "correct": counts.truePositives,
        ]
    }
}
