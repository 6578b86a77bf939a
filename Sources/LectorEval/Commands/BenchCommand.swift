import ArgumentParser
import Foundation
import LectorCore

/// `lector bench …`: build a benchmark corpus and measure whole runs (docs/s, MB/s, peak memory,
/// scaling over lanes). Figures come from separate `lector run` processes, so each has its own peak.
package struct Bench: ParsableCommand {
    package static let configuration = CommandConfiguration(
        abstract: "Benchmark whole runs: build a corpus, then measure docs/s, MB/s, peak memory and scaling.",
        subcommands: [BenchCorpus.self, BenchRun.self])

    package init() {}
}

/// `lector bench corpus --data DIR --out DIR --documents N`
struct BenchCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Write a benchmark corpus of news text and HTML pages from a development data folder.",
        discussion: """
            Uses summ/bbc/tune.jsonl (articles as .txt) and html/trafilatura/pages (as .html). Past the \
            available documents, copies are made with a numbered first line, so every file's content differs.
            """)

    @Option(name: .long, help: "The development data folder (with summ/ and html/).")
    var data: String

    @Option(name: .long, help: "Where to write the corpus (created; must not exist).")
    var out: String

    @Option(name: .long, help: "How many documents.")
    var documents: Int = 2000

    @Option(name: .long, help: "Share of HTML pages among the documents (0–1).")
    var htmlShare: Double = 0.3

    func run() throws {
        let dataURL = URL(fileURLWithPath: data)
        var articles: [String] = []
        let summaries = dataURL.appendingPathComponent("summ/bbc/tune.jsonl")
        if let text = try? String(contentsOf: summaries, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let article = object["article"] as? String
                {
                    articles.append(article)
                }
            }
        }
        let pagesURL = dataURL.appendingPathComponent("html/trafilatura/pages")
        let pages = ((try? FileManager.default.contentsOfDirectory(atPath: pagesURL.path)) ?? []).sorted()
            .map { pagesURL.appendingPathComponent($0) }
        guard !articles.isEmpty || !pages.isEmpty else {
            throw ValidationError("no articles or pages found under \(data)")
        }
        let outURL = URL(fileURLWithPath: out)
        if FileManager.default.fileExists(atPath: outURL.path) { throw ValidationError("\(out) exists already") }
        var written = 0
        var bytes = 0
        var htmlCount = 0
        for index in 0..<documents {
            let folder = outURL.appendingPathComponent(String(format: "%04d", index / 1000))
            if index % 1000 == 0 { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            let wantHTML = !pages.isEmpty && (articles.isEmpty || Double(htmlCount) < htmlShare * Double(index + 1))
            var content: Data
            let name: String
            if wantHTML {
                let page = pages[htmlCount % pages.count]
                content = (try? Data(contentsOf: page)) ?? Data()
                let round = htmlCount / pages.count
                if round > 0 { content = Data("<!-- copy \(round) -->\n".utf8) + content }
                name = String(format: "%06d.html", index)
                htmlCount += 1
            } else {
                let slot = (index - htmlCount) % articles.count
                let round = (index - htmlCount) / articles.count
                content = Data(((round > 0 ? "Copy \(round).\n\n" : "") + articles[slot]).utf8)
                name = String(format: "%06d.txt", index)
            }
            try content.write(to: folder.appendingPathComponent(name))
            written += 1
            bytes += content.count
        }
        print("wrote \(written) documents (\(htmlCount) HTML), \(String(format: "%.1f", Double(bytes) / 1e6)) MB, to \(out)")
    }
}

