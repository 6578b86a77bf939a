import Foundation

/// Tags the sentences of one document with the statistical model: word-type features cached per
/// form, context and document features per token, Viterbi decoding, and a left-to-right document
/// history (how each word was tagged in earlier sentences).
///
/// Immutable and `Sendable`; all per-document state lives inside `tag(_:)`.
public struct EntityRecognizer: Sendable {
    public let model: EntityModel
    let builder: EntityWordTypeBuilder
    let viterbi: EntityViterbi
    let before: EntityWordType
    let after: EntityWordType

    public init(model: EntityModel) {
        self.model = model
        self.builder = EntityWordTypeBuilder(clusters: model.clusters)
        self.viterbi = EntityViterbi(tagSet: model.tagSet)
        self.before = builder.build("<S>")
        self.after = builder.build("</S>")
    }

    /// The tags of one sentence and a confidence in 0...1 per token (the marginal probability of its
    /// tag, by forward–backward over scaled scores).
    public struct TaggedSentence: Sendable {
        public var tags: [Int]
        public var confidence: [Float]
    }

    /// Tag every sentence of a document (sentences in order; each a list of token strings).
    public func tag(_ sentences: [[String]]) -> [TaggedSentence] {
        let tags = model.tagSet.count
        var cache: [String: Int] = [:]
        var types: [EntityWordType] = []
        // Per type: own scores, then scores as neighbour at -2, -1, +1, +2.
        var typeScores: [Float] = []
        func typeIndex(_ word: String) -> Int {
            if let index = cache[word] { return index }
            let type = builder.build(word)
            let index = types.count
            cache[word] = index
            types.append(type)
            appendScores(of: type, to: &typeScores)
            return index
        }
        let beforeIndex = types.count
        types.append(before)
        appendScores(of: before, to: &typeScores)
        let afterIndex = types.count
        types.append(after)
        appendScores(of: after, to: &typeScores)

        let indices = sentences.map { $0.map(typeIndex) }
        let sentenceTypes = indices.map { $0.map { types[$0] } }
        let casing = EntityContextFeatures.documentCasing(sentenceTypes)
        var history = EntityHistory()
        var results: [TaggedSentence] = []
        results.reserveCapacity(sentences.count)
        var hashes: [UInt64] = []
        var starts: [Int] = []
        var noNames: [String]? = nil
        var historyHashes: [UInt64] = []
        let stride = 5 * tags
        for (sentenceIndex, sentence) in indices.enumerated() {
            let count = sentence.count
            guard count > 0 else {
                results.append(TaggedSentence(tags: [], confidence: []))
                continue
            }
            hashes.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            let wordTypes = sentenceTypes[sentenceIndex]
            EntityContextFeatures.staticFeatures(
                wordTypes, gazetteer: model.gazetteer, documentCasing: casing, hashes: &hashes, starts: &starts,
                names: &noNames)
            var emissions = [Float](repeating: 0, count: count * tags)
            emissions.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                typeScores.withUnsafeBufferPointer { scores in
                    guard let scoreBase = scores.baseAddress else { return }
                    for position in 0..<count {
                        let out = base + position * tags
                        let own = scoreBase + sentence[position] * stride
                        for tag in 0..<tags { out[tag] = own[tag] }
                        for offset in [-2, -1, 1, 2] {
                            let neighbour = position + offset
                            let index = neighbour < 0 ? beforeIndex : (neighbour >= count ? afterIndex : sentence[neighbour])
                            let slot = scoreBase + index * stride + (1 + EntityWordType.slot(forOffset: offset)) * tags
                            for tag in 0..<tags { out[tag] += slot[tag] }
                        }
                        for feature in starts[position]..<starts[position + 1] {
                            model.accumulate(hashes[feature], into: out)
                        }
                        historyHashes.removeAll(keepingCapacity: true)
                        EntityContextFeatures.historyFeatures(wordTypes[position], history: history, into: &historyHashes)
                        for hash in historyHashes { model.accumulate(hash, into: out) }
                    }
                }
            }
            let path = viterbi.decode(emissions: emissions, count: count, transitions: model.transitions)
            let confidence = viterbi.marginals(of: path, emissions: emissions, transitions: model.transitions)
            for position in 0..<count {
                history.record(wordTypes[position], entityType: model.tagSet.type(of: path[position]))
            }
            results.append(TaggedSentence(tags: path, confidence: confidence))
        }
        return results
    }

    private func appendScores(of type: EntityWordType, to scores: inout [Float]) {
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
