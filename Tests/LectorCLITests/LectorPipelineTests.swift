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
