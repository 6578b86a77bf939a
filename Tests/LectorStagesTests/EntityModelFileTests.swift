import Foundation
import Testing

@testable import LectorStages

@Suite("Entity model file")
struct EntityModelFileTests {
    static func smallModel() -> EntityModel {
        var clusters = WordClusters()
        clusters.insert(word: "Paris", packed: WordClusters.pack(fine: 3, middle: 2, coarse: 1))
        var gazetteer = EntityGazetteer()
        gazetteer.insert(wordKeys: [FeatureHash.hash("paris")], type: 2)
        let tags = EntityTagSet.conll.count
        return EntityModel(
            tagSet: .conll, transitions: (0..<((tags + 1) * tags)).map { Float($0) / 10 },
            features: [11, 22, 33], weights: (0..<(3 * tags)).map { Float($0) - 5 }, clusters: clusters,
            gazetteer: gazetteer, vocabulary: ["Paris", "the"], notes: "test model")
    }

    @Test("A model survives serialisation with its weights, clusters, gazetteer and notes")
    func roundTrip() throws {
        let model = Self.smallModel()
        let loaded = try EntityModel(data: model.serialized())
        #expect(loaded.featureCount == 3)
        #expect(abs(loaded.weight(22, tag: 4) - model.weight(22, tag: 4)) < 0.01)
        #expect(loaded.weight(99, tag: 0) == 0)
        #expect(loaded.clusters.count == 1)
        #expect(loaded.gazetteer.maxLength == 1)
        #expect(loaded.notes == "test model")
        #expect(loaded.vocabulary == ["Paris", "the"])
    }

    @Test("A two-pass model keeps its second-pass transitions through serialisation")
    func twoPassRoundTrip() throws {
        let small = Self.smallModel()
        let second = small.transitions.map { $0 + 1 }
        let model = EntityModel(
            tagSet: small.tagSet, transitions: small.transitions, features: small.keys, weights: small.weights,
            clusters: small.clusters, gazetteer: small.gazetteer, vocabulary: small.vocabulary, notes: small.notes,
            documentTransitions: second)
        let loaded = try EntityModel(data: model.serialized())
        #expect(loaded.documentTransitions == second)
        #expect(try EntityModel(data: small.serialized()).documentTransitions == nil)
    }

    @Test("A flipped byte is reported as corruption")
    func corruptByte() {
        var data = Self.smallModel().serialized()
        data[data.count - 3] ^= 0xff
        #expect(throws: EntityModelError.self) { try EntityModel(data: data) }
    }

    @Test("A truncated file is reported, not a crash")
    func truncated() {
        let data = Self.smallModel().serialized()
        for length in [0, 5, 20, data.count / 2, data.count - 1] {
            #expect(throws: EntityModelError.self) { try EntityModel(data: data.prefix(length)) }
        }
    }

    @Test("A file that is not a model is rejected by its magic")
    func wrongMagic() {
        #expect(throws: EntityModelError.self) { try EntityModel(data: Data("hello world, not a model".utf8)) }
    }

    @Test("The shipped model loads and knows the CoNLL types")
    func shippedModelLoads() throws {
        let recognizer = try EntityModelStore.shippedRecognizer()
        #expect(recognizer.model.tagSet.types == ["PER", "ORG", "LOC", "MISC"])
        #expect(recognizer.model.featureCount > 1000)
        #expect(recognizer.model.documentTransitions != nil, "the shipped model is a two-pass model")
    }
}

@Suite("Entity model mixing")
struct EntityModelMixingTests {
    @Test("Mixing a model with itself keeps its weights")
    func mixingIdenticalModels() throws {
        let model = EntityModelFileTests.smallModel()
        let mixed = try #require(EntityTrainer.mixed([model, model]))
        #expect(mixed.featureCount == model.featureCount)
        #expect(abs(mixed.weight(33, tag: 2) - model.weight(33, tag: 2)) < 0.01)
    }
}
