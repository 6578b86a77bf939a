import Foundation

/// Tags the sentences of one document with the statistical model: word-type features cached per
/// form, context and document features per token, Viterbi decoding, and a left-to-right document
/// history (how each word was tagged in earlier sentences).
///
/// Immutable and `Sendable`; all per-document state lives inside `tag(_:)`.
public struct EntityRecognizer: Sendable {
    public let model: EntityModel
    package let builder: EntityWordTypeBuilder
    let viterbi: EntityViterbi
    let before: EntityWordType
    let after: EntityWordType
    /// Word types computed once at load for the model's frequent words (read-only, shared by lanes):
    /// index in `shared`, their context keys, and their scores (own, then as neighbour at -2, -1, +1, +2).
    /// Keyed by `FeatureHash.hash(word)`: a 64-bit collision between two word forms would only give
    /// one the other's features.
    let sharedIndex: HashedKeyMap<Int>
    let sharedKeys: [EntityWordKey]
    let sharedScores: [Float]

    public init(model: EntityModel) {
        self.model = model
        let builder = EntityWordTypeBuilder(clusters: model.clusters)
        self.builder = builder
        self.viterbi = EntityViterbi(tagSet: model.tagSet)
        self.before = builder.build("<S>")
        self.after = builder.build("</S>")
        var index = HashedKeyMap<Int>(capacity: model.vocabulary.count + 2)
        var keys: [EntityWordKey] = []
        var scores: [Float] = []
        for word in ["<S>", "</S>"] + model.vocabulary {
            let key = FeatureHash.hash(word)
            guard index[key] == nil else { continue }
            let type = builder.build(word)
            index[key, default: 0] = keys.count
            keys.append(type.key)
            Self.appendScores(of: type, model: model, to: &scores)
        }
        sharedIndex = index
        sharedKeys = keys
        sharedScores = scores
    }

    /// The tags of one sentence and a confidence in 0...1 per token (for tokens inside entities: the
    /// share of its tag among the max-marginal scores of all tags, see `EntityViterbi`; 1 elsewhere).
    public struct TaggedSentence: Sendable {
        public var tags: [Int]
        public var confidence: [Float]
    }

