import ArgumentParser
import Foundation
import LectorCore
import LectorStages

/// `lector eval keyphrases`: F1@5 and F1@10 of the `keyphrases` stage against gold key phrases.
struct EvalKeyphrases: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyphrases",
        abstract: "Key-phrase P/R/F1 at 5 and 10 (lower-cased, Porter-stemmed exact match); JSON out.",
        discussion: """
            Gold lines: {"id", "article", "keyphrases": [...]} (optional "title", given to the document). \
            Each document runs through clean, sentences, tokens and entities (the registered stages) and \
            then keyphrases with 10 phrases. With --suite, every such file under the folder is scored. \
            P, R and F1 are means over documents; gold phrases absent from the text count in recall.
            """
    )

    @Option(help: "Gold JSONL file.")
    var gold: String?

    @Option(help: "Folder whose key-phrase gold files are all scored.")
    var suite: String?

    @Option(help: "Score only the first N documents of each file.")
    var limit: Int?

    @Option(help: "Write each document's phrases and gold to this JSONL file.")
    var dump: String?

    func run() throws {
        var files: [String] = []
        if let gold { files.append(gold) }
        if let suite { files += try Self.goldFiles(in: suite) }
        guard !files.isEmpty else { throw ValidationError("give --gold FILE or --suite DIR") }
        let prepare = try KeyphrasePreparation(registry: .builtins)
        var options = KeyphraseStage.Options()
        options.count = 10
        let stage = try KeyphraseStage(options: options)
        let scorer = KeyphraseScorer()
        var results: [[String: Any]] = []
        var dumpLines: [String] = []
        for file in files {
            let url = URL(fileURLWithPath: file)
            let text = try String(contentsOf: url, encoding: .utf8)
            var totals = [String: Double]()
            var count = 0
            for line in text.split(separator: "\n") {
                if let limit, count >= limit { break }
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let article = object["article"] as? String, let gold = object["keyphrases"] as? [String]
                else { throw ValidationError("\(file): expected {\"id\", \"article\", \"keyphrases\"}") }
                var document = Document(
                    id: (object["id"] as? String) ?? String(count), source: file, format: "text",
                    title: object["title"] as? String, text: article)
                try prepare.process(&document)
                try stage.process(&document, context: StageContext())
                // Best first (the layer itself is in text order).
                let predicted = document.annotations(.keyphrase).enumerated()
                    .sorted { ($0.element.score ?? 0, $1.offset) > ($1.element.score ?? 0, $0.offset) }
                    .map(\.element.label)
                for k in [5, 10] {
                    let score = scorer.score(predicted: predicted, gold: gold, k: k)
                    totals["p@\(k)", default: 0] += score.precision
                    totals["r@\(k)", default: 0] += score.recall
                    totals["f1@\(k)", default: 0] += score.f1
                }
                count += 1
                if dump != nil {
                    let entry: [String: Any] = ["id": document.id, "predicted": predicted, "gold": gold]
                    let data = try JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys])
                    dumpLines.append(String(decoding: data, as: UTF8.self))
                }
            }
            var result: [String: Any] = [
                "set": url.deletingLastPathComponent().lastPathComponent + "/"
                    + url.deletingPathExtension().lastPathComponent,
                "documents": count,
            ]
            for (key, total) in totals { result[key] = (total / Double(max(count, 1)) * 10_000).rounded() / 10_000 }
            results.append(result)
        }
        if let dump { try (dumpLines.joined(separator: "\n") + "\n").write(toFile: dump, atomically: true, encoding: .utf8) }
        let data = try JSONSerialization.data(withJSONObject: ["sets": results], options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: data, as: UTF8.self))
    }

    /// Every JSONL file under `folder` whose first line has "article" and "keyphrases", sorted.
    static func goldFiles(in folder: String) throws -> [String] {
        let root = URL(fileURLWithPath: folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw ValidationError("cannot read folder \(folder)")
        }
        var files: [String] = []
        for case let url as URL in walker where url.pathExtension == "jsonl" {
            guard let text = try? String(contentsOf: url, encoding: .utf8),
                let first = text.split(separator: "\n", maxSplits: 1).first,
                let object = try? JSONSerialization.jsonObject(with: Data(first.utf8)) as? [String: Any],
                object["article"] is String, object["keyphrases"] is [Any]
            else { continue }
            files.append(url.path)
        }
        return files.sorted()
    }
}

/// The stages a key-phrase document passes before `keyphrases`: the registered clean, sentences,
/// tokens and entities stages with default options (those that exist).
struct KeyphrasePreparation {
    let pipeline: Pipeline

    init(registry: StageRegistry) throws {
        let location = ConfigLocation(file: "eval", line: 0)
        var stages: [AnyStage] = []
        for name in ["clean", "sentences", "tokens", "entities"] {
            guard let entry = registry.entry(named: name) else { continue }
            stages.append(try entry.make(.emptyMap(at: location), name, ConfigDecoder()))
        }
        pipeline = try Pipeline(name: "eval-keyphrases", stages: stages, registry: registry)
    }

    func process(_ document: inout Document) throws {
        var timings = [UInt64](repeating: 0, count: pipeline.stages.count)
        if let failure = pipeline.process(&document, context: StageContext(), timings: &timings) { throw failure }
    }
}
