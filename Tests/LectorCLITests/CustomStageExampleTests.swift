import Foundation
import Testing

@testable import LectorCLI

/// The `swift` driver on `PATH`, if any: the custom-stage example is a package of its own and these
/// tests build it with the same toolchain that runs them.
let swiftDriver: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("swift")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}()

/// Why building the example failed, with the end of the build's output.
struct ExampleBuildFailure: Error, CustomStringConvertible {
    var description: String
}

/// `lector-style`, built from `examples/custom-stage` once per test run (the first test to ask builds
/// it; the others wait for that build). The build goes to `.build/custom-stage-example`, so repeated
/// runs rebuild only what changed.
let customStageExample: Result<URL, ExampleBuildFailure> = {
    guard let swiftDriver else { return .failure(ExampleBuildFailure(description: "no swift on PATH")) }
    let scratch = repository.appendingPathComponent(".build/custom-stage-example")
    // SwiftPM keeps its build plan (which source files and modules exist) across builds of a path
    // dependency: drop it so that files or modules added to Lector since the last build are seen.
    for plan in ["debug.yaml", "debug/description.json"] {
        try? FileManager.default.removeItem(at: scratch.appendingPathComponent(plan))
    }
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("lector-example-build-\(UUID().uuidString).log")
    defer { try? FileManager.default.removeItem(at: log) }
    do {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = swiftDriver
        process.arguments = [
            "build", "--package-path", path("examples/custom-stage"), "--scratch-path", scratch.path,
            "--product", "lector-style",
        ]
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        try output.close()
        let binary = scratch.appendingPathComponent("debug/lector-style")
        guard process.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: binary.path) else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            return .failure(
                ExampleBuildFailure(
                    description: "swift build of examples/custom-stage exited \(process.terminationStatus):\n"
                        + text.split(separator: "\n").suffix(40).joined(separator: "\n")))
        }
        return .success(binary)
    } catch {
        return .failure(ExampleBuildFailure(description: "could not run swift build: \(error)"))
    }
}()

/// `embed-demo` (Lector as a library, no command line), built from the same package after `lector-style`
/// and into the same scratch folder, so only its own file is compiled.
let embedExample: Result<URL, ExampleBuildFailure> = {
    guard case .success = customStageExample, let swiftDriver else {
        return .failure(ExampleBuildFailure(description: "the example package did not build"))
    }
    let scratch = repository.appendingPathComponent(".build/custom-stage-example")
    do {
        let process = Process()
        process.executableURL = swiftDriver
        process.arguments = [
            "build", "--package-path", path("examples/custom-stage"), "--scratch-path", scratch.path,
            "--product", "embed-demo",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let binary = scratch.appendingPathComponent("debug/embed-demo")
        guard process.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: binary.path) else {
            return .failure(
                ExampleBuildFailure(
                    description: "swift build --product embed-demo exited \(process.terminationStatus):\n"
                        + text.split(separator: "\n").suffix(40).joined(separator: "\n")))
        }
        return .success(binary)
    } catch {
        return .failure(ExampleBuildFailure(description: "could not run swift build: \(error)"))
    }
}()

/// Run `executable` with `arguments` from the repository root; returns exit status, stdout, stderr.
func runProcess(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let folder = try temporaryDirectory("process")
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("out")
    let errURL = folder.appendingPathComponent("err")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = repository
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return (
        process.terminationStatus, try String(contentsOf: outURL, encoding: .utf8),
        try String(contentsOf: errURL, encoding: .utf8)
    )
}

