import ArgumentParser
import Foundation
import LectorCore
import LectorStages

/// Runs `EntitySuite` and prints one table: per set, Lector from gold tokens, Lector from raw text and
/// the peer (spaCy) from raw text, each with per-label F1 and micro precision, recall and F1. For a
/// language other than English the model is `model`, else that language's installed model, and the
/// shipped English model's figures from gold tokens come first as the baseline.
struct EntitySuiteReport {
    var root: URL
    var work: URL?
    var model: String?
    var rawText: Bool
    var language = "en"

    func run() throws {
        let recognizer: EntityRecognizer
        if let model {
            recognizer = try EntityModelStore.recognizer(path: model)
        } else if let installed = try EntityModelStore.recognizer(language: language) {
            recognizer = installed
        } else {
            throw ValidationError("no entities-model-\(language).bin is installed: give --model FILE")
        }
        let stage = EntitiesStage(recognizer: recognizer)
        let pipeline = try Self.readingPipeline(entities: stage)
        let baseline = language == "en" ? nil : EntitiesStage(recognizer: try EntityModelStore.shippedRecognizer())
        var rows: [EntitySuite.Row] = []
        for set in EntitySuite.sets(language: language) {
            let url = root.appendingPathComponent(set.path)
            guard FileManager.default.fileExists(atPath: url.path) else {
                FileHandle.standardError.write(Data("skipped \(set.name): \(url.path) is missing\n".utf8))
                continue
            }
            let prepared = try EntitySuite.prepare(set, root: root)
            if let work { try EntitySuite.writeTexts(prepared, to: work) }
            var systems: [(String, [[[EntitySpan]]])] = []
            if let baseline { systems.append(("en model tokens", try EntitySuite.tagGoldTokens(prepared, stage: baseline))) }
            systems.append(("lector tokens", try EntitySuite.tagGoldTokens(prepared, stage: stage)))
            if rawText { systems.append(("lector text", EntitySuite.tagRawText(prepared, pipeline: pipeline))) }
            if let work, let peer = try EntitySuite.peerSpans(prepared, directory: work, file: "spacy.jsonl") {
                systems.append(("spacy sm text", peer))
            }
            let labels = ["PER", "ORG", "LOC", "MISC"].filter { set.format.labels.contains($0) }
            for variant in set.withoutMentions ? [false, true] : [false] {
                let name = set.name + (variant ? " (no @user)" : "")
                for (system, spans) in systems {
                    rows.append(
                        EntitySuite.Row(
                            set: name, system: system,
                            scorer: EntitySuite.score(spans, prepared: prepared, withoutMentions: variant),
                            labels: labels))
                }
            }
        }
        print(Self.table(rows))
    }

    /// `clean`, `sentences` and `tokens` from the built-in registry (default options), then `entities`.
    static func readingPipeline(entities: EntitiesStage) throws -> Pipeline {
        let registry = StageRegistry.builtins
        let location = ConfigLocation(file: "eval", line: 0)
        var stages: [AnyStage] = []
        for name in ["clean", "sentences", "tokens"] {
            guard let entry = registry.entry(named: name) else {
                throw ValidationError("stage '\(name)' is not registered")
            }
            stages.append(try entry.make(.emptyMap(at: location), name, ConfigDecoder()))
        }
        stages.append(AnyStage(entities))
        return try Pipeline(name: "eval-entities", stages: stages, registry: registry)
    }

    static func table(_ rows: [EntitySuite.Row]) -> String {
        func cell(_ value: Double) -> String { String(format: "%.3f", value) }
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
        }
        var lines = [
            pad("set", 24) + pad("system", 15) + "  PER    ORG    LOC    MISC   |  P      R      F1     gold"
        ]
        var lastSet = ""
        for row in rows {
            if row.set != lastSet && !lastSet.isEmpty { lines.append("") }
            lastSet = row.set
            var line = pad(row.set, 24) + pad(row.system, 15)
            for label in ["PER", "ORG", "LOC", "MISC"] {
                line += "  " + (row.labels.contains(label) ? cell(row.scorer.byLabel[label]?.f1 ?? 0) : "  -  ")
            }
            let micro = row.scorer.micro
            line += "  | " + [micro.precision, micro.recall, micro.f1].map(cell).joined(separator: "  ")
            line += "  \(micro.gold)"
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
