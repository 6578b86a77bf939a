import Foundation
import LectorCore
import Testing

@testable import LectorCLI

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

func path(_ relative: String) -> String { repository.appendingPathComponent(relative).path }

func temporaryDirectory(_ name: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lector-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func lines(_ url: URL) throws -> [String] {
    try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
}

func jsonLines(_ url: URL) throws -> [[String: Any]] {
    try lines(url).map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
}

/// The `lector` executable built next to the test bundle, for tests that need real processes.
func lectorExecutable() -> URL? {
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [here, here.deletingLastPathComponent(), repository.appendingPathComponent(".build/debug")] {
        let url = candidate.appendingPathComponent("lector")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return nil
}

@Test func newsPipelineOnExamplesWritesTheWholeReport() throws {
    let out = try temporaryDirectory("e2e")
    defer { try? FileManager.default.removeItem(at: out) }
    let report = out.appendingPathComponent("report")
    let code = LectorMain.run(arguments: ["run", path("pipelines/news.yaml"), path("examples/news"), "--report", report.path, "--quiet", "--no-cache"])
    #expect(code == 0)
    for file in ["documents.jsonl", "entities.csv", "errors.jsonl", "run.json", "index.html"] {
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent(file).path), "missing \(file)")
    }
    let documents = try jsonLines(report.appendingPathComponent("documents.jsonl"))
    #expect(documents.count >= 15)
    let formats = Set(documents.compactMap { $0["format"] as? String })
    #expect(formats.isSuperset(of: ["html", "text", "rss", "nitf"]))
    for document in documents {
        let text = document["text"] as? String ?? ""
        let scalars = Array(text.unicodeScalars)
        #expect(!text.isEmpty)
        #expect((document["sentences"] as? [[Int]])?.isEmpty == false)
        #expect((document["summary"] as? [[String: Any]])?.isEmpty == false)
        for entity in document["entities"] as? [[String: Any]] ?? [] {
            let start = entity["start"] as! Int
            let end = entity["end"] as! Int
            // Offsets are code points: the span must read back as the entity's text.
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == entity["text"] as? String)
        }
    }
    let entityCount = documents.reduce(0) { $0 + (($1["entities"] as? [Any])?.count ?? 0) }
    #expect(entityCount > 100)
    // The report directory holds no leftovers of its atomic build.
    let siblings = try FileManager.default.contentsOfDirectory(atPath: out.path)
    #expect(siblings == ["report"])
}

@Test func brokenExamplesFinishWithFailuresRecorded() throws {
    let out = try temporaryDirectory("broken")
    defer { try? FileManager.default.removeItem(at: out) }
    let report = out.appendingPathComponent("report")
    let code = LectorMain.run(arguments: ["run", path("pipelines/news.yaml"), path("examples/broken"), "--report", report.path, "--quiet", "--no-cache"])
    #expect(code == 3)
    let errors = try jsonLines(report.appendingPathComponent("errors.jsonl"))
    let failedIDs = Set(errors.compactMap { $0["id"] as? String })
    let brokenFiles = try FileManager.default.contentsOfDirectory(atPath: path("examples/broken")).filter { !$0.hasPrefix(".") && $0 != "README.md" }
    let documents = try jsonLines(report.appendingPathComponent("documents.jsonl"))
    let processedIDs = Set(documents.compactMap { $0["id"] as? String })
    // Every file is accounted for: processed, or failed with a reason.
    for file in brokenFiles {
        #expect(failedIDs.contains(file) || processedIDs.contains(file), "\(file) vanished from the report")
    }
    #expect(errors.allSatisfy { !($0["message"] as? String ?? "").isEmpty && $0["stage"] != nil })
    #expect(failedIDs.count >= 3)
}

@Test func oneLaneAndTwoLanesWriteIdenticalDocuments() throws {
    let out = try temporaryDirectory("lanes")
    defer { try? FileManager.default.removeItem(at: out) }
    var contents: [Data] = []
    for jobs in ["1", "3"] {
        let report = out.appendingPathComponent("r\(jobs)")
        let code = LectorMain.run(arguments: ["run", path("pipelines/news.yaml"), path("examples/news"), path("examples/broken"),
            "--report", report.path, "--jobs", jobs, "--quiet", "--no-cache"])
        #expect(code == 3)
        contents.append(try Data(contentsOf: report.appendingPathComponent("documents.jsonl")))
        contents.append(try Data(contentsOf: report.appendingPathComponent("entities.csv")))
    }
    #expect(contents[0] == contents[2])
    #expect(contents[1] == contents[3])
}

