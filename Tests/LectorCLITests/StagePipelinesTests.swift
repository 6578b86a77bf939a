import Foundation
import LectorCore
import Testing

@testable import LectorCLI

/// Whether `python3` is on `PATH` (the external-stage example's worker is a Python script).
let python3Available: Bool = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: URL(fileURLWithPath: String($0)).appendingPathComponent("python3").path)
    }
}()

/// Run `pipeline` over examples/news in-process and return its documents.
func runExamplePipeline(_ pipeline: String) throws -> (code: Int32, documents: [[String: Any]]) {
    let out = try temporaryDirectory("pipeline")
    defer { try? FileManager.default.removeItem(at: out) }
    let report = out.appendingPathComponent("report")
    let code = LectorMain.run(
        arguments: ["run", path(pipeline), path("examples/news"), "--report", report.path, "--quiet", "--no-cache"])
    return (code, try jsonLines(report.appendingPathComponent("documents.jsonl")))
}

/// The text of every entity of `documents` with its label, as `text/LABEL`.
func labelledEntities(_ documents: [[String: Any]]) -> [String] {
    documents.flatMap { document in
        (document["entities"] as? [[String: Any]] ?? []).map { "\($0["text"] as? String ?? "")/\($0["label"] as? String ?? "")" }
    }
}

@Test(.enabled(if: python3Available))
func externalPipelineRunsThePythonWorkerFromItsRelativeDirectory() throws {
    let (code, documents) = try runExamplePipeline("pipelines/external.yaml")
    #expect(code == 0)
    #expect(documents.count >= 15)
    var acronyms: Set<String> = []
    for document in documents {
        let scalars = Array((document["text"] as? String ?? "").unicodeScalars)
        let layers = document["layers"] as? [String: [[String: Any]]] ?? [:]
        #expect(layers["acronym"] != nil, "\(document["id"] ?? "")")
        for span in layers["acronym"] ?? [] {
            let start = span["start"] as? Int ?? -1
            let end = span["end"] as? Int ?? -1
            guard 0 <= start, start < end, end <= scalars.count else {
                Issue.record("acronym span \(start)..<\(end) outside the text")
                continue
            }
            acronyms.insert(String(String.UnicodeScalarView(scalars[start..<end])))
        }
    }
    #expect(acronyms.isSuperset(of: ["NASDAQ", "NYSE"]), "\(acronyms.sorted())")
}

@Test func rulesPipelineAddsGazetteerRegexAndTokenPatternEntities() throws {
    let (code, documents) = try runExamplePipeline("pipelines/rules.yaml")
    #expect(code == 0)
    let entities = labelledEntities(documents)
    #expect(entities.contains("NASDAQ:NRVL/TICKER"))
    #expect(entities.contains("NYSE:KMD/TICKER"))
    #expect(entities.contains("Aurora X2/PRODUCT"))
    #expect(entities.contains("Baltic Development Bank/ORG"))
    // The ticker regex overwrote whatever the statistical recogniser had found inside the tickers.
    #expect(!entities.contains("NASDAQ/ORG") && !entities.contains("NRVL/ORG"))
}

@Test func invalidRegexInEntityRulesIsAConfigErrorWithLineAndKey() throws {
    let file = try pipelineFile("""
        stages:
          - clean
          - sentences
          - tokens
          - stage: entity-rules
            options:
              patterns:
                - label: TICKER
                  regex: "[A-Z]+("
        """)
    defer { try? FileManager.default.removeItem(atPath: file) }
    #expect {
        _ = try PipelineSetup(path: file, registry: .builtins)
    } throws: { error in
        let message = "\(error)"
        return error is ConfigError && message.hasPrefix("\(file):9: stages[3].options.patterns[0].regex:")
            && message.contains("invalid regular expression")
    }
}
