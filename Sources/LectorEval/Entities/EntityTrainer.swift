import Foundation
import LectorCore
import LectorStages

/// Trains an `EntityModel` with the averaged structured perceptron (Collins 2002): Viterbi decoding
/// with the current weights, additive updates towards the gold path, and weights averaged over all
/// steps. Deterministic for a fixed seed (the document order of each epoch comes from it).
///
/// Gazetteer features on the training data come from the other half of the training documents
/// (k-fold jackknife), so the model cannot learn to trust a list that contains every answer; the
/// shipped gazetteer holds all training phrases. Document history uses the model's own predictions
/// on earlier sentences, as at run time.
public struct EntityTrainer {
    /// Training settings.
    public struct Settings: Sendable {
        public var epochs = 12
        public var seed: UInt64 = 1
        /// Features seen fewer times in training are dropped.
        public var minimumFeatureCount = 2
        /// Gazetteer phrases are kept when seen at least this often with a type.
        public var minimumPhraseCount = 1
        /// Training documents are split into this many folds; each fold's gazetteer features come from
        /// the phrases of the other folds.
        public var gazetteerFolds = 2
        /// Epochs of the two-pass model, trained with document features after the first pass (0: a
        /// one-pass model).
        public var documentEpochs = 0
        /// Document features of the training data come from first-pass models trained on the other folds
        /// (jackknife), so they are as unreliable as at run time.
        public var documentFolds = 5
        /// Each update also moves every tag of the gold and predicted entity types (B-, I-, L-, U- of
        /// PER together), so evidence for a type is shared by its parts instead of split among them.
        /// The shared part is folded into the per-tag weights: the model file and run time are the same.
        public var typeSharing = false
        public init() {}
    }

    /// Progress of one epoch.
    public struct EpochReport: Sendable {
        /// What was trained: "first pass", "fold 2/5", "document pass".
        public var stage: String
        public var epoch: Int
        public var mistakes: Int
        public var devF1: Double
        /// Micro-F1 on each dev set (`devF1` is their mean).
        public var devScores: [Double] = []
        public var seconds: Double
    }

    public let settings: Settings
    public let tagSet: EntityTagSet

    public init(settings: Settings = Settings(), tagSet: EntityTagSet = .conll) {
        self.settings = settings
        self.tagSet = tagSet
    }

    /// Train on `train`, pick the epoch with the best micro-F1 on `dev`, and return that model. With
    /// `documentEpochs` > 0, the first pass only fixes the epoch count of the jackknife that gives a
    /// two-pass model its training features (`trainDocumentPass`).
    public func train(
        train: CoNLLCorpus, dev: CoNLLCorpus, clusters: WordClusters, notes: String,
        progress: (EpochReport) -> Void = { _ in }
    ) -> EntityModel {
        self.train(train: train, devs: [dev], clusters: clusters, notes: notes, progress: progress)
    }

    /// As `train(train:dev:…)`, with the epoch picked by the mean micro-F1 over several dev sets (one
    /// per domain, so that no one domain decides).
    public func train(
        train: CoNLLCorpus, devs: [CoNLLCorpus], clusters: WordClusters, notes: String,
        progress: (EpochReport) -> Void = { _ in }
    ) -> EntityModel {
        let first = trainFirstPass(
            train: train, dev: devs, clusters: clusters, notes: notes, stage: "first pass", progress: progress)
        guard settings.documentEpochs > 0 else { return first.model }
        return trainDocumentPass(
            firstPassEpochs: first.epoch, train: train, dev: devs, clusters: clusters, notes: notes, progress: progress)
    }

    /// Mean micro-F1 of `model` over `corpora` (0 for none).
    public static func meanF1(model: EntityModel, on corpora: [CoNLLCorpus]) -> Double {
        guard !corpora.isEmpty else { return 0 }
        return corpora.reduce(0) { $0 + evaluate(model: model, on: $1).micro.f1 } / Double(corpora.count)
    }

