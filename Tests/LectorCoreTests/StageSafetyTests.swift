import Foundation
import LectorTestSupport
import Testing

@testable import LectorCore

/// Stages that misbehave on documents whose id contains "bad" (with `PastTheEndStage` from the test
/// support): what they hand back must fail that document only, naming the stage, and never trap the
/// process.
struct BackwardsRangeStage: Stage {
    static let name = "backwards"
    static var defaultProduces: Set<Layer> { [.token] }
    init(options: NoOptions) {}
    func process(_ document: inout Document, context: StageContext) throws {
        let range = document.id.contains("bad") ? TextRange(start: 3, end: 1) : TextRange(start: 0, end: 1)
        document.add(Annotation(range: range), to: .token)
    }
}

struct SecretRewriteStage: Stage {
    static let name = "secret-rewrite"
    init(options: NoOptions) {}
    func process(_ document: inout Document, context: StageContext) throws {
        if document.id.contains("bad") { document.text = "rewritten" }
    }
}

struct DeclaredRewriteStage: Stage {
    static let name = "declared-rewrite"
    static var rewritesText: Bool { true }
    static var defaultProduces: Set<Layer> { [.paragraph] }
    init(options: NoOptions) {}
    func process(_ document: inout Document, context: StageContext) throws {
        document.text = document.text.uppercased()
        // Keeps a stale layer on purpose for "bad" documents (a range past the new, shorter text).
        if document.id.contains("bad") {
            document.text = "X"
        } else {
            document.removeAllLayers()
        }
        document.set([Annotation(0, 1)], for: .paragraph)
    }
}

struct AddsParagraphs: Stage {
    static let name = "adds-paragraphs"
    static var defaultProduces: Set<Layer> { [.paragraph] }
    init(options: NoOptions) {}
    func process(_ document: inout Document, context: StageContext) throws {
        document.set([Annotation(0, 1)], for: .paragraph)
    }
}

/// Runs `stage` over `ids` through a BatchRunner and returns "ok:id" or "failed:id:stage:message" per document.
func runStage<S: Stage>(_ stage: S, ids: [String], jobs: Int = 2) throws -> [String] {
    let pipeline = try Pipeline(name: "t", stages: [AnyStage(stage)])
    let runner = BatchRunner(pipeline: pipeline, reader: ScriptedReader(), jobs: jobs)
    var seen: [String] = []
    _ = try runner.run(
        sources: sources(ids),
        transform: { outcomes in
            outcomes.map { outcome in
                switch outcome {
                case .processed(let document): "ok:\(document.id)"
                case .failed(let failure): "failed:\(failure.id):\(failure.stage):\(failure.message)"
                }
            }
        },
        consume: { seen.append(contentsOf: $0) })
    return seen
}

@Test func annotationPastTheEndFailsOnlyThatDocument() throws {
    let seen = try runStage(PastTheEndStage(options: NoOptions()), ids: ["good-1", "bad-2", "good-3"])
    #expect(seen.count == 3)
    #expect(seen[0] == "ok:good-1")
    #expect(seen[2] == "ok:good-3")
    #expect(seen[1].hasPrefix("failed:bad-2:past-the-end:"))
    #expect(seen[1].contains("layer 'entity'"))
    #expect(seen[1].contains("outside the text"))
}

@Test func backwardsRangeFailsOnlyThatDocument() throws {
    let seen = try runStage(BackwardsRangeStage(options: NoOptions()), ids: ["bad-1", "good-2"])
    #expect(seen[0].hasPrefix("failed:bad-1:backwards:"))
    #expect(seen[0].contains("[3, 1)"))
    #expect(seen[1] == "ok:good-2")
}

@Test func undeclaredTextRewriteFailsTheDocument() throws {
    let seen = try runStage(SecretRewriteStage(options: NoOptions()), ids: ["good-1", "bad-2"])
    #expect(seen[0] == "ok:good-1")
    #expect(seen[1].hasPrefix("failed:bad-2:secret-rewrite:"))
    #expect(seen[1].contains("rewritesText"))
}

@Test func declaredRewriteThatKeepsAStaleLayerFailsTheDocument() throws {
    let pipeline = try Pipeline(name: "t", stages: [AnyStage(DeclaredRewriteStage(options: NoOptions()))])
    var good = Document(id: "good", source: "good", format: "text", text: "Hello there.")
    var bad = Document(id: "bad", source: "bad", format: "text", text: "Hello there.")
    bad.set([Annotation(0, 5)], for: .sentence)
    good.set([Annotation(0, 5)], for: .sentence)
    var timings: [UInt64] = [0]
    #expect(pipeline.process(&good, context: StageContext(), timings: &timings) == nil)
    #expect(good.text == "HELLO THERE.")
    let failure = try #require(pipeline.process(&bad, context: StageContext(), timings: &timings))
    #expect(failure.stage == "declared-rewrite")
    #expect(failure.message.contains("layer 'sentence'"))
}

@Test func textRewritingStageAfterLayersIsAConfigurationError() throws {
    #expect(throws: PipelineError.self) {
        try Pipeline(
            name: "t",
            stages: [AnyStage(AddsParagraphs(options: NoOptions())), AnyStage(DeclaredRewriteStage(options: NoOptions()))])
    }
    do {
        _ = try Pipeline(
            name: "t",
            stages: [AnyStage(AddsParagraphs(options: NoOptions())), AnyStage(DeclaredRewriteStage(options: NoOptions()))])
    } catch let error as PipelineError {
        #expect(error.stageIndex == 1)
        #expect(error.message.contains("'declared-rewrite' rewrites the text"))
        #expect(error.message.contains("'adds-paragraphs'"))
    }
    // First in the pipeline is fine.
    _ = try Pipeline(
        name: "t",
        stages: [AnyStage(DeclaredRewriteStage(options: NoOptions())), AnyStage(AddsParagraphs(options: NoOptions()))])
}

@Test func invalidRangesNeverTrap() {
    var document = Document(id: "d", source: "d", format: "text", text: "short")
    let backwards = TextRange(start: 4, end: 2)
    #expect(backwards.length == 0)
    #expect(!backwards.isValid(within: 5))
    #expect(document.text(in: TextRange(start: 3, end: 99)) == "rt")
    #expect(document.text(in: TextRange(start: -4, end: 2)) == "sh")
    #expect(document.text(in: backwards) == "")
    document.set([Annotation(0, 2)], for: .token)
    document.set([Annotation(0, 6)], for: .token)
    #expect(document.annotations(.token) == [Annotation(0, 2)], "an invalid write leaves the layer as it was")
    #expect(document.takeInvalidWrite()?.contains("[0, 6)") == true)
    #expect(document.takeInvalidWrite() == nil)
}

@Test func readerWithAnInvalidLayerFailsInRead() throws {
    let pipeline = try Pipeline(name: "t", stages: [])
    var document = Document(id: "d", source: "d", format: "text", text: "abc")
    document.set([Annotation(1, 9)], for: .paragraph)
    var timings: [UInt64] = []
    let failure = try #require(pipeline.process(&document, context: StageContext(), timings: &timings))
    #expect(failure.stage == "read")
}
