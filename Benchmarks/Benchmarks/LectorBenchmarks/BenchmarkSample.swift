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

    /// Articles taken from the development data when present.
    static let articleLimit = 500
    static let pageLimit = 200

    static func load() -> BenchmarkSample {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
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
        if texts.isEmpty {
            let examples = repository.appendingPathComponent("examples/news")
            for case .file(let source) in SourceEnumerator(inputs: [examples.path]) {
                for case .processed(let document) in reader.read(source) { texts.append((document.id, document.text)) }
                if source.id.hasSuffix(".html"), let bytes = FileManager.default.contents(atPath: source.url.path) {
                    sample.htmlPages.append(Array(bytes))
                }
            }
        }
        let clean = stages(["clean"])
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

    /// An external stage running `script` with python3.
    static func externalStage(script: String) -> ExternalStage {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lector-bench-worker")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? Data(script.utf8).write(to: directory.appendingPathComponent("worker.py"))
        let options = ExternalStage.Options(command: ["python3", "worker.py"], directory: directory, produces: ["nothing"])
        guard let stage = try? ExternalStage(options: options) else { fatalError("cannot start the external worker") }
        return stage
    }
}