@Test func shardsInSeparateProcessesMergeToTheSingleProcessReport() throws {
    let out = try temporaryDirectory("shards")
    defer { try? FileManager.default.removeItem(at: out) }
    let single = out.appendingPathComponent("single")
    let inputs = [path("examples/news"), path("examples/broken")]
    #expect(LectorMain.run(arguments: ["run", path("pipelines/news.yaml")] + inputs + ["--report", single.path, "--quiet", "--no-cache"]) == 3)

    let count = 3
    var shardDirectories: [String] = []
    if let executable = lectorExecutable() {
        var processes: [Process] = []
        for index in 0..<count {
            let directory = out.appendingPathComponent("shard-\(index)").path
            shardDirectories.append(directory)
            let process = Process()
            process.executableURL = executable
            process.arguments = ["run", path("pipelines/news.yaml")] + inputs + ["--report", directory, "--quiet", "--no-cache", "--shard", "env/\(count)"]
            process.environment = ProcessInfo.processInfo.environment.merging(["JOB_COMPLETION_INDEX": "\(index)"]) { $1 }
            try process.run()
            processes.append(process)
        }
        for process in processes {
            process.waitUntilExit()
            #expect([0, 3].contains(process.terminationStatus))
        }
    } else {
        for index in 0..<count {
            let directory = out.appendingPathComponent("shard-\(index)").path
            shardDirectories.append(directory)
            _ = LectorMain.run(arguments: ["run", path("pipelines/news.yaml")] + inputs + ["--report", directory, "--quiet", "--no-cache", "--shard", "\(index)/\(count)"])
        }
    }
    let merged = out.appendingPathComponent("merged")
    #expect(LectorMain.run(arguments: ["merge"] + shardDirectories + ["--report", merged.path]) == 3)
    for file in ["documents.jsonl", "entities.csv", "errors.jsonl"] {
        let a = try Data(contentsOf: single.appendingPathComponent(file))
        let b = try Data(contentsOf: merged.appendingPathComponent(file))
        #expect(a == b, "\(file) differs between the single run and the merge")
    }

    // A missing shard is named, and the rest is still merged.
    let partial = out.appendingPathComponent("partial")
    #expect(LectorMain.run(arguments: ["merge", shardDirectories[0], shardDirectories[2], "--report", partial.path]) == 1)
    #expect(FileManager.default.fileExists(atPath: partial.appendingPathComponent("documents.jsonl").path))
}

@Test func resumeRedoesOnlyWhatIsMissingOrChanged() throws {
    let out = try temporaryDirectory("resume")
    defer { try? FileManager.default.removeItem(at: out) }
    let corpus = out.appendingPathComponent("corpus")
    try FileManager.default.copyItem(atPath: path("examples/news"), toPath: corpus.path)
    let report = out.appendingPathComponent("report")
    let cache = out.appendingPathComponent("cache")
    let figures = out.appendingPathComponent("figures.json")
    func run(_ extra: [String]) throws -> [String: Any] {
        let code = LectorMain.run(arguments: ["run", path("pipelines/news.yaml"), corpus.path, "--report", report.path, "--quiet",
            "--cache", cache.path, "--statistics", figures.path] + extra)
        #expect(code == 0)
        return try JSONSerialization.jsonObject(with: Data(contentsOf: figures)) as! [String: Any]
    }
    let first = try run([])
    let total = first["documentsProcessed"] as! Int
    let firstDocuments = try Data(contentsOf: report.appendingPathComponent("documents.jsonl"))
    #expect(first["documentsFromCache"] as? Int == 0)

    // Unchanged corpus: everything comes from the cache, output identical.
    let again = try run(["--resume"])
    #expect(again["documentsFromCache"] as? Int == total)
    #expect(try Data(contentsOf: report.appendingPathComponent("documents.jsonl")) == firstDocuments)

    // A run killed halfway is simulated by cutting the index to its first half (plus a torn entry):
    // only the rest is redone.
    let index = cache.appendingPathComponent("outcomes.idx")
    let entrySize = 48
    let indexBytes = try Data(contentsOf: index)
    #expect(indexBytes.count % entrySize == 0 && indexBytes.count > 0, "whole entries, one per source")
    // A rerun without --resume adds nothing to an unchanged cache.
    _ = try run([])
    #expect(try Data(contentsOf: index) == indexBytes)
    try indexBytes.prefix(indexBytes.count / entrySize / 2 * entrySize + 17).write(to: index)
    let resumed = try run(["--resume"])
    #expect((resumed["documentsFromCache"] as! Int) < total)
    #expect((resumed["documentsFromCache"] as! Int) >= total - (total + 1) / 2 - 5)
    #expect(try Data(contentsOf: report.appendingPathComponent("documents.jsonl")) == firstDocuments)

    // A changed file is redone.
    let text = corpus.appendingPathComponent("changed.txt")
    try Data("Berlin is a city in Germany.\n\nIt has a mayor.".utf8).write(to: text)
    let changed = try run(["--resume"])
    #expect(changed["documentsFromCache"] as? Int == total)
    #expect(changed["documentsProcessed"] as? Int == total + 1)
}

