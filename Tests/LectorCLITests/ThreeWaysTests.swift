import Foundation
import LectorCore
import Testing

@testable import LectorCLI

/// The three ways of adding a stage, each through its pipeline in `pipelines/`, end to end over
/// `examples/news`: declarative rules, an external Python worker, and Swift stages in their own
/// package (built here with SwiftPM and run as its own `lector-style` command).
@Suite(.serialized) struct ThreeWaysTests {
    /// Run `executable` with `arguments`; its exit status and standard output.
    @discardableResult
    static func launch(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func which(_ program: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(folder)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static let swiftAvailable = which("swift") != nil
    static let pythonAvailable = which("python3") != nil

    func entities(_ report: URL) throws -> [(label: String, text: String, canonical: String?)] {
        try jsonLines(report.appendingPathComponent("documents.jsonl")).flatMap { document in
            (document["entities"] as? [[String: Any]] ?? []).map {
                ($0["label"] as? String ?? "", $0["text"] as? String ?? "", $0["canonical"] as? String)
            }
        }
    }

    @Test func rulesPipelineTagsGazetteerNamesTickersAndProducts() throws {
        let out = try temporaryDirectory("rules")
        defer { try? FileManager.default.removeItem(at: out) }
        let report = out.appendingPathComponent("report")
        let code = LectorMain.run(arguments: [
            "run", path("pipelines/rules.yaml"), path("examples/news"), "--report", report.path, "--quiet", "--no-cache",
        ])
        #expect(code == 0)
        let found = try entities(report)
        #expect(Set(found.filter { $0.label == "TICKER" }.map(\.text)) == ["NASDAQ:NRVL", "NYSE:KMD"])
        #expect(found.contains { $0.label == "PRODUCT" && $0.text == "Aurora X2" })
        // A gazetteer variant carries the canonical form its line gives.
        let tsv = try String(contentsOfFile: path("examples/rules/gazetteer.tsv"), encoding: .utf8)
        let variants = tsv.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }.filter {
            $0.count == 3 && !$0[0].hasPrefix("#")
        }
        let seen = variants.filter { variant in found.contains { $0.text == variant[0] } }
        #expect(!seen.isEmpty)
        for variant in seen {
            #expect(found.contains { $0.text == variant[0] && $0.label == variant[1] && $0.canonical == variant[2] })
        }
    }

    @Test(.enabled(if: ThreeWaysTests.pythonAvailable, "python3 runs the example worker"))
    func externalPipelineAddsTheWorkersLayer() throws {
        let out = try temporaryDirectory("external")
        defer { try? FileManager.default.removeItem(at: out) }
        let report = out.appendingPathComponent("report")
        let code = LectorMain.run(arguments: [
            "run", path("pipelines/external.yaml"), path("examples/news"), "--report", report.path, "--quiet",
            "--no-cache",
        ])
        #expect(code == 0)
        let documents = try jsonLines(report.appendingPathComponent("documents.jsonl"))
        var acronyms: Set<String> = []
        for document in documents {
            let text = Array((document["text"] as? String ?? "").unicodeScalars)
            let layers = document["layers"] as? [String: Any] ?? [:]
            for span in layers["acronym"] as? [[String: Any]] ?? [] {
                let start = span["start"] as? Int ?? -1
                let end = span["end"] as? Int ?? -1
                #expect(start >= 0 && start < end && end <= text.count)
                if start >= 0 && start < end && end <= text.count {
                    acronyms.insert(String(String.UnicodeScalarView(text[start..<end])))
                }
            }
        }
        #expect(acronyms.isSuperset(of: ["NASA", "NRVL"]))
    }

    @Test func plainLectorNamesTheSwiftStagesItDoesNotKnow() throws {
        #expect(throws: ConfigError.self) { _ = try PipelineSetup(path: path("pipelines/house-style.yaml")) }
    }

    /// Builds `examples/custom-stage` (its own package, depending on this one by path) into a scratch
    /// folder of its own, then runs its `lector-style` command on `pipelines/house-style.yaml`.
    @Test(.enabled(if: ThreeWaysTests.swiftAvailable, "the swift toolchain builds the example package"))
    func swiftStagesPackageBuildsAndRunsItsPipeline() throws {
        let swift = try #require(Self.which("swift"))
        let scratch = repository.appendingPathComponent(".build-custom-stage-example")
        let (built, _) = try Self.launch(
            swift,
            ["build", "--package-path", path("examples/custom-stage"), "--scratch-path", scratch.path, "--product",
             "lector-style"])
        try #require(built == 0, "the example package must build")
        let (_, binPath) = try Self.launch(
            swift,
            ["build", "--package-path", path("examples/custom-stage"), "--scratch-path", scratch.path,
             "--show-bin-path"])
        let tool = URL(fileURLWithPath: binPath.trimmingCharacters(in: .whitespacesAndNewlines))
            .appendingPathComponent("lector-style").path

        let (listed, stages) = try Self.launch(tool, ["stages"])
        #expect(listed == 0)
        for name in ["house-style", "style-score", "entities", "clean"] { #expect(stages.contains(name)) }
        #expect(stages.contains("style-issue"))

        let out = try temporaryDirectory("house-style")
        defer { try? FileManager.default.removeItem(at: out) }
        let report = out.appendingPathComponent("report")
        let (ran, _) = try Self.launch(
            tool, ["run", path("pipelines/house-style.yaml"), path("examples/news"), "--report", report.path, "--quiet",
                   "--no-cache"])
        #expect(ran == 0)
        let documents = try jsonLines(report.appendingPathComponent("documents.jsonl"))
        #expect(documents.count >= 15)
        let scores = documents.compactMap { ($0["metadata"] as? [String: Any])?["style-score"] as? String }
        #expect(scores.count == documents.count)
        // Two articles use banned words: their issues are a layer, and their score is below 100.
        let flagged = documents.filter { (($0["layers"] as? [String: Any])?["style-issue"] as? [Any])?.isEmpty == false }
        #expect(flagged.count >= 2)
        #expect(scores.contains { (Double($0) ?? 100) < 100 })
    }
}
