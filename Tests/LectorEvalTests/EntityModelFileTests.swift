import Foundation
import Testing

@testable import LectorStages
@testable import LectorEval

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

    @Test("The tag encoding is stored: a BILOU model reads back as BILOU")
    func schemeRoundTrip() throws {
        let small = Self.smallModel()
        let tagSet = small.tagSet.with(scheme: .bilou)
        let tags = tagSet.count
        let model = EntityModel(
            tagSet: tagSet, transitions: [Float](repeating: 0.5, count: (tags + 1) * tags), features: small.keys,
            weights: (0..<(3 * tags)).map { Float($0) }, clusters: small.clusters, gazetteer: small.gazetteer,
            vocabulary: small.vocabulary, notes: small.notes)
        let loaded = try EntityModel(data: model.serialized())
        #expect(loaded.tagSet == tagSet)
        #expect(abs(loaded.weight(33, tag: 16) - model.weight(33, tag: 16)) < 0.01)
    }

    @Test("A version-2 file (no encoding byte) still loads, as BIO")
    func versionTwoLoads() throws {
        var bytes = [UInt8](Self.smallModel().serialized())
        // Payload: u32 type count, then u16-prefixed names; the encoding byte follows them.
        var offset = 28 + 4
        for type in EntityTagSet.conll.types { offset += 2 + type.utf8.count }
        #expect(bytes[offset] == EntityTagSet.Scheme.bio.rawValue)
        bytes.remove(at: offset)
        func put<T: FixedWidthInteger>(_ value: T, at position: Int) {
            withUnsafeBytes(of: value.littleEndian) { for (index, byte) in $0.enumerated() { bytes[position + index] = byte } }
        }
        put(UInt32(2), at: 8)
        put(UInt64(bytes.count - 28), at: 12)
        put(EntityModel.checksum(bytes[28...]), at: 20)
        let loaded = try EntityModel(data: Data(bytes))
        #expect(loaded.tagSet == .conll)
        #expect(loaded.featureCount == 3)
    }

    @Test("An unknown tag encoding is an error, not a guess")
    func unknownScheme() {
        var bytes = [UInt8](Self.smallModel().serialized())
        var offset = 28 + 4
        for type in EntityTagSet.conll.types { offset += 2 + type.utf8.count }
        bytes[offset] = 7
        let checksum = EntityModel.checksum(bytes[28...])
        withUnsafeBytes(of: checksum.littleEndian) { for (index, byte) in $0.enumerated() { bytes[20 + index] = byte } }
        #expect(throws: EntityModelError.self) { try EntityModel(data: Data(bytes)) }
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