@Test func maxFailuresAbortsAClearlyBrokenRun() throws {
    let out = try temporaryDirectory("abort")
    defer { try? FileManager.default.removeItem(at: out) }
    let report = out.appendingPathComponent("report")
    let code = LectorMain.run(arguments: ["run", path("pipelines/news.yaml"), path("examples/broken"), "--report", report.path,
        "--quiet", "--no-cache", "--max-failures", "0"])
    #expect(code == 1)
    #expect(!FileManager.default.fileExists(atPath: report.path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
}

@Test func badUsageAndConfigurationExitWithTwoAndWriteNothing() throws {
    let out = try temporaryDirectory("usage")
    defer { try? FileManager.default.removeItem(at: out) }
    let report = out.appendingPathComponent("report").path
    #expect(LectorMain.run(arguments: ["run", path("pipelines/news.yaml"), "/no/such/folder", "--report", report]) == 2)
    #expect(LectorMain.run(arguments: ["run", path("pipelines/news.yaml"), path("examples/news"), "--report", report, "--jobs", "0"]) == 2)
    let bad = out.appendingPathComponent("bad.yaml")
    try Data("stages:\n  - stage: sentencez\n".utf8).write(to: bad)
    #expect(LectorMain.run(arguments: ["run", bad.path, path("examples/news"), "--report", report]) == 2)
    #expect(LectorMain.run(arguments: ["validate", path("pipelines/news.yaml"), path("pipelines/minimal.yaml")]) == 0)
    #expect(!FileManager.default.fileExists(atPath: report))
}

@Test func changedGazetteerThenResumeGivesTheNewEntities() throws {
    let out = try temporaryDirectory("gazetteer-resume")
    defer { try? FileManager.default.removeItem(at: out) }
    let rules = out.appendingPathComponent("rules")
    try FileManager.default.copyItem(atPath: path("examples/rules"), toPath: rules.path)
    let corpus = out.appendingPathComponent("corpus")
    try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
    try Data("Anna Kowalczyk met the Quillfeather Guild in Gdansk on Monday.\n".utf8)
        .write(to: corpus.appendingPathComponent("story.txt"))
    let report = out.appendingPathComponent("report")
    func entities(_ extra: [String]) throws -> [String] {
        let code = LectorMain.run(
            arguments: ["run", rules.appendingPathComponent("pipeline.yaml").path, corpus.path, "--report", report.path,
                "--quiet", "--cache", out.appendingPathComponent("cache").path] + extra)
        #expect(code == 0)
        let document = try #require(try jsonLines(report.appendingPathComponent("documents.jsonl")).first)
        return (document["entities"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
    }
    let before = try entities([])
    #expect(before.contains("Anna Kowalczyk"))
    #expect(!before.contains("Quillfeather Guild"))
    #expect(try entities(["--resume"]) == before)

    let gazetteer = rules.appendingPathComponent("gazetteer.tsv")
    var table = try String(contentsOf: gazetteer, encoding: .utf8)
    table += "Quillfeather Guild\tORG\n"
    try Data(table.utf8).write(to: gazetteer)
    let after = try entities(["--resume"])
    #expect(after.contains("Quillfeather Guild"), "the edited gazetteer is part of the cache key: \(after)")
    #expect(after.contains("Anna Kowalczyk"))
}