    /// Train the first pass on `train` for `settings.epochs`; with dev sets, return the epoch with the best
    /// mean micro-F1 on them, else the last epoch.
    ///
    /// `documentFeatures` (per document, sentence and token) are extra feature hashes of each training
    /// token; a model trained with them is a two-pass model whose second pass adds them at run time.
    func trainFirstPass(
        train: CoNLLCorpus, dev: [CoNLLCorpus], clusters: WordClusters, notes: String, stage: String,
        documentFeatures: [[[[UInt64]]]]? = nil, progress: (EpochReport) -> Void
    ) -> (model: EntityModel, epoch: Int) {
        let builder = EntityWordTypeBuilder(clusters: clusters)
        var typeCache: [String: EntityWordType] = [:]
        func type(_ word: String) -> EntityWordType {
            if let cached = typeCache[word] { return cached }
            let built = builder.build(word)
            typeCache[word] = built
            return built
        }
        var wordCounts: [String: Int] = [:]
        for document in train.documents {
            for sentence in document.sentences {
                for word in sentence.words { wordCounts[word, default: 0] += 1 }
            }
        }
        let vocabulary = wordCounts.filter { $0.value >= 2 }.map(\.key).sorted()
        let documents = train.documents.map { $0.sentences.map { $0.words.map(type) } }
        let before = builder.build("<S>")
        let after = builder.build("</S>")

        // Gazetteers: full, and one per fold built from the other fold's documents.
        var full = EntityGazetteer()
        let foldCount = max(2, settings.gazetteerFolds)
        var folds = [EntityGazetteer](repeating: EntityGazetteer(), count: foldCount)
        var phraseCounts: [[UInt64]: [Int]] = [:]
        var foldCounts = [[[UInt64]: [Int]]](repeating: [:], count: foldCount)
        for (documentIndex, document) in train.documents.enumerated() {
            for (sentenceIndex, sentence) in document.sentences.enumerated() {
                for span in sentence.spans {
                    guard let typeIndex = tagSet.types.firstIndex(of: span.label) else { continue }
                    let keys = documents[documentIndex][sentenceIndex][span.start..<span.end].map(\.lowerKey)
                    phraseCounts[keys, default: [Int](repeating: 0, count: tagSet.types.count)][typeIndex] += 1
                    for fold in 0..<foldCount where fold != documentIndex % foldCount {
                        foldCounts[fold][keys, default: [Int](repeating: 0, count: tagSet.types.count)][typeIndex] += 1
                    }
                }
            }
        }
        func fill(_ gazetteer: inout EntityGazetteer, from counts: [[UInt64]: [Int]]) {
            for (keys, perType) in counts {
                for (typeIndex, count) in perType.enumerated() where count >= settings.minimumPhraseCount {
                    gazetteer.insert(wordKeys: keys, type: typeIndex)
                }
            }
        }
        fill(&full, from: phraseCounts)
        for fold in 0..<foldCount { fill(&folds[fold], from: foldCounts[fold]) }

        // Static features of every token, as hashes, then counted and indexed.
        var sentenceHashes: [[UInt64]] = []
        var sentenceStarts: [[Int]] = []
        var counts: [UInt64: Int32] = [:]
        var noNames: [String]? = nil
        for (documentIndex, document) in documents.enumerated() {
            let keys = document.map { $0.map(\.key) }
            let casing = EntityContextFeatures.documentCasing(keys)
            for (local, sentence) in document.enumerated() {
                var context: [UInt64] = []
                var contextStarts: [Int] = []
                EntityContextFeatures.staticFeatures(
                    keys[local], gazetteer: folds[documentIndex % foldCount], documentCasing: casing, hashes: &context,
                    starts: &contextStarts, names: &noNames)
                var hashes: [UInt64] = []
                var starts: [Int] = [0]
                for position in sentence.indices {
                    hashes.append(contentsOf: sentence[position].own)
                    for offset in [-2, -1, 1, 2] {
                        let neighbour = position + offset
                        let word = neighbour < 0 ? before : (neighbour >= sentence.count ? after : sentence[neighbour])
                        hashes.append(contentsOf: word.neighbour[EntityWordType.slot(forOffset: offset)])
                    }
                    hashes.append(contentsOf: context[contextStarts[position]..<contextStarts[position + 1]])
                    if let documentFeatures {
                        hashes.append(contentsOf: documentFeatures[documentIndex][local][position])
                    }
                    starts.append(hashes.count)
                }
                for hash in hashes { counts[hash, default: 0] += 1 }
                sentenceHashes.append(hashes)
                sentenceStarts.append(starts)
            }
        }
        var featureIndex: [UInt64: Int32] = [:]
        var featureKeys: [UInt64] = []
        for (hash, count) in counts.sorted(by: { $0.key < $1.key }) where count >= settings.minimumFeatureCount {
            featureIndex[hash] = Int32(featureKeys.count)
            featureKeys.append(hash)
        }
        // Every history feature value gets a row.
        for dominant in 0..<5 {
            for casing in 0..<5 {
                for hash in [
                    FeatureHash.hash(.history, UInt64(dominant)),
                    FeatureHash.hash(.historyCap, UInt64(dominant) << 8 | UInt64(casing)),
                ] where featureIndex[hash] == nil {
                    featureIndex[hash] = Int32(featureKeys.count)
                    featureKeys.append(hash)
                }
            }
        }
        let indexed: [[Int32]] = sentenceHashes.map { $0.map { featureIndex[$0] ?? -1 } }
        sentenceHashes = []
        var sentenceOffsets: [Int] = [0]
        for document in documents {
            sentenceOffsets.append(sentenceOffsets[sentenceOffsets.count - 1] + document.count)
        }
        let gold: [[Int]] = train.documents.flatMap {
            $0.sentences.map { tagSet.tags(for: $0.spans, count: $0.words.count) }
        }

        // Averaged perceptron state (Daumé's trick: average = w - u / c).
        let tags = tagSet.count
        var weights = [Float](repeating: 0, count: featureKeys.count * tags)
        var accumulated = [Double](repeating: 0, count: featureKeys.count * tags)
        var transitions = [Float](repeating: 0, count: (tags + 1) * tags)
        var accumulatedTransitions = [Double](repeating: 0, count: (tags + 1) * tags)
        var step = 1.0
        let viterbi = EntityViterbi(tagSet: tagSet)
        // With type sharing, the tags of each tag's entity type (none for `O`).
        let sameType: [[Int]] = (0..<tags).map { tag in
            guard settings.typeSharing, let type = tagSet.type(of: tag) else { return [] }
            return (0..<tags).filter { tagSet.type(of: $0) == type }
        }
        // Per document, the type indices its source does not annotate.
        let unannotated: [Set<Int>] = train.documents.map { document in
            Set(document.unannotatedTypes.compactMap { tagSet.types.firstIndex(of: $0) })
        }
        // Per document, the size of its updates (a corpus's weight).
        let rates: [Float] = train.documents.map { Float($0.weight) }
        var random = SplitMix64(seed: settings.seed)
        var order = Array(documents.indices)
        var best: (f1: Double, model: EntityModel, epoch: Int)?

        for epoch in 1...max(1, settings.epochs) {
            let stopwatch = Stopwatch()
            random.shuffle(&order)
            var mistakes = 0
            for documentIndex in order {
                var history = EntityHistory()
                for local in documents[documentIndex].indices {
                    let sentence = sentenceOffsets[documentIndex] + local
                    let words = documents[documentIndex][local]
                    let starts = sentenceStarts[sentence]
                    let features = indexed[sentence]
                    let count = words.count
                    var historyRows: [[Int32]] = []
                    var emissions = [Float](repeating: 0, count: count * tags)
                    for position in 0..<count {
                        var hashes: [UInt64] = []
                        EntityContextFeatures.historyFeatures(words[position].key, history: history, into: &hashes)
                        historyRows.append(hashes.compactMap { featureIndex[$0] })
                        for feature in features[starts[position]..<starts[position + 1]] where feature >= 0 {
                            let row = Int(feature) * tags
                            for tag in 0..<tags { emissions[position * tags + tag] += weights[row + tag] }
                        }
                        for feature in historyRows[position] {
                            let row = Int(feature) * tags
                            for tag in 0..<tags { emissions[position * tags + tag] += weights[row + tag] }
                        }
                    }
                    let predicted = viterbi.decode(emissions: emissions, count: count, transitions: transitions)
                    let rate = rates[documentIndex]
                    var truth = gold[sentence]
                    if !unannotated[documentIndex].isEmpty {
                        truth = Self.acceptingUnannotated(
                            truth: truth, predicted: predicted, types: unannotated[documentIndex], tagSet: tagSet)
                    }
                    if predicted != truth {
                        mistakes += 1
                        for position in 0..<count {
                            let previousGold = position == 0 ? tags : truth[position - 1]
                            let previousPredicted = position == 0 ? tags : predicted[position - 1]
                            if previousGold != previousPredicted || truth[position] != predicted[position] {
                                let good = previousGold * tags + truth[position]
                                let bad = previousPredicted * tags + predicted[position]
                                transitions[good] += rate
                                accumulatedTransitions[good] += Double(rate) * step
                                transitions[bad] -= rate
                                accumulatedTransitions[bad] -= Double(rate) * step
                            }
                            guard truth[position] != predicted[position] else { continue }
                            let rows =
                                features[starts[position]..<starts[position + 1]].filter { $0 >= 0 }
                                + historyRows[position]
                            for feature in rows {
                                let row = Int(feature) * tags
                                weights[row + truth[position]] += rate
                                accumulated[row + truth[position]] += Double(rate) * step
                                weights[row + predicted[position]] -= rate
                                accumulated[row + predicted[position]] -= Double(rate) * step
                            }
                            // Type sharing: every part of the gold type gains, every part of the predicted
                            // type loses (nothing when only the part was wrong).
                            let gainers = sameType[truth[position]]
                            let losers = sameType[predicted[position]]
                            guard gainers != losers else { continue }
                            for feature in rows {
                                let row = Int(feature) * tags
                                for tag in gainers {
                                    weights[row + tag] += rate
                                    accumulated[row + tag] += Double(rate) * step
                                }
                                for tag in losers {
                                    weights[row + tag] -= rate
                                    accumulated[row + tag] -= Double(rate) * step
                                }
                            }
                        }
                    }
                    for position in 0..<count {
                        history.record(words[position].key, entityType: tagSet.type(of: predicted[position]))
                    }
                    step += 1
                }
            }
            let averaged = zip(weights, accumulated).map { Float(Double($0) - $1 / step) }
            let averagedTransitions = zip(transitions, accumulatedTransitions).map { Float(Double($0) - $1 / step) }
            let model = Self.pruned(
                tagSet: tagSet, transitions: averagedTransitions, keys: featureKeys, weights: averaged,
                clusters: clusters, gazetteer: full, vocabulary: vocabulary, notes: notes,
                documentTransitions: documentFeatures == nil ? nil : averagedTransitions)
            let scores = dev.map { Self.evaluate(model: model, on: $0).micro.f1 }
            let f1 = scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
            progress(
                EpochReport(
                    stage: stage, epoch: epoch, mistakes: mistakes, devF1: f1, devScores: scores,
                    seconds: stopwatch.elapsedSeconds))
            if best == nil || dev.isEmpty || f1 > best?.f1 ?? 0 { best = (f1, model, epoch) }
        }
        if let best { return (best.model, best.epoch) }
        let model = Self.pruned(
            tagSet: tagSet, transitions: transitions, keys: featureKeys, weights: weights, clusters: clusters,
            gazetteer: full, vocabulary: vocabulary, notes: notes,
            documentTransitions: documentFeatures == nil ? nil : transitions)
        return (model, settings.epochs)
    }