@Suite("Custom Swift stages: the examples/custom-stage package, built and run", .enabled(if: swiftDriver != nil))
struct CustomStageExampleTests {
    @Test func embeddingProgramProcessesAnInMemoryDocumentAndAFolder() throws {
        let binary = try embedExample.get()
        let result = try runProcess(binary, [path("pipelines/news.yaml"), path("examples/news")])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("pipeline news: clean → sentences"))
        let memo = result.out.split(separator: "\n").first { $0.hasPrefix("memo: ") } ?? ""
        #expect(memo.contains("2 sentences") || memo.contains("3 sentences"), "\(memo)")
        #expect(memo.contains("Gdansk"), "\(memo)")
        let folder = result.out.split(separator: "\n").first { $0.hasPrefix("folder: ") } ?? ""
        #expect(folder.contains("0 failed"), "\(folder)")
        let processed = Int(folder.split(separator: " ").dropFirst().first ?? "") ?? 0
        #expect(processed >= 15, "\(folder)")
    }

    @Test func customSwiftPipelineRunsThroughTheExamplesOwnBinary() throws {
        let binary = try customStageExample.get()
        let out = try temporaryDirectory("custom-swift")
        defer { try? FileManager.default.removeItem(at: out) }
        let report = out.appendingPathComponent("report")
        let result = try runProcess(
            binary,
            ["run", path("pipelines/custom-swift.yaml"), path("examples/news"), "--report", report.path, "--quiet", "--no-cache"])
        #expect(result.status == 0, "\(result.err)")
        let documents = try jsonLines(report.appendingPathComponent("documents.jsonl"))
        #expect(documents.count >= 15)
        var scores: [String: String] = [:]
        var speakers: Set<String> = []
        for document in documents {
            let id = document["id"] as? String ?? ""
            let metadata = document["metadata"] as? [String: String] ?? [:]
            scores[id] = metadata["style-score"]
            let scalars = Array((document["text"] as? String ?? "").unicodeScalars)
            let layers = document["layers"] as? [String: [[String: Any]]] ?? [:]
            let quotes = layers["quote"] ?? []
            #expect(metadata["quotes"] == String(quotes.count), "\(id)")
            for quote in quotes {
                let start = quote["start"] as? Int ?? -1
                let end = quote["end"] as? Int ?? -1
                #expect(0 <= start && start < end && end <= scalars.count, "\(id)")
                if let speaker = (quote["attributes"] as? [String: String])?["speaker"] { speakers.insert(speaker) }
            }
        }
        #expect(scores.count == documents.count, "every document has a style score")
        #expect(scores["kumo-bike-app-funding.txt"].flatMap { Int($0) } ?? 100 < 100)
        #expect(scores["zurich-chocolatier-award.html"] == "100")
        #expect(speakers.count >= 3, "quotes attributed to people: \(speakers.sorted())")
    }

    @Test func exampleBinaryListsBuiltinAndRegisteredStages() throws {
        let result = try runProcess(try customStageExample.get(), ["stages"])
        #expect(result.status == 0)
        for name in ["clean —", "entities —", "entity-rules —", "external —", "house-style —", "quotes —"] {
            #expect(result.out.contains("\n\(name)") || result.out.hasPrefix(name), "missing \(name)")
        }
        let speakers = result.out.components(separatedBy: "\n\n").first { $0.hasPrefix("quote-speakers —") } ?? ""
        #expect(speakers.contains("requires: entity, quote"))
        #expect(speakers.contains("window (int)"))
        let quotes = result.out.components(separatedBy: "\n\n").first { $0.hasPrefix("quotes —") } ?? ""
        #expect(quotes.contains("produces: quote"))
    }

    @Test func pipelineWithoutTheProducerOfARequiredLayerIsRefused() throws {
        let file = try pipelineFile("""
            stages:
              - clean
              - sentences
              - tokens
              - entities
              - quote-speakers
            """)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try runProcess(try customStageExample.get(), ["validate", file])
        #expect(result.status == 2)
        #expect(result.err.contains("needs layer 'quote'"), "\(result.err)")
        #expect(result.err.contains("produced by: quotes"), "\(result.err)")
    }

    @Test func plainLectorDoesNotKnowTheExampleStages() throws {
        let file = try pipelineFile("stages:\n  - clean\n  - quotes\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(LectorMain.run(arguments: ["validate", file]) == 2)
    }
}
