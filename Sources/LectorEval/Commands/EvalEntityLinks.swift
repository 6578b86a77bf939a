import ArgumentParser
import Foundation
import LectorCore
import LectorStages

/// `lector eval entity-links`: cross-document entity clustering (B³ and pairwise F1) on gold mentions.
struct EvalEntityLinks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity-links",
        abstract: "Cross-document entity clustering B³/pairwise P/R/F1 on gold mentions, with baselines; JSON out.",
        discussion: """
            Gold lines (input order): {"id", "text", "mentions": [{"text", "label", "entity", "start"}]}, \
            mentions in text order, `entity` the gold real-world entity (Benchmarks/batch/handmade.jsonl). Each \
            document's mentions get their in-document canonical form from the entity linker (as the entities \
            stage gives them), then one summary per document goes to the batch linker. Every mention is one \
            item of the clustering. Baselines: the canonical string as written (the report's grouping without \
            batch linking), and the same lower-cased.
            """
    )

    @Option(help: "Gold JSONL file.")
    var gold: String

    @Flag(help: "Also print the gold entities that the linker splits or merges.")
    var errors = false

    func run() throws {
        let documents = try Self.read(gold)
        var goldEntities: [String] = []
        var surfaces: [String] = []
        var exact: [String] = []
        var lowered: [String] = []
        var summaries: [EntityMentionSummary] = []
        var positions: [[Int?]] = []  // per document, per gold mention: its index in the summary
        for mentions in documents {
            let forms = EntityLinker().canonicalForms(
                mentions.map { EntityLinker.Mention(words: $0.text.split(separator: " ").map(String.init), label: $0.label) })
            let summary = EntityMentionSummary(names: zip(forms, mentions).map { ($0, $1.label) })
            summaries.append(summary)
            positions.append(zip(forms, mentions).map { summary.index(name: $0, label: $1.label) })
            for (form, mention) in zip(forms, mentions) {
                goldEntities.append(mention.entity)
                surfaces.append("\(mention.text) → \(form)")
                exact.append(mention.label + "\u{1F}" + form)
                lowered.append(mention.label + "\u{1F}" + form.lowercased())
            }
        }
        var rows: [[String: Any]] = []
        func add(_ method: String, _ predicted: [String]) {
            var row: [String: Any] = ClusterScore(predicted: predicted, gold: goldEntities).json
            row["method"] = method
            row["entities"] = Set(predicted).count
            rows.append(row)
        }
        add("canonical string as written", exact)
        add("canonical string, lower-cased", lowered)
        for context in [false, true] {
            let links = BatchEntityLinker(options: .init(contextLinks: context)).link(summaries)
            var predicted: [String] = []
            for (document, row) in positions.enumerated() {
                for (offset, position) in row.enumerated() {
                    predicted.append(position.map { "e\(links.ids[document][$0])" } ?? "unlinked-\(document)-\(offset)")
                }
            }
            add("lector batch linker" + (context ? "" : ", no context links"), predicted)
            if errors && context { rows.append(["errors": Self.errors(predicted, goldEntities, surfaces)]) }
        }
        try printJSON([
            "set": URL(fileURLWithPath: gold).lastPathComponent, "documents": documents.count,
            "mentions": goldEntities.count, "gold_entities": Set(goldEntities).count, "results": rows,
        ])
    }

    /// Gold entities spread over several predicted ones, and predicted ones holding several gold ones.
    static func errors(_ predicted: [String], _ gold: [String], _ surfaces: [String]) -> [String: [String]] {
        var byGold: [String: Set<String>] = [:]
        var byPredicted: [String: Set<String>] = [:]
        for index in gold.indices {
            byGold[gold[index], default: []].insert(predicted[index])
            byPredicted[predicted[index], default: []].insert(gold[index])
        }
        var result: [String: [String]] = [:]
        for index in gold.indices where byGold[gold[index]]!.count > 1 || byPredicted[predicted[index]]!.count > 1 {
            result[gold[index], default: []].append("\(surfaces[index]) = \(predicted[index])")
        }
        return result
    }

    struct GoldMention {
        var text: String
        var label: String
        var entity: String
    }

    static func read(_ path: String) throws -> [[GoldMention]] {
        let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        return try text.split(separator: "\n").enumerated().map { number, line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let mentions = object["mentions"] as? [[String: Any]]
            else { throw ValidationError("\(path):\(number + 1): expected {\"id\", \"text\", \"mentions\": [...]}") }
            return try mentions.map { mention in
                guard let text = mention["text"] as? String, let label = mention["label"] as? String,
                    let entity = mention["entity"] as? String
                else { throw ValidationError("\(path):\(number + 1): a mention needs \"text\", \"label\", \"entity\"") }
                return GoldMention(text: text, label: label, entity: entity)
            }
        }
    }
}