    /// `truth` with every predicted span of an unannotated type copied in where the gold tags are all
    /// `O`: a source that never marks that type cannot say the prediction is wrong.
    static func acceptingUnannotated(truth: [Int], predicted: [Int], types: Set<Int>, tagSet: EntityTagSet) -> [Int] {
        var result = truth
        for span in tagSet.typedSpans(of: predicted) where types.contains(span.type) {
            guard (span.start..<span.end).allSatisfy({ truth[$0] == 0 }) else { continue }
            for position in span.start..<span.end { result[position] = predicted[position] }
        }
        return result
    }

    /// A model without the features whose weights are negligible (below 1/16384 of the largest weight),
    /// with weights already rounded as the 16-bit file stores them, so dev scores during training are
    /// the scores of the saved model.
    static func pruned(
        tagSet: EntityTagSet, transitions: [Float], keys: [UInt64], weights: [Float], clusters: WordClusters,
        gazetteer: EntityGazetteer, vocabulary: [String], notes: String, documentTransitions: [Float]? = nil
    ) -> EntityModel {
        let tags = tagSet.count
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let threshold = largest / 16384
        var keptKeys: [UInt64] = []
        var keptWeights: [Float] = []
        for (index, key) in keys.enumerated() {
            let row = weights[(index * tags)..<(index * tags + tags)]
            guard row.contains(where: { abs($0) >= threshold }) else { continue }
            keptKeys.append(key)
            keptWeights.append(contentsOf: EntityModel.quantised(row))
        }
        return EntityModel(
            tagSet: tagSet, transitions: transitions, features: keptKeys, weights: keptWeights, clusters: clusters,
            gazetteer: gazetteer, vocabulary: vocabulary, notes: notes, documentTransitions: documentTransitions)
    }

