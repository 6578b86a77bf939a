import Foundation
import LectorCore
import LectorStages
import LectorTestSupport
import Testing

@testable import LectorCLI

/// A plugin stage that declares it rewrites the text (placed after `sentences`, it is a configuration error).
struct ShoutStage: Stage {
    static let name = "shout"
    static var rewritesText: Bool { true }
    init(options: NoOptions) {}
    func process(_ document: inout Document, context: StageContext) throws {
        document.text = document.text.uppercased()
    }
}

private func registryWithTestStages() -> StageRegistry {
    var registry = StageRegistry.builtins
    registry.register(PastTheEndStage.self)
    registry.register(ShoutStage.self)
    return registry
}

@Test func outOfRangeAnnotationFailsOneDocumentThroughTheRunCommand() throws {
    let root = try temporaryDirectory("stage-safety")
    defer { try? FileManager.default.removeItem(at: root) }
    let input = root.appendingPathComponent("input")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    for name in ["a.txt", "bad.txt", "c.txt"] {
        try Data("The text of \(name) is short.\n".utf8).write(to: input.appendingPathComponent(name))
    }
    let pipeline = root.appendingPathComponent("pipeline.yaml")
    try Data("name: safety\nstages:\n  - clean\n  - past-the-end\n".utf8).write(to: pipeline)
    let report = root.appendingPathComponent("report")
    let code = LectorMain.run(
        arguments: ["run", pipeline.path, input.path, "--report", report.path, "--quiet", "--jobs", "2"],
        registry: registryWithTestStages())
    #expect(code == ExitStatus.documentsFailed)
    let documents = try jsonLines(report.appendingPathComponent("documents.jsonl"))
    #expect(documents.compactMap { $0["id"] as? String }.sorted() == ["a.txt", "c.txt"])
    let errors = try jsonLines(report.appendingPathComponent("errors.jsonl"))
    #expect(errors.count == 1)
    #expect(errors.first?["id"] as? String == "bad.txt")
    #expect(errors.first?["stage"] as? String == "past-the-end")
    #expect((errors.first?["message"] as? String)?.contains("outside the text") == true)
}

@Test func textRewritingStageAfterLayersIsRejectedWithFileAndLine() throws {
    let root = try temporaryDirectory("stage-rewrite")
    defer { try? FileManager.default.removeItem(at: root) }
    let pipeline = root.appendingPathComponent("pipeline.yaml")
    try Data("name: late-shout\nstages:\n  - clean\n  - sentences\n  - shout\n".utf8).write(to: pipeline)
    #expect(throws: ConfigError.self) { try PipelineSetup(path: pipeline.path, registry: registryWithTestStages()) }
    do {
        _ = try PipelineSetup(path: pipeline.path, registry: registryWithTestStages())
    } catch let error as ConfigError {
        let message = "\(error)"
        #expect(message.contains("pipeline.yaml"))
        #expect(message.contains(":5"), "names the line of the stage: \(message)")
        #expect(message.contains("stages[2]"))
        #expect(message.contains("'shout' rewrites the text"))
    }
    let early = root.appendingPathComponent("early.yaml")
    try Data("name: early-shout\nstages:\n  - shout\n  - clean\n  - sentences\n".utf8).write(to: early)
    _ = try PipelineSetup(path: early.path, registry: registryWithTestStages())
}
