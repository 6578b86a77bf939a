import Foundation
import LectorCore
import Testing

@testable import LectorEval
@testable import LectorStages

/// Quality floors of the batch algorithms on the hand-written set `Benchmarks/batch/handmade.jsonl`
/// (committed, written for Lector): the batch linker and the story grouper stay well above their
/// baselines. Figures when the floors were set: entities B³ F1 0.978 (baseline 0.918), stories 0.941
/// (baselines 0.714 and 0.733).
struct BatchQualityTests {
    static let handmade = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Benchmarks/batch/handmade.jsonl").path

    @Test("Batch entity linking beats the canonical-string baseline on the hand-written set")
    func entityLinksFloor() throws {
        let observed = try EvalEntityLinks.read(Self.handmade).map(EvalEntityLinks.observeGold)
        let gold = observed.flatMap { $0.scored.map(\.entity) }
        let baseline = observed.flatMap { document in
            document.scored.map { document.names[$0.name].label + "|" + document.names[$0.name].name }
        }
        let linked = EvalEntityLinks.batchEntities(observed, options: .init())
        let baselineScore = ClusterScore(predicted: baseline, gold: gold)
        let score = ClusterScore(predicted: linked, gold: gold)
        #expect(score.b3F1 >= 0.95)
        #expect(score.b3Precision >= 0.97)
        #expect(score.b3F1 > baselineScore.b3F1 + 0.04)
    }

    @Test("Story grouping finds the hand-written events through Lector's own entities")
    func storiesFloor() throws {
        let documents = try BatchGoldDocument.read(Self.handmade)
        let pipeline = try preparationPipeline(["clean", "sentences", "tokens", "entities"])
        let summaries = documents.map { gold -> StorySummary in
            var document = gold.document(source: "handmade", withDate: true)
            prepare(&document, with: pipeline)
            return StorySummary(document: document)
        }
        let score = ClusterScore(predicted: StoryGrouper().group(summaries).ids, gold: documents.map(\.group))
        #expect(score.b3F1 >= 0.9)
        #expect(score.b3Precision >= 0.95)
    }

    @Test("B³ and pairwise scores of small clusterings")
    func clusterScore() {
        let perfect = ClusterScore(predicted: [1, 1, 2], gold: ["a", "a", "b"])
        #expect(perfect.b3F1 == 1 && perfect.pairF1 == 1)
        let merged = ClusterScore(predicted: [1, 1, 1], gold: ["a", "a", "b"])
        #expect(merged.b3Recall == 1)
        #expect(abs(merged.b3Precision - 5.0 / 9) < 1e-9)
        #expect(abs(merged.pairPrecision - 1.0 / 3) < 1e-9)
        let empty = ClusterScore(predicted: [Int](), gold: [String]())
        #expect(empty.b3F1 == 1)
    }
}
