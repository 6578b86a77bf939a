import ArgumentParser
import LectorCore
import Foundation
import LectorStages

/// `lector train entities`: train the statistical entity recogniser from CoNLL files.
struct TrainEntities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Train the entity recogniser (averaged perceptron) on CoNLL-format data.",
        discussion: """
            Learns word clusters from the --unlabelled files (CoNLL, CoNLL-U, JSON Lines with title/article, \
            or plain text), builds a gazetteer from the training spans, trains for --epochs and keeps the \
            epoch with the best dev micro-F1. With --document-epochs, a second pass learns from document \
            features (how the same word was tagged elsewhere in the document) on jackknifed first-pass tags. \
            Tags are BILOU by default (--scheme bio for IOB2). Deterministic for a fixed --seed. \
            With --lang XX the model is for documents in that language: its notes name the language, and \
            without --out it is written to entities-model-XX.bin, the name the entities stage looks for \
            (beside the shipped resources, or in the folder named by LECTOR_RESOURCES, under Resources/).
            """
    )

    @Option(
        help: "Training data, CoNLL columns (IOB1 or IOB2); repeatable. PATH:FORMAT reads another scheme (wnut, btc, gum).")
    var train: [String]
    @Option(help: "Update size of each --train corpus, in order (default 1 each): 2 counts a corpus's mistakes twice.")
    var weight: [Double] = []
    @Option(help: "Development data used to pick the best epoch (mean micro-F1 when repeated); PATH:FORMAT as --train.")
    var dev: [String]
    @Option(help: "Where to write the model (default with --lang: entities-model-XX.bin).") var out: String?
    @Option(help: "Language of the training data (primary subtag: de, fr, es, nl, it…); default English.")
    var lang: String?
    @Option(help: "Random seed (document order, cluster initialisation).") var seed: UInt64 = 1
    @Option(help: "Training epochs.") var epochs: Int = 12
    @Option(help: "Unlabelled text for word clusters (repeatable).") var unlabelled: [String] = []
    @Option(help: "Number of fine word clusters.") var clusters: Int = 1000
    @Option(help: "Train this many models with seeds seed, seed+1, … and average their weights.") var mix: Int = 1
    @Option(help: "Epochs of the second, document-level pass (0: a one-pass model).") var documentEpochs: Int = 0
    @Option(help: "Folds of the jackknife that gives the document pass its first-pass tags on training data.")
    var documentFolds: Int = 5
    @Flag(help: "Share each update among all tags of an entity type (B-/I-/L-/U- of PER together).")
    var typeSharing = false
    @Option(help: "Tag encoding: bilou (begin, inside, last, unit) or bio.") var scheme: TagScheme = .bilou

    func validate() throws {
        if let lang, EntityModelStore.modelName(language: lang) == nil {
            throw ValidationError("--lang '\(lang)' is not a language subtag (two or three letters: de, fr, es…)")
        }
        if out == nil && lang == nil { throw ValidationError("give --out FILE or --lang XX") }
    }

    func run() throws {
        let stopwatch = Stopwatch()
        let language = lang.map(EntitiesStage.primaryLanguage) ?? "en"
        guard let out = out ?? EntityModelStore.modelName(language: language) else {
            throw ValidationError("give --out FILE")
        }
        var trainCorpus = CoNLLCorpus(documents: [])
        guard weight.isEmpty || weight.count == train.count else {
            throw ValidationError("give one --weight per --train corpus, or none")
        }
        for (index, argument) in train.enumerated() {
            let (path, format) = EntityCorpusFormat.parse(argument)
            var corpus = try format.read(URL(fileURLWithPath: path), dropMentions: true)
            if !weight.isEmpty {
                for document in corpus.documents.indices { corpus.documents[document].weight = weight[index] }
            }
            log("train: \(path) (\(format.rawValue)): \(corpus.sentenceCount) sentences, \(corpus.tokenCount) tokens")
            trainCorpus.documents.append(contentsOf: corpus.documents)
        }
        let devCorpora = try dev.map { argument in
            let (path, format) = EntityCorpusFormat.parse(argument)
            return try format.read(URL(fileURLWithPath: path), dropMentions: true)
        }
        var text: [[String]] = []
        for path in unlabelled {
            let sentences = try UnlabelledText.sentences(contentsOf: URL(fileURLWithPath: path))
            log("unlabelled: \(path): \(sentences.count) sentences")
            text.append(contentsOf: sentences)
        }
        var wordClusters = WordClusters()
        if !text.isEmpty {
            var learner = ContextClusterLearner()
            learner.seed = seed
            learner.fineClusters = clusters
            let clustering = Stopwatch()
            wordClusters = learner.learn(text, log: log)
            log(
                String(
                    format: "clusters: %d words in %.1f s", wordClusters.count, clustering.elapsedSeconds))
        }
        var settings = EntityTrainer.Settings()
        settings.seed = seed
        settings.epochs = epochs
        settings.documentEpochs = max(0, documentEpochs)
        settings.documentFolds = max(2, documentFolds)
        settings.typeSharing = typeSharing
        let names = unlabelled.map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
        let notes = """
            Lector entity model (language: \(language)): averaged perceptron, \(scheme.rawValue.uppercased()) tags\(documentEpochs > 0 ? ", two passes (document features)" : ""). Trained by `lector train entities` on \
            \(Self.fileNames(train)) (\(trainCorpus.tokenCount) tokens), best epoch by \
            \(Self.fileNames(dev)); clusters from: \(names.isEmpty ? "none" : names); seed \(seed).
            """
        var models: [EntityModel] = []
        for run in 0..<max(1, mix) {
            settings.seed = seed + UInt64(run)
            let trainer = EntityTrainer(settings: settings, tagSet: EntityTagSet.conll.with(scheme: scheme.value))
            models.append(
                trainer.train(train: trainCorpus, devs: devCorpora, clusters: wordClusters, notes: notes) { report in
                    log(
                        "seed \(settings.seed) \(report.stage) "
                            + String(
                                format: "epoch %2d: %5d mistakes, dev F1 %.4f, %.1f s", report.epoch, report.mistakes,
                                report.devF1, report.seconds)
                            + (report.devScores.count > 1
                                ? " (" + report.devScores.map { String(format: "%.4f", $0) }.joined(separator: " ") + ")"
                                : ""))
                })
        }
        guard let model = models.count == 1 ? models.first : EntityTrainer.mixed(models) else {
            throw ValidationError("could not mix the trained models")
        }
        if models.count > 1 {
            log(
                String(
                    format: "mixed %d models: dev F1 %@", models.count,
                    devCorpora.map { String(format: "%.4f", EntityTrainer.evaluate(model: model, on: $0).micro.f1) }
                        .joined(separator: " ")))
        }
        let data = model.serialized()
        try data.write(to: URL(fileURLWithPath: out), options: .atomic)
        log(
            String(
                format: "wrote %@: %d features, %.2f MB, %.0f s total", out, model.featureCount,
                Double(data.count) / 1_048_576, stopwatch.elapsedSeconds))
    }

    /// File names (with their formats) of corpus arguments, for the model's notes.
    static func fileNames(_ arguments: [String]) -> String {
        arguments.map { argument in
            let (path, format) = EntityCorpusFormat.parse(argument)
            return URL(fileURLWithPath: path).lastPathComponent + (format == .conll ? "" : " (\(format.rawValue))")
        }.joined(separator: ", ")
    }

    /// The `--scheme` values.
    enum TagScheme: String, ExpressibleByArgument, CaseIterable {
        case bilou, bio
        var value: EntityTagSet.Scheme { self == .bio ? .bio : .bilou }
    }

    private func log(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