    /// Score `model` on a gold corpus.
    public static func evaluate(model: EntityModel, on corpus: CoNLLCorpus) -> EntityScorer {
        let recognizer = EntityRecognizer(model: model)
        var scorer = EntityScorer()
        for document in corpus.documents {
            let tagged = recognizer.tag(document.sentences.map(\.words))
            for (sentence, result) in zip(document.sentences, tagged) {
                scorer.add(gold: sentence.spans, predicted: model.tagSet.spans(of: result.tags))
            }
        }
        return scorer
    }
}

/// A small, fast, seedable random number generator (SplitMix64), so training is reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Fisher–Yates shuffle with this generator (independent of the standard library's algorithm).
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for index in stride(from: array.count - 1, to: 0, by: -1) {
            let other = Int(next() % UInt64(index + 1))
            array.swapAt(index, other)
        }
    }
}

extension EntityTrainer {
    /// The average of models trained on the same data with different seeds (parameter mixing): the union
    /// of their features, each weight the mean over the models (0 where a model lacks the feature).
    /// Clusters, gazetteer, vocabulary and notes come from the first model; second-pass transitions are
    /// mixed when every model is a two-pass model.
    public static func mixed(_ models: [EntityModel]) -> EntityModel? {
        guard let first = models.first, models.allSatisfy({ $0.tagSet == first.tagSet }) else { return nil }
        let tags = first.tagSet.count
        var rows: [UInt64: Int] = [:]
        var keys: [UInt64] = []
        var weights: [Float] = []
        var transitions = [Float](repeating: 0, count: first.transitions.count)
        let share = 1 / Float(models.count)
        for model in models {
            for (index, value) in model.transitions.enumerated() { transitions[index] += value * share }
            for (row, key) in model.keys.enumerated() {
                let target: Int
                if let existing = rows[key] {
                    target = existing
                } else {
                    target = keys.count
                    rows[key] = target
                    keys.append(key)
                    weights.append(contentsOf: repeatElement(0, count: tags))
                }
                for tag in 0..<tags { weights[target * tags + tag] += model.weights[row * tags + tag] * share }
            }
        }
        // Second-pass transitions are mixed when every model has them.
        var documentTransitions: [Float]?
        if models.allSatisfy({ $0.documentTransitions != nil }) {
            var mixed = [Float](repeating: 0, count: transitions.count)
            for model in models {
                for (index, value) in (model.documentTransitions ?? []).enumerated() { mixed[index] += value * share }
            }
            documentTransitions = mixed
        }
        return pruned(
            tagSet: first.tagSet, transitions: transitions, keys: keys, weights: weights, clusters: first.clusters,
            gazetteer: first.gazetteer, vocabulary: first.vocabulary, notes: first.notes,
            documentTransitions: documentTransitions)
    }
}
