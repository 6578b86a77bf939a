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

    @Flag(help: "Link the entities Lector's own stages find (clean … entities) instead of the gold mentions; score the gold mentions found with their exact span.")
    var ner = false

    /// What the linker sees of one document (its names) and which of them are scored against gold.
    struct Observed {
        var names: [(name: String, label: String)] = []
        /// Scored items: index into `names`, gold entity, surface for error listings.
        var scored: [(name: Int, entity: String, surface: String)] = []
    }

    func run() throws {
        let documents = try Self.read(gold)
        let observed = ner ? try Self.observeByPipeline(documents) : documents.map(Self.observeGold)
        let goldEntities = observed.flatMap { $0.scored.map(\.entity) }
        var surfaces: [String] = []
        var exact: [String] = []
        var lowered: [String] = []
        for document in observed {
            for item in document.scored {
                let (form, label) = document.names[item.name]
                surfaces.append("\(item.surface) → \(form)")
                exact.append(label + "\u{1F}" + form)
                lowered.append(label + "\u{1F}" + form.lowercased())
            }
        }
        var rows: [[String: Any]] = []
        func add(_ method: String, _ predicted: [String]) {
            rows.append(ClusterScore.row(method, predicted: predicted, gold: goldEntities, countKey: "entities"))
        }
        add("canonical string as written", exact)
        add("canonical string, lower-cased", lowered)
        let variants: [(String, BatchEntityLinker.Options)] = [
            ("lector batch linker, names only", .init(contextLinks: false, mergeLabels: false)),
            ("lector batch linker, names + context", .init(contextLinks: true, mergeLabels: false)),
            ("lector batch linker (default: names + context + label variants)", .init()),
        ]
        for (method, options) in variants {
            let predicted = Self.batchEntities(observed, options: options)
            add(method, predicted)
            if errors && options == BatchEntityLinker.Options() {
                rows.append(["errors": Self.errors(predicted, goldEntities, surfaces)])
            }
        }
        try printJSON([
            "set": URL(fileURLWithPath: gold).lastPathComponent, "documents": documents.count,
            "mentions": documents.reduce(0) { $0 + $1.mentions.count }, "scored_mentions": goldEntities.count,
            "gold_entities": Set(goldEntities).count, "mentions_from": ner ? "lector entities stage" : "gold",
            "results": rows,
        ])
    }

    /// The batch entity of each scored item (documents in order, items in order) as the batch linker
    /// gives it; an item whose name the summary dropped (no letter or digit) is an entity of its own.
    static func batchEntities(_ observed: [Observed], options: BatchEntityLinker.Options) -> [String] {
        let summaries = observed.map { EntityMentionSummary(names: $0.names) }
        let links = BatchEntityLinker(options: options).link(summaries)
        var predicted: [String] = []
        for (document, (summary, seen)) in zip(summaries, observed).enumerated() {
            for (offset, item) in seen.scored.enumerated() {
                let (name, label) = seen.names[item.name]
                predicted.append(
                    summary.index(name: name, label: label).map { "e\(links.ids[document][$0])" }
                        ?? "unlinked-\(document)-\(offset)")
            }
        }
        return predicted
    }

    /// The gold mentions with their in-document canonical forms (as the entities stage links them).
    static func observeGold(_ document: GoldDocument) -> Observed {
        let mentions = document.mentions
        let forms = EntityLinker().canonicalForms(
            mentions.map { EntityLinker.Mention(words: $0.text.split(separator: " ").map(String.init), label: $0.label) })
        var observed = Observed()
        for (index, (form, mention)) in zip(forms, mentions).enumerated() {
            observed.names.append((form, mention.label))
            observed.scored.append((index, mention.entity, mention.text))
        }
        return observed
    }

    /// The entities Lector's stages find; a gold mention is scored when an entity has exactly its span.
    static func observeByPipeline(_ documents: [GoldDocument]) throws -> [Observed] {
        let pipeline = try preparationPipeline(["clean", "sentences", "tokens", "entities"])
        return documents.map { gold in
            var document = Document(id: gold.id, source: "gold", format: "text", text: gold.text)
            prepare(&document, with: pipeline)
            var observed = Observed()
            var nameAt: [Int: (index: Int, end: Int)] = [:]
            for annotation in document.annotations(.entity) {
                let surface = document.text(in: annotation.range)
                nameAt[annotation.start] = (observed.names.count, annotation.end)
                observed.names.append((annotation.attributes["canonical"] ?? surface, annotation.label))
            }
            guard document.text == gold.text else { return observed }  // offsets would not match
            for mention in gold.mentions {
                let start = gold.text.unicodeScalars.prefix(mention.start).reduce(0) { $0 + UTF8.width($1) }
                let end = start + mention.text.utf8.count
                if let found = nameAt[start], found.end == end {
                    observed.scored.append((found.index, mention.entity, mention.text))
                }
            }
            return observed
        }
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
        /// Offset in Unicode scalars into the document's text.
        var start: Int
    }

    struct GoldDocument {
        var id: String
        var text: String
        var mentions: [GoldMention]
    }

    static func read(_ path: String) throws -> [GoldDocument] {
        let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        return try text.split(separator: "\n").enumerated().map { number, line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? String, let body = object["text"] as? String,
                let mentions = object["mentions"] as? [[String: Any]]
            else { throw ValidationError("\(path):\(number + 1): expected {\"id\", \"text\", \"mentions\": [...]}") }
            let gold = try mentions.map { mention in
                guard let text = mention["text"] as? String, let label = mention["label"] as? String,
                    let entity = mention["entity"] as? String, let start = mention["start"] as? Int
                else {
                    throw ValidationError("\(path):\(number + 1): a mention needs \"text\", \"label\", \"entity\", \"start\"")
                }
                return GoldMention(text: text, label: label, entity: entity, start: start)
            }
            return GoldDocument(id: id, text: body, mentions: gold)
        }
    }
}
