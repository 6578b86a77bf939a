import Foundation
import LectorCore
import LectorStages

extension EntityTrainer {
    /// Train a two-pass model: one set of weights that, besides the first-pass features, knows the
    /// document features (`EntityDocumentFeatures`: how the first pass tagged the same word and phrase
    /// elsewhere in the document). At run time the first pass scores without them, the second pass adds
    /// them to the first pass's scores and decodes again (`EntityRecognizer.tag`).
    ///
    /// The document features of the training data come from a jackknife, so the model learns how far to
    /// trust first-pass tags that are as unreliable as on new text: the training documents are split
    /// into `documentFolds` folds, and a first-pass model trained on the other folds (same settings,
    /// `firstPassEpochs` epochs, no dev selection) tags each fold. The two-pass model is then trained on
    /// all of the training data with those features, keeping the epoch with the best dev micro-F1.
    func trainDocumentPass(
        firstPassEpochs: Int, train: CoNLLCorpus, dev: CoNLLCorpus, clusters: WordClusters, notes: String,
        progress: (EpochReport) -> Void
    ) -> EntityModel {
        let folds = max(2, settings.documentFolds)
        var foldSettings = settings
        foldSettings.epochs = max(1, firstPassEpochs)
        foldSettings.documentEpochs = 0
        let foldTrainer = EntityTrainer(settings: foldSettings, tagSet: tagSet)

        // Document, sentence, token → document feature hashes from held-out first-pass tags.
        var documentHashes = [[[[UInt64]]]](repeating: [], count: train.documents.count)
        var noNames: [String]? = nil
        for fold in 0..<folds {
            let inside = train.documents.indices.filter { $0 % folds != fold }
            let model = foldTrainer.trainFirstPass(
                train: CoNLLCorpus(documents: inside.map { train.documents[$0] }), dev: nil, clusters: clusters,
                notes: "", stage: "fold \(fold + 1)/\(folds)", progress: progress
            ).model
            let recognizer = EntityRecognizer(model: model)
            for index in train.documents.indices where index % folds == fold {
                let pass = recognizer.firstPass(train.documents[index].sentences.map(\.words), confidence: false)
                let document = EntityDocumentFeatures(
                    keys: pass.keys, paths: pass.tagged.map(\.tags), tagSet: tagSet)
                var perSentence: [[[UInt64]]] = []
                for (sentence, words) in pass.keys.enumerated() {
                    let headline = EntityContextFeatures.isHeadline(words)
                    var perToken: [[UInt64]] = []
                    for (position, word) in words.enumerated() {
                        var hashes: [UInt64] = []
                        document.features(
                            sentence: sentence, position: position, word: word,
                            informative: position > 0 && !headline, into: &hashes, names: &noNames,
                            typeNames: tagSet.types)
                        perToken.append(hashes)
                    }
                    perSentence.append(perToken)
                }
                documentHashes[index] = perSentence
            }
        }
        var twoPassSettings = settings
        twoPassSettings.epochs = max(1, settings.documentEpochs)
        return EntityTrainer(settings: twoPassSettings, tagSet: tagSet).trainFirstPass(
            train: train, dev: dev, clusters: clusters, notes: notes, stage: "two-pass model",
            documentFeatures: documentHashes, progress: progress
        ).model
    }
}
