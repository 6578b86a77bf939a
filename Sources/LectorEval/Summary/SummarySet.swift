import ArgumentParser
import Foundation
import LectorCore
import LectorStages

/// One gold summary file, its documents split into sentences, ready to summarise and score
/// (evaluation and training only).
struct SummarySet {
    /// The file's name without folder and extension, with its parent folder ("cnndm/dev").
    var name: String
    var items: [GoldSummary]
    /// Split documents (paragraphs and sentences), one per item.
    var documents: [Document]

    init(path: String, limit: Int?, splitter: EvalSentenceSplitter) throws {
        let url = URL(fileURLWithPath: path)
        name = url.deletingLastPathComponent().lastPathComponent + "/" + url.deletingPathExtension().lastPathComponent
        items = try GoldSummaries.load(path: path, limit: limit)
        documents = try items.map { item -> Document in
            var document = Document(id: item.id, source: path, format: "text", title: item.title, text: item.article)
            try splitter.split(&document)
            return document
        }
    }

    /// Every gold summary file under `folder` (JSON Lines whose first line has "article" and
    /// "highlights"), sorted by path.
    static func goldFiles(in folder: String) throws -> [String] {
        let root = URL(fileURLWithPath: folder)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw ValidationError("cannot read folder \(folder)")
        }
        var files: [String] = []
        for case let url as URL in walker where url.pathExtension == "jsonl" {
            guard let handle = try? FileHandle(forReadingFrom: url) else { continue }
            let head = (try? handle.read(upToCount: 1 << 20)) ?? Data()
            try? handle.close()
            let firstLine = head.split(separator: 0x0A, maxSplits: 1).first ?? Data()
            guard let object = try? JSONSerialization.jsonObject(with: Data(firstLine)) as? [String: Any],
                object["article"] is String, object["highlights"] is String
            else { continue }
            files.append(url.path)
        }
        return files.sorted()
    }

    /// Mean ROUGE-1/2/Lsum F1 × 100 of `stage`'s summaries over the set. With `length` `.reference`,
    /// each summary gets the reference's word count as its budget (`max-words`, any number of
    /// sentences) instead of the stage's own length.
    func rouge(
        _ stage: SummarizeStage, length: SummaryLength = .stage, context: StageContext = StageContext()
    ) throws -> RougeFigures {
        let scorer = RougeScorer(stemming: true)
        var totals = RougeFigures()
        for (item, document) in zip(items, documents) {
            var summarized = document
            switch length {
            case .stage: try stage.process(&summarized, context: context)
            case .reference:
                let budget = GoldSummaries.wordCount(item.highlights)
                try stage.withLength(sentences: Int.max / 2, maxWords: budget).process(&summarized, context: context)
            }
            let candidate = summarized.annotations(.summary).map { summarized.text(in: $0.range) }
            let scores = scorer.score(reference: GoldSummaries.referenceSentences(item.highlights), candidate: candidate)
            totals.rouge1 += scores.rouge1.f1
            totals.rouge2 += scores.rouge2.f1
            totals.rougeLsum += scores.rougeLsum.f1
        }
        let scale = 100 / Double(max(items.count, 1))
        return RougeFigures(rouge1: totals.rouge1 * scale, rouge2: totals.rouge2 * scale, rougeLsum: totals.rougeLsum * scale)
    }
}

/// How long the summaries scored by `SummarySet.rouge` are.
enum SummaryLength: String, CaseIterable, ExpressibleByArgument {
    /// As the stage's options say (`sentences`).
    case stage
    /// The reference's own word count, per document.
    case reference
}

/// Mean ROUGE F1 figures × 100.
struct RougeFigures {
    var rouge1 = 0.0
    var rouge2 = 0.0
    var rougeLsum = 0.0

    /// Rounded to two decimals, for JSON.
    var json: [String: Double] {
        func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }
        return ["rouge1_f1": round(rouge1), "rouge2_f1": round(rouge2), "rougeLsum_f1": round(rougeLsum)]
    }

    var line: String { String(format: "%6.2f %6.2f %6.2f", rouge1, rouge2, rougeLsum) }
}
