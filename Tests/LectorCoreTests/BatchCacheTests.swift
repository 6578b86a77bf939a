import Foundation
import Testing

@testable import LectorCore

/// Counts the documents of the batch and writes the count into each one.
struct BatchSizeStage: BatchStage {
    static let name = "batch-size"
    init(options: NoOptions) {}
    func summarize(_ document: Document) -> Int { document.text.utf8.count }
    func makeReduction() -> Reduction { Reduction() }
    func apply(_ result: Int, ordinal: Int, to document: inout Document) -> BatchVerdict {
        document.metadata["batch-size"] = "\(result)"
        return .keep
    }

    struct Reduction: BatchReduction {
        var count = 0
        mutating func add(_ summary: Int, ordinal: Int, id: String) { count += 1 }
        func finish() -> Int { count }
    }
}

/// A cache entry written without the summaries a batch pipeline needs (by a pipeline without batch
/// stages, under the same fingerprint) is processed again, not folded without its summary; an entry
/// with them answers.
@Test func cacheEntriesWithoutSummariesAreProcessedAgain() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lector-batch-cache-\(UUID())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let fingerprint = CacheFingerprint(configuration: "c", files: [], version: "t")
    let items: [SourceItem] = (0..<4).map { index in
        .file(
            Source(
                url: URL(fileURLWithPath: "/nowhere/\(index)"), id: "d\(index)", displayPath: "d\(index)",
                content: EmbeddedContent(bytes: Array("Document \(index)".utf8))))
    }
    func run(_ stages: [AnyStage]) throws -> ([DocumentOutcome], RunStatistics) {
        var runner = BatchRunner(
            pipeline: try Pipeline(name: "t", stages: stages), reader: ScriptedReader(), jobs: 2)
        runner.cache = try OutcomeLog(directory: directory, fingerprint: fingerprint)
        var outcomes: [DocumentOutcome] = []
        let statistics = try runner.run(sources: items, transform: { $0 }, consume: { outcomes += $0 })
        return (outcomes, statistics)
    }
    let (_, plain) = try run([])
    #expect(plain.documentsFromCache == 0)
    let batch = [AnyStage(batch: BatchSizeStage(options: NoOptions()))]
    for round in 0..<2 {
        let (outcomes, statistics) = try run(batch)
        // First round: the entries lack summaries, so every document is processed again (and its
        // entry, already in the log, is not written twice). Second round: the same again.
        #expect(statistics.documentsFromCache == 0, "round \(round)")
        #expect(outcomes.count == 4)
        for case .processed(let document) in outcomes { #expect(document.metadata["batch-size"] == "4") }
    }
    let other = directory.appendingPathComponent("with-summaries")
    var runner = BatchRunner(pipeline: try Pipeline(name: "t", stages: batch), reader: ScriptedReader(), jobs: 2)
    runner.cache = try OutcomeLog(directory: other, fingerprint: fingerprint)
    _ = try runner.run(sources: items, transform: { $0 }, consume: { _ in })
    var sizes: [String?] = []
    let resumed = try runner.run(
        sources: items, transform: { $0 },
        consume: { for case .processed(let document) in $0 { sizes.append(document.metadata["batch-size"]) } })
    #expect(resumed.documentsFromCache == 4)
    #expect(sizes == ["4", "4", "4", "4"])
}
