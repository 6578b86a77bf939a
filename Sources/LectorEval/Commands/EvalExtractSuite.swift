import ArgumentParser
import Foundation
import LectorCore
import LectorMarkup

/// `lector eval extract --suite DIR [--peers FILE] [--pipeline FILE]`: every development set of
/// main-text extraction scored with its own measure (see `ExtractSuite`), per set and per page type,
/// with Lector's and the peers' figures side by side.
///
/// Lector reads each page on one core (the reader, then the news pipeline's stages with `--news`; the
/// text scored is the document text after the last stage). Speed is pages per CPU second
/// of this thread, so the figure is per core; the peers' seconds come from their own script
/// (`Benchmarks/extract/extract_peers.py`), also CPU time on one core.
struct EvalExtractSuite: ParsableArguments {
    @Option(help: "A folder of development sets (sub-folders with gold.jsonl): score every set.")
    var suite: String?

    @Option(help: "Other tools' texts for the suite's pages (JSON lines from Benchmarks/extract/extract_peers.py).")
    var peers: String?

    @Flag(help: "Run the news pipeline's stages (as pipelines/news.yaml) after the reader and score their text.")
    var news = false

    @Option(help: "Only these sets (comma-separated folder names).")
    var sets: String?

    @Option(help: "Write the figures as JSON to this file.")
    var json: String?

    func run(mode: String, bias: String, limit: Int?, pagesPath: String?) throws {
        guard let suite else { return }
        let only = sets.map { Set($0.split(separator: ",").map(String.init)) }
        let data = try ExtractSuite(directory: suite, limit: limit, only: only)
        guard let htmlMode = ReaderOptions.HTMLMode(rawValue: mode) else {
            throw ValidationError("--mode must be article or full")
        }
        guard let extractionBias = ReaderOptions.ExtractionBias(rawValue: bias) else {
            throw ValidationError("--bias must be precision, balanced or recall")
        }
        let readerOptions = ReaderOptions(htmlMode: htmlMode, bias: extractionBias)
        let stages = news ? try NewsPipeline.make() : nil
        let peerTexts = try peers.map { try PeerTexts(path: $0) }
        let reader = FormatReader(options: readerOptions)
        let lector = stages.map { "lector:\($0.name)" } ?? "lector"
        let tools = [lector] + (peerTexts?.tools ?? [])

        // set → group ("all" or a page type) → tool → tally
        var tallies: [String: [String: [String: ExtractTally]]] = [:]
        var pageLines: [UInt8] = []
        var failures: [String] = []
        for set in data.sets {
            for page in set.pages {
                let stopwatch = Stopwatch()
                var text = ""
                let outcomes = reader.read(bytes: page.bytes, id: page.id, source: page.id, formatHint: "html")
                if case .processed(var document) = outcomes.first {
                    if let stages {
                        var timings = [UInt64](repeating: 0, count: stages.stages.count)
                        if let failure = stages.process(&document, context: StageContext(), timings: &timings) {
                            failures.append("\(set.name)/\(page.id): \(failure.stage): \(failure.message)")
                        }
                    }
                    text = document.text
                } else if case .failed(let failure) = outcomes.first {
                    failures.append("\(set.name)/\(page.id): read: \(failure.message)")
                }
                let seconds = stopwatch.cpuSeconds
                var texts = [(lector, text, seconds)]
                for tool in peerTexts?.tools ?? [] {
                    let peer = peerTexts?.texts[tool]?[set.name]?[page.id]
                    texts.append((tool, peer?.text ?? "", peer?.seconds ?? 0))
                }
                var line = JSONWriter()
                if pagesPath != nil {
                    line.beginObject()
                    line.field("id", page.id)
                    line.field("set", set.name)
                    if let type = page.type { line.field("type", type) }
                }
                for (tool, text, seconds) in texts {
                    for group in ["all", page.type].compactMap({ $0 }) {
                        tallies[set.name, default: [:]][group, default: [:]][tool, default: ExtractTally()]
                            .add(text, page: page, seconds: seconds)
                    }
                    if pagesPath != nil {
                        var single = ExtractTally()
                        single.add(text, page: page, seconds: seconds)
                        line.field(tool, single.figures(set.measure).f1)
                        if tool == lector { line.field("text", text) }
                    }
                }
                if pagesPath != nil {
                    line.endObject()
                    pageLines += line.bytes + [0x0A]
                }
            }
        }
        if let pagesPath { try Data(pageLines).write(to: URL(fileURLWithPath: pagesPath)) }
        print(table(data: data, tallies: tallies, tools: tools))
        if !failures.isEmpty {
            print("\(failures.count) page(s) without text from Lector:")
            for failure in failures.prefix(20) { print("  \(failure)") }
        }
        if let json {
            let output = self.json(data: data, tallies: tallies, tools: tools)
            try Data(output.bytes).write(to: URL(fileURLWithPath: json))
        }
    }

    private func groups(of set: ExtractSuite.GoldSet) -> [String] {
        ["all"] + Set(set.pages.compactMap(\.type)).sorted()
    }

    private func table(data: ExtractSuite, tallies: [String: [String: [String: ExtractTally]]], tools: [String]) -> String {
        var lines: [String] = []
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        func number(_ value: Double) -> String { String(format: "%.3f", value) }
        lines.append(pad("set", 16) + pad("group", 15) + pad("pages", 7) + pad("tool", 20) + "P      R      F1     pages/s")
        for set in data.sets {
            for group in groups(of: set) {
                for tool in tools {
                    guard let tally = tallies[set.name]?[group]?[tool] else { continue }
                    let figures = tally.figures(set.measure)
                    lines.append(
                        pad(set.name, 16) + pad(group, 15) + pad("\(tally.pages)", 7) + pad(tool, 20)
                            + "\(number(figures.precision))  \(number(figures.recall))  \(number(figures.f1))  "
                            + String(format: "%.1f", tally.pagesPerSecond))
                }
            }
            lines.append("  (\(set.name): \(set.measure.rawValue) F1)")
        }
        return lines.joined(separator: "\n")
    }

    private func json(data: ExtractSuite, tallies: [String: [String: [String: ExtractTally]]], tools: [String]) -> JSONWriter {
        var writer = JSONWriter()
        writer.beginObject()
        for set in data.sets {
            writer.key(set.name)
            writer.beginObject()
            writer.field("measure", set.measure.rawValue)
            for group in groups(of: set) {
                writer.key(group)
                writer.beginObject()
                for tool in tools {
                    guard let tally = tallies[set.name]?[group]?[tool] else { continue }
                    writer.key(tool)
                    writer.beginObject()
                    writer.field("empty", tally.empty)
                    let figures = tally.figures(set.measure)
                    writer.field("f1", figures.f1)
                    writer.field("pages", tally.pages)
                    writer.field("pages_per_cpu_second", tally.pagesPerSecond)
                    writer.field("precision", figures.precision)
                    writer.field("recall", figures.recall)
                    if set.hasText {
                        writer.field("shingle_f1", tally.shingles.f1)
                        writer.field("word_f1", tally.words.f1)
                    }
                    if tally.snippets.truePositives + tally.snippets.falseNegatives > 0 {
                        writer.field("snippet_f1", tally.snippets.f1)
                    }
                    writer.endObject()
                }
                writer.endObject()
            }
            writer.endObject()
        }
        writer.endObject()
        return writer
    }
}
