import Testing

@testable import LectorStages

@Suite("Entity document features")
struct EntityDocumentFeatureTests {
    static let builder = EntityWordTypeBuilder(clusters: WordClusters())

    static func keys(_ sentences: [[String]]) -> [[EntityWordKey]] {
        sentences.map { $0.map { builder.build($0).key } }
    }

    static func names(
        _ sentences: [[String]], paths: [[Int]], sentence: Int, position: Int
    ) -> [String] {
        let keys = keys(sentences)
        let features = EntityDocumentFeatures(keys: keys, paths: paths, tagSet: .conll)
        var hashes: [UInt64] = []
        var names: [String]? = []
        features.features(
            sentence: sentence, position: position, word: keys[sentence][position], informative: position > 0,
            into: &hashes, names: &names, typeNames: EntityTagSet.conll.types)
        #expect(hashes.count == names?.count)
        return names ?? []
    }

    @Test("A word tagged inside a longer entity elsewhere carries that entity's type and place")
    func longerEntityElsewhere() {
        // O=0, B-PER=1, I-PER=2, B-ORG=3, I-ORG=4.
        let names = Self.names(
            [["Jones", "said", "so"], ["Jones", "Medical", "rose"]], paths: [[1, 0, 0], [3, 4, 0]], sentence: 0,
            position: 0)
        #expect(names.contains("docLonger=ORG|first|alone"))
        #expect(names.contains("docToken=ORG|all|title|initial"))
    }

    @Test("A word seen once in the document gets no document features")
    func singleOccurrence() {
        let names = Self.names([["Jones", "said", "so"]], paths: [[1, 0, 0]], sentence: 0, position: 0)
        #expect(names.isEmpty)
    }

    @Test("Lower-case words get no document features")
    func lowerCaseWords() {
        let names = Self.names([["said", "Jones"], ["said", "Jones"]], paths: [[0, 1], [0, 1]], sentence: 1, position: 0)
        #expect(names.isEmpty)
    }
}

@Suite("Hashed-key map")
struct HashedKeyMapTests {
    @Test("Stores, updates and finds hashed keys through growth, including key 0, like a Dictionary")
    func behavesLikeDictionary() {
        var map = HashedKeyMap<Int>(capacity: 2)
        var reference: [UInt64: Int] = [:]
        var key: UInt64 = 0
        for round in 0..<5_000 {
            key = round % 7 == 0 ? UInt64(round % 3) : FeatureHash.mix(key, UInt64(round))
            map[key, default: 0] += round
            reference[key, default: 0] += round
        }
        #expect(map.count == reference.count)
        for (key, value) in reference { #expect(map[key] == value) }
        #expect(map[FeatureHash.hash("never stored")] == nil)
    }
}
