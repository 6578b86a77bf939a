import LectorCore
import LectorStages

extension EntityRecognizer {
    /// Why one token got its tag: every tag's score, and the features that weigh most for the chosen tag.
    public struct TokenExplanation: Sendable {
        public var word: String
        public var tag: String
        public var confidence: Float
        /// Local (emission) score of each tag, by tag name.
        public var scores: [(tag: String, score: Float)]
        /// Features with their weight for the chosen tag, largest magnitude first.
        public var features: [(name: String, weight: Float)]
    }

    /// Explain the tagging of a document's sentences, keeping the `top` strongest features per token.
    /// For a two-pass model, the features include the document features of the second pass (`doc…`).
    public func explain(_ sentences: [[String]], top: Int = 8) -> [[TokenExplanation]] {
        let tagged = tag(sentences)
        let tagSet = model.tagSet
        let first = firstPass(sentences, confidence: false)
        let document =
            model.documentTransitions == nil
            ? nil : EntityDocumentFeatures(keys: first.keys, paths: first.tagged.map(\.tags), tagSet: tagSet)
        let types = sentences.map { $0.map { builder.build($0, named: true) } }
        let casing = EntityContextFeatures.documentCasing(types.map { $0.map(\.key) })
        let namedBefore = builder.build("<S>", named: true)
        let namedAfter = builder.build("</S>", named: true)
        var history = EntityHistory()
        var result: [[TokenExplanation]] = []
        for (index, sentence) in types.enumerated() {
            var hashes: [UInt64] = []
            var starts: [Int] = []
            var names: [String]? = []
            EntityContextFeatures.staticFeatures(
                sentence.map(\.key), gazetteer: model.gazetteer, documentCasing: casing, hashes: &hashes,
                starts: &starts, names: &names)
            var explained: [TokenExplanation] = []
            for (position, type) in sentence.enumerated() {
                var features: [(String, UInt64)] = Array(zip(type.ownNames, type.own))
                for offset in [-2, -1, 1, 2] {
                    let neighbour = position + offset
                    let word =
                        neighbour < 0 ? namedBefore : (neighbour >= sentence.count ? namedAfter : sentence[neighbour])
                    let slot = EntityWordType.slot(forOffset: offset)
                    features.append(contentsOf: zip(word.neighbourNames[slot], word.neighbour[slot]))
                }
                for feature in starts[position]..<starts[position + 1] {
                    features.append((names?[feature] ?? "?", hashes[feature]))
                }
                var historyHashes: [UInt64] = []
                EntityContextFeatures.historyFeatures(type.key, history: history, into: &historyHashes)
                let dominant = history.dominant(type.lowerKey).map { $0 < tagSet.types.count ? tagSet.types[$0] : "O" }
                for hash in historyHashes { features.append(("history=\(dominant ?? "-")|\(type.casing)", hash)) }
                if let document {
                    var documentHashes: [UInt64] = []
                    var documentNames: [String]? = []
                    document.features(
                        sentence: index, position: position, word: type.key,
                        informative: position > 0 && !EntityContextFeatures.isHeadline(sentence.map(\.key)),
                        into: &documentHashes, names: &documentNames, typeNames: tagSet.types)
                    features.append(contentsOf: zip(documentNames ?? [], documentHashes))
                }
                let chosen = tagged[index].tags[position]
                var scores = [Float](repeating: 0, count: tagSet.count)
                for (_, hash) in features {
                    for tag in 0..<tagSet.count { scores[tag] += model.weight(hash, tag: tag) }
                }
                let weighted = features.map { ($0.0, model.weight($0.1, tag: chosen)) }.filter { $0.1 != 0 }
                    .sorted { abs($0.1) > abs($1.1) }
                explained.append(
                    TokenExplanation(
                        word: sentences[index][position], tag: tagSet.name(of: chosen),
                        confidence: tagged[index].confidence[position],
                        scores: scores.enumerated().map { (tagSet.name(of: $0.offset), $0.element) },
                        features: Array(weighted.prefix(top))))
                let firstTags = first.tagged.indices.contains(index) ? first.tagged[index].tags : []
                let historyTag = firstTags.indices.contains(position) ? firstTags[position] : chosen
                history.record(type.key, entityType: tagSet.type(of: historyTag))
            }
            result.append(explained)
        }
        return result
    }
}
