import Foundation
import LectorCore
import Testing

@testable import LectorCLI

@Suite struct LectorPipelineTests {
    @Test func inMemoryTextGoesThroughEveryStage() throws {
        let pipeline = try LectorPipeline(contentsOf: path("pipelines/news.yaml"))
        #expect(pipeline.stageNames.first == "clean")
        let document = try pipeline.process(
            text: "Anna Kowalczyk visited Berlin on Monday. She met the mayor of Berlin there.", id: "note"
        ).get()
        #expect(document.annotations(.sentence).count == 2)
        #expect(document.annotations(.entity).map { document.text(in: $0.range) }.contains("Berlin"))
        #expect(!document.annotations(.summary).isEmpty)
    }

    @Test func inMemoryFeedBytesGiveOneOutcomePerItem() throws {
        let pipeline = try LectorPipeline(contentsOf: path("pipelines/minimal.yaml"))
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path("examples/news/lector-wire-briefs.rss"))))
        let outcomes = pipeline.process(bytes: bytes, id: "wire", formatHint: "rss")
        #expect(outcomes.count > 1)
        for outcome in outcomes {
            guard case .processed(let document) = outcome else {
                Issue.record("feed item failed: \(outcome.id)")
                continue
            }
            #expect(document.id.hasPrefix("wire#"))
            #expect(!document.annotations(.sentence).isEmpty)
        }
    }

    @Test func inMemoryTextRunsTheBatchStagesAsABatchOfOne() throws {
        let pipeline = try LectorPipeline(contentsOf: path("pipelines/news.yaml"))
        let document = try pipeline.process(
            text: "Anna Kowalczyk visited Berlin on Monday. Kowalczyk met the mayor of Berlin there.", id: "note"
        ).get()
        // link-entities ran: every mention names its batch entity; alone, a document is nobody's
        // duplicate and in no story of two or more.
        let entities = document.annotations(.entity)
        #expect(!entities.isEmpty)
        #expect(entities.allSatisfy { $0.attributes[BatchField.entityID]?.hasPrefix("E") == true })
        #expect(document.metadata[BatchField.duplicateOf] == nil)
        #expect(document.metadata[BatchField.story] == nil)
    }

    @Test func inMemoryFeedItemsAreOneBatch() throws {
        let pipeline = try LectorPipeline(contentsOf: path("pipelines/news.yaml"))
        let item = """
            <item><title>Harbour Bridge reopens</title><description>The Harbour Bridge in Millbrook reopened \
            on Monday after six months of repairs, the city council said. Mayor Gwen Tallis cut the ribbon \
            before the first buses crossed, and traffic was light all morning.</description></item>
            """
        let feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>\(item)\(item)</channel></rss>"
        let outcomes = pipeline.process(bytes: Array(feed.utf8), id: "wire", formatHint: "rss")
        let documents = outcomes.compactMap { outcome -> Document? in
            if case .processed(let document) = outcome { return document }
            return nil
        }
        try #require(documents.count == 2)
        // The second item repeats the first: the batch stages saw both.
        #expect(documents[0].metadata[BatchField.duplicateOf] == nil)
        #expect(documents[1].metadata[BatchField.duplicateOf] == documents[0].id)
        let ids = documents.map { document in document.annotations(.entity).compactMap { $0.attributes[BatchField.entityID] } }
        #expect(!ids[0].isEmpty)
        #expect(ids[0] == ids[1])
    }

    @Test func runOverInputsMatchesTheReportOfTheCommand() throws {
        let out = try temporaryDirectory("library-run")
        defer { try? FileManager.default.removeItem(at: out) }
        let pipeline = try LectorPipeline(contentsOf: path("pipelines/minimal.yaml"))
        var ids: [String] = []
        let statistics = try pipeline.run(inputs: [path("examples/news")], options: .init(jobs: 2)) { ids.append($0.id) }
        #expect(ids.count == statistics.documentsProcessed + statistics.documentsFailed)
        let library = out.appendingPathComponent("library")
        try pipeline.writeReport(inputs: [path("examples/news")], to: library)
        let command = out.appendingPathComponent("command")
        #expect(
            LectorMain.run(arguments: [
                "run", path("pipelines/minimal.yaml"), path("examples/news"), "--report", command.path, "--quiet", "--no-cache",
            ]) == 0)
        let libraryDocuments = try Data(contentsOf: library.appendingPathComponent("documents.jsonl"))
        #expect(libraryDocuments == (try Data(contentsOf: command.appendingPathComponent("documents.jsonl"))))
        #expect(try jsonLines(library.appendingPathComponent("documents.jsonl")).map { $0["id"] as? String } == ids)
    }

    @Test func aBrokenPipelineFileIsAConfigError() throws {
        let out = try temporaryDirectory("library-config")
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("p.yaml")
        try Data("stages:\n  - nonsense\n".utf8).write(to: file)
        #expect(throws: ConfigError.self) { try LectorPipeline(contentsOf: file.path) }
    }
}
