import Foundation
import LectorCore
import LectorMarkup
import LectorStages

/// The text the benchmarks run on, prepared once: HTML pages as bytes, cleaned documents, and
/// documents with sentences and tokens.
struct BenchmarkSample: Sendable {
    var htmlPages: [[UInt8]] = []
    var cleanDocuments: [Document] = []
    var tokenizedDocuments: [Document] = []
    var cleanBytes = 0
    /// The bundled `examples/news` documents, cleaned (always loaded, whatever the data folder holds).
    var exampleDocuments: [Document] = []

    /// Articles taken from the development data when present.
    static let articleLimit = 500
    static let pageLimit = 200

    /// The Lector repository (this file is in Benchmarks/Benchmarks/LectorBenchmarks/).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func load() -> BenchmarkSample {
        let data = ProcessInfo.processInfo.environment["LECTOR_DATA"].map { URL(fileURLWithPath: $0) }
            ?? repository.deletingLastPathComponent().appendingPathComponent("shared/data")
        var sample = BenchmarkSample()
        var texts: [(String, String)] = []
        if let lines = try? String(contentsOf: data.appendingPathComponent("summ/bbc/tune.jsonl"), encoding: .utf8) {
            for line in lines.split(separator: "\n").prefix(articleLimit) {
                if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let article = object["article"] as? String, let id = object["id"] as? String
                {
                    texts.append((id, article))
                }
            }
        }
        let pages = data.appendingPathComponent("html/trafilatura/pages")
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: pages.path)) ?? []).sorted().prefix(pageLimit) {
            if let bytes = FileManager.default.contents(atPath: pages.appendingPathComponent(name).path) {
                sample.htmlPages.append(Array(bytes))
            }
        }
        let reader = FormatReader()
        let clean = stages(["clean"])
        let examples = repository.appendingPathComponent("examples/news")
        // Without development data, the examples stand in for the articles and pages as well.
        let examplesAreTheArticles = texts.isEmpty
        let examplesAreThePages = sample.htmlPages.isEmpty
        for case .file(let source) in SourceEnumerator(inputs: [examples.path]) {
            for case .processed(var document) in reader.read(source) {
                if examplesAreTheArticles { texts.append((document.id, document.text)) }
                for stage in clean { try? stage.process(&document, context: StageContext()) }
                sample.exampleDocuments.append(document)
            }
            if examplesAreThePages, source.id.hasSuffix(".html"),
                let bytes = FileManager.default.contents(atPath: source.url.path)
            {
                sample.htmlPages.append(Array(bytes))
            }
        }
        let tokenize = stages(["sentences", "tokens"])
        for (id, text) in texts {
            var document = Document(id: id, source: id, format: "text", text: text)
            for stage in clean { try? stage.process(&document, context: StageContext()) }
            sample.cleanBytes += document.text.utf8.count
            sample.cleanDocuments.append(document)
            for stage in tokenize { try? stage.process(&document, context: StageContext()) }
            sample.tokenizedDocuments.append(document)
        }
        return sample
    }

    /// Built-in stages by name, with default options.
    static func stages(_ names: [String]) -> [AnyStage] {
        let registry = StageRegistry.builtins
        return names.map { name in
            guard let entry = registry.entry(named: name),
                let stage = try? entry.make(.emptyMap(at: ConfigLocation(file: "benchmark", line: 0)), name, ConfigDecoder())
            else { fatalError("no built-in stage '\(name)'") }
            return stage
        }
    }

    /// An external stage running `examples/external-stage/<script>` with python3.
    static func externalStage(script: String) -> ExternalStage {
        let directory = repository.appendingPathComponent("examples/external-stage")
        let options = ExternalStage.Options(command: ["python3", script], directory: directory, produces: ["nothing"])
        guard let stage = try? ExternalStage(options: options) else { fatalError("cannot start the external worker") }
        return stage
    }
}
