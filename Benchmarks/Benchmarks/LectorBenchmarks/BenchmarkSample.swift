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

    /// `phrases` distinct, case-insensitive phrases of one to four words, half of them starting with a
    /// common English word so that matching walks into the trie on ordinary text (the same recipe as
    /// `Benchmarks/make_gazetteer.py`, deterministic).
    static func syntheticGazetteer(phrases: Int) -> EntityPhraseMatcher {
        let common = ("the of and in to new city bank north south west east national first united central state "
            + "university river market street group council party union court house world").split(separator: " ")
        let syllables = "ka ri mo ten sul bar vin do lem pra zu hal nor fen tis gor ab el ost uvi".split(separator: " ")
        let labels = ["ORG", "PER", "LOC", "MISC"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        func word() -> String {
            (0..<(2 + next(2))).map { _ in String(syllables[next(syllables.count)]) }.joined().capitalized
        }
        var matcher = EntityPhraseMatcher()
        var seen: Set<String> = []
        while seen.count < phrases {
            var words = (0..<(1 + next(4))).map { _ in word() }
            if next(2) == 0 {
                words[0] = String(common[next(common.count)])
                if words.count == 1 { words.append(word()) }
            }
            let phrase = words.joined(separator: " ")
            guard seen.insert(phrase.lowercased()).inserted else { continue }
            matcher.add(
                phrase: phrase, target: .init(label: labels[next(labels.count)], canonical: nil), caseSensitive: false)
        }
        return matcher
    }
}
