import ArgumentParser
import Foundation
import LectorCore
import LectorMarkup

/// `lector eval extract --gold FILE.jsonl`: score main-text extraction on pages with gold.
///
/// Each gold line is `{"id", "html", ...}` (`html` relative to the JSONL file) with either `"text"`
/// (the whole article: shingle scoring) or `"with"`/`"without"` snippets (snippet scoring). Pages are
/// loaded first; the timed part is the reader alone, on one core.
struct EvalExtract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Score main-text extraction against gold (snippets or full text) and print JSON."
    )

    @Option(help: "Gold JSONL: lines {\"id\", \"html\", and \"text\" or \"with\"/\"without\"}.")
    var gold: String

    @Option(help: "HTML mode: article or full.")
    var mode: String = "article"

    @Option(help: "Extraction bias: precision, balanced or recall.")
    var bias: String = "balanced"

    @Option(help: "Score only the first N pages.")
    var limit: Int?

    @Option(help: "Write one JSON line per page (id, scores, extracted text) to this file.")
    var pages: String?

    func run() throws {
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
        let started = DispatchTime.now().uptimeNanoseconds
        let startedCPU = Self.processCPUSeconds()
        // The slowest page, to show that time per page stays bounded.
        var slowest = (nanoseconds: UInt64(0), id: "")
        for page in loaded {
            let pageStarted = DispatchTime.now().uptimeNanoseconds
            defer {
                let elapsed = DispatchTime.now().uptimeNanoseconds - pageStarted
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
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let cpuSeconds = Self.processCPUSeconds() - startedCPU
        let totalBytes = loaded.reduce(0) { $0 + $1.bytes.count }

        var snippets = SnippetTally()
        var shingles = ShingleScore()
        var snippetPages = 0
        var pageLines: [UInt8] = []
        for (page, text) in zip(loaded, texts) {
            var pageTally = SnippetTally()
            if !page.with.isEmpty || !page.without.isEmpty {
                pageTally.add(text: text, with: page.with, without: page.without)
                snippets.add(text: text, with: page.with, without: page.without)
                snippetPages += 1
            }
            var precisionRecall: (precision: Double, recall: Double)?
            if let goldText = page.text {
                shingles.add(predicted: text, gold: goldText)
                precisionRecall = ShingleScore.precisionRecall(predicted: text, gold: goldText)
            }
            if pages != nil {
                var line = JSONWriter()
                line.beginObject()
                line.key("fn")
                line.value(pageTally.falseNegatives)
                line.key("fp")
                line.value(pageTally.falsePositives)
                line.key("id")
                line.value(page.id)
                if let precisionRecall {
                    line.key("shingle_precision")
                    line.value(precisionRecall.precision)
                    line.key("shingle_recall")
                    line.value(precisionRecall.recall)
                }
                line.key("text")
                line.value(text)
                line.endObject()
                pageLines += line.bytes + [0x0A]
            }
        }
        if let pages {
            try Data(pageLines).write(to: URL(fileURLWithPath: pages))
        }

        var output = JSONWriter()
        output.beginObject()
        output.key("bias")
        output.value(bias)
        output.key("cpu_seconds")
        output.value(cpuSeconds)
        output.key("failed")
        output.value(failed)
        output.key("mb_per_second")
        output.value(seconds > 0 ? Double(totalBytes) / 1e6 / seconds : 0)
        output.key("mode")
        output.value(mode)
        output.key("pages")
        output.value(loaded.count)
        output.key("pages_per_cpu_second")
        output.value(cpuSeconds > 0 ? Double(loaded.count) / cpuSeconds : 0)
        output.key("pages_per_second")
        output.value(seconds > 0 ? Double(loaded.count) / seconds : 0)
        output.key("seconds")
        output.value(seconds)
        output.key("slowest_page")
        output.value(slowest.id)
        output.key("slowest_page_seconds")
        output.value(Double(slowest.nanoseconds) / 1e9)
        if snippetPages > 0 {
            output.key("snippets")
            output.beginObject()
            output.key("accuracy")
            output.value(snippets.accuracy)
            output.key("f1")
            output.value(snippets.f1)
            output.key("fn")
            output.value(snippets.falseNegatives)
            output.key("fp")
            output.value(snippets.falsePositives)
            output.key("pages")
            output.value(snippetPages)
            output.key("precision")
            output.value(snippets.precision)
            output.key("recall")
            output.value(snippets.recall)
            output.key("tn")
            output.value(snippets.trueNegatives)
            output.key("tp")
            output.value(snippets.truePositives)
            output.endObject()
        }
        if shingles.pages > 0 {
            output.key("text")
            output.beginObject()
            output.key("f1")
            output.value(shingles.f1)
            output.key("pages")
            output.value(shingles.pages)
            output.key("precision")
            output.value(shingles.precision)
            output.key("recall")
            output.value(shingles.recall)
            output.endObject()
        }
        output.endObject()
        print(output.string)
    }

    /// CPU time this process has used (user and system), in seconds: on a shared machine a fairer
    /// speed figure than wall time.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
            let who = RUSAGE_SELF.rawValue
        #else
            let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
