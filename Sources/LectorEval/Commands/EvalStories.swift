import ArgumentParser
import Foundation
import LectorCore
import LectorStages

/// `lector eval stories`: story grouping against gold stories (B³ and pairwise F1), beside baselines.
struct EvalStories: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "Story grouping B³/pairwise P/R/F1 against gold stories, with baselines; JSON out.",
        discussion: """
            Gold lines (input order): {"id", "text", "group", "date"?}; documents of one group are one story \
            (Benchmarks/batch/make_sets.py builds such a file). Each text passes clean, sentences, tokens and \
            entities, then gives a story summary (its date as metadata unless --no-dates). Baselines: one story \
            per document, and documents sharing their most mentioned entity. Several thresholds may be given.
            """
    )

    @Option(help: "Gold JSONL file.")
    var gold: String

    @Option(help: "Similarity thresholds, comma-separated (0…1).")
    var threshold: String = "\(StoryGrouper.Options().threshold)"

    @Option(help: "Largest gap in days between a document and its story.")
    var days: Int = StoryGrouper.Options().days

    @Option(help: "Weight of an entity relative to a term.")
    var entityWeight: Double = StoryGrouper.Options().entityWeight

    @Option(help: "Terms kept per document summary.")
    var terms: Int = StorySummary.Options().terms

    @Option(help: "Entities kept per document summary.")
    var entities: Int = StorySummary.Options().entities

    @Flag(help: "Ignore the gold file's dates.")
    var noDates = false

    @Option(help: "Score only the first N documents.")
    var limit: Int?

    func run() throws {
        let thresholds = try threshold.split(separator: ",").map { value -> Double in
            guard let number = Double(value.trimmingCharacters(in: .whitespaces)), number >= 0, number <= 1 else {
                throw ValidationError("--threshold: expected numbers in [0, 1], found '\(value)'")
            }
            return number
        }
        let documents = try BatchGoldDocument.read(gold, limit: limit)
        let pipeline = try preparationPipeline(["clean", "sentences", "tokens", "entities"])
        let summaries = documents.map { gold -> StorySummary in
            var document = gold.document(source: self.gold, withDate: !noDates)
            prepare(&document, with: pipeline)
            return StorySummary(document: document, options: .init(terms: terms, entities: entities))
        }
        let goldGroups = documents.map(\.group)
        var rows: [[String: Any]] = []
        func add(_ method: String, _ predicted: [Int]) {
            rows.append(ClusterScore.row(method, predicted: predicted, gold: goldGroups, countKey: "stories"))
        }
        add("one story per document", Array(documents.indices))
        add("same most-mentioned entity", Self.sameTopEntity(summaries))
        for value in thresholds {
            for merge in [false, true] {
                let grouper = StoryGrouper(
                    options: .init(threshold: value, days: days, entityWeight: entityWeight, mergeStories: merge))
                add("lector single-pass\(merge ? " + merge" : "") ≥ \(value)", grouper.group(summaries).ids)
            }
        }
        try printJSON([
            "set": URL(fileURLWithPath: gold).lastPathComponent, "documents": documents.count,
            "gold_stories": Set(goldGroups).count, "dates": !noDates, "days": days, "results": rows,
        ])
    }

    /// Documents grouped by their most mentioned entity; a document without entities alone.
    static func sameTopEntity(_ summaries: [StorySummary]) -> [Int] {
        var groupOf: [UInt64: Int] = [:]
        return summaries.enumerated().map { index, summary in
            guard let top = summary.entities.first else { return summaries.count + index }
            if let group = groupOf[top] { return group }
            groupOf[top] = index
            return index
        }
    }
}