    /// Tag every sentence of a document (sentences in order; each a list of token strings).
    ///
    /// A two-pass model tags the document once, then again with document features (how the same word
    /// and phrase were tagged elsewhere, `EntityDocumentFeatures`) added to the first pass's scores.
    public func tag(_ sentences: [[String]]) -> [TaggedSentence] {
        let first = firstPass(sentences, confidence: model.documentTransitions == nil)
        guard let transitions = model.documentTransitions else { return first.tagged }
        let tags = model.tagSet.count
        let document = EntityDocumentFeatures(
            keys: first.keys, paths: first.tagged.map(\.tags), tagSet: model.tagSet)
        var results: [TaggedSentence] = []
        results.reserveCapacity(sentences.count)
        var hashes: [UInt64] = []
        var noNames: [String]? = nil
        for (index, wordKeys) in first.keys.enumerated() {
            guard !wordKeys.isEmpty else {
                results.append(TaggedSentence(tags: [], confidence: []))
                continue
            }
            var emissions = first.emissions[index]
            let headline = EntityContextFeatures.isHeadline(wordKeys)
            emissions.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for (position, word) in wordKeys.enumerated() where word.looksProper {
                    hashes.removeAll(keepingCapacity: true)
                    document.features(
                        sentence: index, position: position, word: word, informative: position > 0 && !headline,
                        into: &hashes, names: &noNames, typeNames: model.tagSet.types)
                    for hash in hashes { model.accumulate(hash, into: base + position * tags) }
                }
            }
            let decoded = viterbi.decodeWithConfidence(
                emissions: emissions, count: wordKeys.count, transitions: transitions)
            results.append(TaggedSentence(tags: decoded.path, confidence: decoded.confidence))
        }
        return results
    }

    /// The first pass alone (without document features), for diagnostics: equal to `tag` for a
    /// one-pass model.
    public func tagFirstPass(_ sentences: [[String]]) -> [TaggedSentence] {
        firstPass(sentences, confidence: true).tagged
    }

    /// What the first pass computed for a document: word keys, emission scores (tokens × tags) and tags
    /// per sentence.
    package struct FirstPass {
        package var keys: [[EntityWordKey]]
        package var emissions: [[Float]]
        package var tagged: [TaggedSentence]
    }

    /// The first pass: per-word and context features, left-to-right document history, Viterbi.
    /// `confidence` asks for max-marginal confidences (only needed when this pass is the last).
    package func firstPass(_ sentences: [[String]], confidence: Bool) -> FirstPass {
        let tags = model.tagSet.count
        // Word types: indices below `sharedCount` are the load-time cache, the rest this document's.
        let sharedCount = sharedKeys.count
        var cache = HashedKeyMap<Int>(capacity: 256)
        var localKeys: [EntityWordKey] = []
        var localScores: [Float] = []
        func typeIndex(_ word: String) -> Int {
            let key = FeatureHash.hash(word)
            if let index = sharedIndex[key] ?? cache[key] { return index }
            let type = builder.build(word)
            let index = sharedCount + localKeys.count
            cache[key, default: 0] = index
            localKeys.append(type.key)
            Self.appendScores(of: type, model: model, to: &localScores)
            return index
        }
        let beforeIndex = 0
        let afterIndex = 1

        let indices = sentences.map { $0.map(typeIndex) }
        let sentenceKeys = indices.map { $0.map { $0 < sharedCount ? sharedKeys[$0] : localKeys[$0 - sharedCount] } }
        let casing = EntityContextFeatures.documentCasing(sentenceKeys)
        var history = EntityHistory()
        var results: [TaggedSentence] = []
        results.reserveCapacity(sentences.count)
        var allEmissions: [[Float]] = []
        allEmissions.reserveCapacity(sentences.count)
        var hashes: [UInt64] = []
        var starts: [Int] = []
        var noNames: [String]? = nil
        var historyHashes: [UInt64] = []
        let stride = 5 * tags
        for (sentenceIndex, sentence) in indices.enumerated() {
            let count = sentence.count
            guard count > 0 else {
                results.append(TaggedSentence(tags: [], confidence: []))
                allEmissions.append([])
                continue
            }
            hashes.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            let wordKeys = sentenceKeys[sentenceIndex]
            EntityContextFeatures.staticFeatures(
                wordKeys, gazetteer: model.gazetteer, documentCasing: casing, hashes: &hashes, starts: &starts,
                names: &noNames)
            var emissions = [Float](repeating: 0, count: count * tags)
            emissions.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                sharedScores.withUnsafeBufferPointer { shared in
                    localScores.withUnsafeBufferPointer { local in
                        guard let sharedBase = shared.baseAddress else { return }
                        let localBase = local.baseAddress ?? sharedBase
                        func scores(_ index: Int) -> UnsafePointer<Float> {
                            index < sharedCount
                                ? sharedBase + index * stride : localBase + (index - sharedCount) * stride
                        }
                        for position in 0..<count {
                            let out = base + position * tags
                            let own = scores(sentence[position])
                            for tag in 0..<tags { out[tag] = own[tag] }
                            for slot in 0..<4 {
                                let neighbour = position + (slot < 2 ? slot - 2 : slot - 1)
                                let index =
                                    neighbour < 0
                                    ? beforeIndex : (neighbour >= count ? afterIndex : sentence[neighbour])
                                let scores = scores(index) + (1 + slot) * tags
                                for tag in 0..<tags { out[tag] += scores[tag] }
                            }
                            for feature in starts[position]..<starts[position + 1] {
                                model.accumulate(hashes[feature], into: out)
                            }
                            historyHashes.removeAll(keepingCapacity: true)
                            EntityContextFeatures.historyFeatures(
                                wordKeys[position], history: history, into: &historyHashes)
                            for hash in historyHashes { model.accumulate(hash, into: out) }
                        }
                    }
                }
            }
            let tagged: TaggedSentence
            if confidence {
                let decoded = viterbi.decodeWithConfidence(
                    emissions: emissions, count: count, transitions: model.transitions)
                tagged = TaggedSentence(tags: decoded.path, confidence: decoded.confidence)
            } else {
                let path = viterbi.decode(emissions: emissions, count: count, transitions: model.transitions)
                tagged = TaggedSentence(tags: path, confidence: [Float](repeating: 1, count: count))
            }
            for position in 0..<count {
                history.record(wordKeys[position], entityType: model.tagSet.type(of: tagged.tags[position]))
            }
            results.append(tagged)
            allEmissions.append(emissions)
        }
        return FirstPass(keys: sentenceKeys, emissions: allEmissions, tagged: results)
    }

    private static func appendScores(of type: EntityWordType, model: EntityModel, to scores: inout [Float]) {
        let tags = model.tagSet.count
        let base = scores.count
        scores.append(contentsOf: repeatElement(0, count: 5 * tags))
        scores.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            for hash in type.own { model.accumulate(hash, into: start + base) }
            for (slot, hashes) in type.neighbour.enumerated() {
                for hash in hashes { model.accumulate(hash, into: start + base + (1 + slot) * tags) }
            }
        }
    }
}
