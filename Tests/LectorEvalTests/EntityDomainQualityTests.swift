import Foundation
import LectorTestSupport
import Testing

@testable import LectorEval
@testable import LectorStages

/// Quality floors of the shipped model outside news, from gold tokens through the entities stage (as
/// `lector eval entities --suite` scores them); skipped when the data is absent. Floors sit a little
/// under the figures measured when the model was committed, and above spaCy `en_core_web_sm`'s.
@Suite("Entity recogniser quality on social and encyclopaedic development data")
struct EntityDomainQualityTests {
    static let root = EntityTestSupport.dataFile("ner")?.deletingLastPathComponent()

    func microF1(_ name: String, withoutMentions: Bool = false) throws -> Double {
        let root = try #require(Self.root)
        let set = try #require(EntitySuite.sets.first { $0.name == name })
        let prepared = try EntitySuite.prepare(set, root: root)
        let stage = try EntitiesStage(options: EntitiesStage.Options())
        let spans = try EntitySuite.tagGoldTokens(prepared, stage: stage)
        return EntitySuite.score(spans, prepared: prepared, withoutMentions: withoutMentions).micro.f1
    }

    @Test("WNUT-17 dev", .enabled(if: root != nil))
    func wnut() throws { #expect(try microF1("wnut17-dev") >= 0.33) }

    @Test("BTC dev without user names", .enabled(if: root != nil))
    func btc() throws { #expect(try microF1("btc-dev", withoutMentions: true) >= 0.42) }

    @Test("wikigold", .enabled(if: root != nil))
    func wikigold() throws { #expect(try microF1("wikigold") >= 0.60) }
}