/// `lector bench run --pipeline P --corpus DIR --jobs 1,2`
struct BenchRun: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a pipeline over a corpus at several lane counts and print a table and JSON.",
        discussion: """
            With --ceiling, also runs two independent single-lane processes at once: their combined speed over \
            one process alone is what this machine can give a second lane right now; the lanes' speed-up is \
            reported as a share of that ceiling.
            """)

    @Option(name: .long, help: "The pipeline file.")
    var pipeline: String = "pipelines/news.yaml"

    @Option(name: .long, help: "The corpus folder.")
    var corpus: String

    @Option(name: .long, help: "Lane counts to measure, comma-separated.")
    var jobs: String = "1,2"

    @Flag(name: .long, help: "Measure the machine's own two-process ceiling in the same run.")
    var ceiling = false

    @Option(name: .long, help: "Write the JSON figures to this file as well.")
    var json: String?

    struct Figures {
        var label: String
        var values: [String: Any]
        var wall: Double { (values["wallSeconds"] as? NSNumber)?.doubleValue ?? 0 }
        var docsPerSecond: Double { (values["documentsPerSecond"] as? NSNumber)?.doubleValue ?? 0 }
    }

    func run() throws {
        let laneCounts = jobs.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !laneCounts.isEmpty, laneCounts.allSatisfy({ $0 >= 1 }) else {
            throw ValidationError("--jobs expects lane counts like 1,2")
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lector-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        var results: [Figures] = []
        for lanes in laneCounts {
            results.append(try measure(label: "jobs \(lanes)", lanes: [lanes], scratch: scratch).first!)
        }
        var ceilingFactor: Double?
        if ceiling {
            let single = try measure(label: "one process", lanes: [1], scratch: scratch)[0]
            let pair = try measure(label: "two processes", lanes: [1, 1], scratch: scratch)
            let pairWall = pair.map(\.wall).max() ?? 0
            if pairWall > 0 { ceilingFactor = 2 * single.wall / pairWall }
            results.append(single)
            results.append(contentsOf: pair)
        }

        print("run            docs   failed   wall s   docs/s    MB/s  peak MB")
        for figures in results {
            let values = figures.values
            func number(_ key: String) -> Double { (values[key] as? NSNumber)?.doubleValue ?? 0 }
            print(
                figures.label.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + String(format: " %6.0f %8.0f %8.2f %8.1f %7.2f %8.1f", number("documentsProcessed"),
                        number("documentsFailed"), number("wallSeconds"), number("documentsPerSecond"),
                        number("megabytesPerSecond"), number("peakResidentMegabytes")))
        }
        if let single = results.first(where: { $0.label == "jobs 1" }) ?? results.first,
            let seconds = single.values["stageSeconds"] as? [String: Any],
            let rates = single.values["stageTokensPerSecond"] as? [String: Any]
        {
            print("stage (\(single.label))     seconds    tokens/s")
            for name in seconds.keys.sorted() {
                let time = (seconds[name] as? NSNumber)?.doubleValue ?? 0
                let rate = (rates[name] as? NSNumber)?.doubleValue ?? 0
                print(name.padding(toLength: 18, withPad: " ", startingAt: 0) + String(format: " %8.2f %11.0f", time, rate))
            }
        }
        var summary: [String: Any] = ["runs": results.map { ["label": $0.label, "figures": $0.values] }]
        if let first = results.first(where: { $0.label == "jobs 1" }), let second = results.first(where: { $0.label == "jobs 2" }),
            second.wall > 0
        {
            let speedup = first.wall / second.wall
            summary["speedup1to2"] = speedup
            print(String(format: "speed-up from 1 to 2 lanes: %.2f×", speedup))
            if let ceilingFactor {
                summary["ceiling"] = ceilingFactor
                summary["shareOfCeiling"] = (speedup - 1) / max(ceilingFactor - 1, 1e-9)
                print(String(format: "machine ceiling (2 processes vs 1): %.2f×; lanes reach %.0f%% of the ceiling's gain", ceilingFactor,
                    100 * (speedup - 1) / max(ceilingFactor - 1, 1e-9)))
            }
        }
        let data = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys, .prettyPrinted])
        if let json { try data.write(to: URL(fileURLWithPath: json)) }
        print(String(decoding: data, as: UTF8.self))
    }

    /// Start one `lector run` per entry of `lanes` at once; wait for all; read their figures.
    func measure(label: String, lanes: [Int], scratch: URL) throws -> [Figures] {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var running: [(Process, URL)] = []
        for (slot, count) in lanes.enumerated() {
            let tag = "\(label.replacingOccurrences(of: " ", with: "-"))-\(slot)"
            let statistics = scratch.appendingPathComponent("\(tag).json")
            let process = Process()
            process.executableURL = executable
            process.arguments = [
                "run", pipeline, corpus, "--report", scratch.appendingPathComponent(tag).path, "--jobs", "\(count)",
                "--quiet", "--no-cache", "--statistics", statistics.path,
            ]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            running.append((process, statistics))
        }
        return try running.enumerated().map { slot, entry in
            entry.0.waitUntilExit()
            guard [0, 3].contains(entry.0.terminationStatus),
                let data = FileManager.default.contents(atPath: entry.1.path),
                let values = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { throw ValidationError("the benchmark run '\(label)' failed (exit \(entry.0.terminationStatus))") }
            return Figures(label: lanes.count > 1 ? "\(label) #\(slot + 1)" : label, values: values)
        }
    }
}
