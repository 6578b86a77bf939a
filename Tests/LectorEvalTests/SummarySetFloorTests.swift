import Foundation
import LectorCore
import LectorTestSupport
import Testing

@testable import LectorStages
@testable import LectorEval

/// Per-set quality floors of the default summary method on the development sets (skipped when the
/// data is absent): with the project's own clean + sentences stages and the gold titles (the headline
/// is not a candidate), three sentences, the default is not below Lead-3 on ROUGE-1, -2 or -Lsum.
struct SummarySetFloorTests {
    static let dataRoot: URL? = DevelopmentData.exists("summ") ? DevelopmentData.root : nil

    /// Mean ROUGE-1/2/Lsum F1 × 100 of `method` over the first `limit` stories of `file`.
    static func figures(_ file: String, method: SummaryMethod, sentences: Int = 3, limit: Int = 500) throws -> [Double] {
        let url = try #require(dataRoot).appendingPathComponent(file)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").prefix(limit)
        var options = SummarizeStage.Options()
        options.method = method
        options.sentences = sentences
        let stage = try SummarizeStage(options: options)
        // As `lector eval summarize` splits: the registered clean and sentences stages, default options.
        let registry = StageRegistry.builtins
        let location = ConfigLocation(file: "test", line: 0)
        let splitting = try Pipeline(
            name: "split",
            stages: ["clean", "sentences"].map { name in
                try #require(registry.entry(named: name)).make(.emptyMap(at: location), name, ConfigDecoder())
            }, registry: registry)
        let scorer = RougeScorer(stemming: true)
        var totals = [0.0, 0.0, 0.0]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            var article = try #require(object["article"] as? String)
            let highlights = try #require(object["highlights"] as? String)
            let title = object["title"] as? String
            // The headline line is not a summary candidate.
            if let title, article.hasPrefix(title + "\n") { article = String(article.dropFirst(title.count + 1)) }
            var document = Document(id: "s", source: "s", format: "text", title: title, text: article)
            var timings = [UInt64](repeating: 0, count: splitting.stages.count)
            if let failure = splitting.process(&document, context: StageContext(), timings: &timings) { throw failure }
            try stage.process(&document, context: StageContext())
            let candidate = document.annotations(.summary).map { document.text(in: $0.range) }
            let reference =
                highlights.contains(" . ")
                ? highlights.components(separatedBy: " . ").map { $0.trimmingCharacters(in: .whitespaces) }
                : [highlights]
            let scores = scorer.score(reference: reference, candidate: candidate)
            totals[0] += scores.rouge1.f1
            totals[1] += scores.rouge2.f1
            totals[2] += scores.rougeLsum.f1
        }
        return totals.map { $0 / Double(lines.count) * 100 }
    }

    @Test(
        .enabled(if: dataRoot != nil, "development data not found"),
        arguments: ["summ/cnndm/dev.jsonl", "summ/gum-news/summaries.jsonl", "summ/bbc/tune.jsonl"])
    func defaultIsNotBelowLeadThree(file: String) throws {
        let model = try Self.figures(file, method: .default)
        let lead = try Self.figures(file, method: .lead)
        #expect(model[0] >= lead[0])
        #expect(model[1] >= lead[1])
        #expect(model[2] >= lead[2])
    }

    @Test(.enabled(if: dataRoot != nil, "development data not found"))
    func oneSentenceIsNotBelowTheLeadSentenceOnGUM() throws {
        let model = try Self.figures("summ/gum-news/summaries.jsonl", method: .default, sentences: 1)
        let lead = try Self.figures("summ/gum-news/summaries.jsonl", method: .lead, sentences: 1)
        #expect(model[0] >= lead[0])
        #expect(model[1] >= lead[1])
        #expect(model[2] >= lead[2])
    }
}
