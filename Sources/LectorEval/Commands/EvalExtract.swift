import ArgumentParser
import Foundation
import LectorCore
import LectorMarkup

/// `lector eval extract --gold FILE.jsonl`: score main-text extraction on pages with gold.
///
/// Each gold line is `{"id", "html", ...}` (`html` relative to the JSONL file) with either `"text"`
/// (the whole article: the Zyte benchmark's shingle F1, `ShingleF1`) or `"with"`/`"without"` snippets (snippet scoring). Pages are
/// loaded first; the timed part is the reader alone, on one core. With `--suite DIR`, every set under
/// DIR is scored with its own measure, beside other tools' texts (`--peers`): see `EvalExtractSuite`.
struct EvalExtract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Score main-text extraction against gold (snippets or full text) and print JSON."
    )

    @Option(help: "Gold JSONL: lines {\"id\", \"html\", and \"text\" or \"with\"/\"without\"}.")
    var gold: String?

    @OptionGroup var suiteOptions: EvalExtractSuite

    @Option(help: "HTML mode: article or full.")
    var mode: String = "article"

    @Option(help: "Extraction bias: precision, balanced or recall.")
    var bias: String = "balanced"

    @Option(help: "Score only the first N pages.")
    var limit: Int?

    @Option(help: "Write one JSON line per page (id, scores, extracted text) to this file.")
    var pages: String?

    func run() throws {
        if suiteOptions.suite != nil {
            try suiteOptions.run(mode: mode, bias: bias, limit: limit, pagesPath: pages)
            return
        }
        guard let gold else { throw ValidationError("give --gold FILE.jsonl or --suite DIR") }
        guard let htmlMode = ReaderOptions.HTMLMode(rawValue: mode) else {
            throw ValidationError("--mode must be article or full")
        }
        guard let extractionBias = ReaderOptions.ExtractionBias(rawValue: bias) else {
            throw ValidationError("--bias must be precision, balanced or recall")
        }
        let goldURL = URL(fileURLWithPath: gold)
        let base = goldURL.deletingLastPathComponent()
        let content: String
        do {
            content = try String(contentsOf: goldURL, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read \(gold): \(error.localizedDescription)")
        }
        struct Page {
            var id: String
            var bytes: [UInt8]
            var text: String?
            var with: [String]
            var without: [String]
        }
        var loaded: [Page] = []
        for (number, line) in content.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            if let limit, loaded.count >= limit { break }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let path = object["html"] as? String
            else {
                throw ValidationError("\(gold):\(number + 1): expected an object with \"html\"")
            }
            let id = object["id"] as? String ?? path
            let url = base.appendingPathComponent(path)
            guard let data = try? Data(contentsOf: url) else {
                throw ValidationError("\(gold):\(number + 1): cannot read \(url.path)")
            }
            loaded.append(
                Page(
                    id: id, bytes: [UInt8](data), text: object["text"] as? String,
                    with: object["with"] as? [String] ?? [], without: object["without"] as? [String] ?? []))
        }
        let reader = FormatReader(options: ReaderOptions(htmlMode: htmlMode, bias: extractionBias))
        var texts: [String] = []
        texts.reserveCapacity(loaded.count)
        var failed = 0
        let stopwatch = Stopwatch()
        // The slowest page, to show that time per page stays bounded.
        var slowest = (nanoseconds: UInt64(0), id: "")
        for page in loaded {
            let pageStopwatch = Stopwatch()
            defer {
                let elapsed = pageStopwatch.elapsedNanoseconds
                if elapsed > slowest.nanoseconds { slowest = (elapsed, page.id) }
            }
            let outcomes = reader.read(bytes: page.bytes, id: page.id, source: page.id, formatHint: "html")
            if case .processed(let document) = outcomes.first {
                texts.append(document.text)
            } else {
                texts.append("")
                failed += 1
            }
        }
        let seconds = stopwatch.elapsedSeconds
        let cpuSeconds = stopwatch.cpuSeconds
        let totalBytes = loaded.reduce(0) { $0 + $1.bytes.count }

        var snippets = SnippetTally()
        var shingles = ShingleF1()
        var shinglePages = 0
        var snippetPages = 0
        var pageLines: [UInt8] = []
        for (page, text) in zip(loaded, texts) {
            var pageTally = SnippetTally()
            if !page.with.isEmpty || !page.without.isEmpty {
                pageTally.add(text: text, with: page.with, without: page.without)
                snippets.add(text: text, with: page.with, without: page.without)
                snippetPages += 1
            }
            var pageShingles: ShingleF1?
            if let goldText = page.text {
                let counts = ShingleF1.page(predicted: text, gold: goldText)
                var one = ShingleF1()
                one.add(counts)
                shingles.add(counts)
                shinglePages += 1
                pageShingles = one
            }
            if pages != nil {
                var line = JSONWriter()
                line.beginObject()
                line.field("fn", pageTally.falseNegatives)
                line.field("fp", pageTally.falsePositives)
                line.field("id", page.id)
                if let pageShingles {
                    line.field("shingle_precision", pageShingles.precision)
                    line.field("shingle_recall", pageShingles.recall)
                }
                line.field("text", text)
                line.endObject()
                pageLines += line.bytes + [0x0A]
            }
        }
        if let pages {
            try Data(pageLines).write(to: URL(fileURLWithPath: pages))
        }

        var output = JSONWriter()
        output.beginObject()
        output.field("bias", bias)
        output.field("cpu_seconds", cpuSeconds)
        output.field("failed", failed)
        output.field("mb_per_second", seconds > 0 ? Double(totalBytes) / 1e6 / seconds : 0)
        output.field("mode", mode)
        output.field("pages", loaded.count)
        output.field("pages_per_cpu_second", cpuSeconds > 0 ? Double(loaded.count) / cpuSeconds : 0)
        output.field("pages_per_second", seconds > 0 ? Double(loaded.count) / seconds : 0)
        output.field("seconds", seconds)
        output.field("slowest_page", slowest.id)
        output.field("slowest_page_seconds", Double(slowest.nanoseconds) / 1e9)
        if snippetPages > 0 {
            output.key("snippets")
            output.beginObject()
            output.field("accuracy", snippets.accuracy)
            output.field("f1", snippets.f1)
            output.field("fn", snippets.falseNegatives)
            output.field("fp", snippets.falsePositives)
            output.field("pages", snippetPages)
            output.field("precision", snippets.precision)
            output.field("recall", snippets.recall)
            output.field("tn", snippets.trueNegatives)
            output.field("tp", snippets.truePositives)
            output.endObject()
        }
        if shinglePages > 0 {
            output.key("text")
            output.beginObject()
            output.field("f1", shingles.f1)
            output.field("pages", shinglePages)
            output.field("precision", shingles.precision)
            output.field("recall", shingles.recall)
            output.endObject()
        }
        output.endObject()
        print(output.string)
    }
}
