import ArgumentParser
import Foundation
import LectorCore
import LectorStages

/// `lector train summarize`: fit the default summary method's sentence scorer on gold summary sets,
/// choosing the L2 penalty and the MMR weight by leave-one-set-out cross-validation.
struct TrainSummarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Fit the default summary scorer on gold summary sets (oracle labels, cross-validated).",
        discussion: """
            Each gold file ({"id", "article", "highlights"}, optional "title") is one set. Labels are the \
            sentences a greedy search picks to maximise ROUGE-1/2 against the reference; every set weighs \
            the same in the fit whatever its size. For each setting of the L2 penalty and the MMR weight, \
            the model is fitted on all sets but one and scored on the one left out (ROUGE-1/2/Lsum beside \
            Lead-N); the setting with the best mean held-out margin over Lead-N is then fitted on every set \
            and written to --out. Prints every fold as JSON.
            """
    )

    @Option(name: .customLong("gold"), help: "Gold JSONL file (repeat for several sets).")
    var golds: [String] = []

    @Option(help: "Folder whose gold summary files are the sets (instead of or besides --gold).")
    var suite: String?

    @Option(help: "Use at most N documents of each set.")
    var limit: Int?

    @Option(help: "Sentences per summary when scoring folds.")
    var sentences: Int = 3

    @Option(help: "Write the fitted model (TSV) here.")
    var out: String?

    @Option(help: "L2 penalties to try (comma-separated).")
    var l2: String = "0.001,0.01,0.1"

    @Option(name: .customLong("mmr"), help: "MMR weights to try (comma-separated).")
    var mmrWeights: String = "0,0.3,0.6"

    @Option(help: "Weight of the sentence's own ROUGE (relative to the document's best) in its label; the rest is the greedy oracle's 0/1.")
    var soft: Double = 0

    @Option(name: .customLong("fit"), help: "How weights are fitted: search (coordinate ascent on ROUGE from a lead-like start) or logistic.")
    var fitMethod: String = "search"

    @Option(help: "Search: how many times a set's loss against Lead-N counts against another set's gain.")
    var lossFactor: Double = 3

    @Option(help: "Search starts: lead (lead-like only) or both (lead-like and centrality-like, the better end point).")
    var starts: String = "lead"

    @Option(help: "Gradient-descent iterations per fit.")
    var iterations: Int = 300

    @Option(
        name: .customLong("lead-margin"),
        help: "Lead-anchoring margins to try (comma-separated): a sentence replaces a lead sentence only when its score beats it by this much.")
    var leadMargins: String = "0"

    @Option(help: "Features the search may move (comma-separated names; default all). The others stay at their start value.")
    var features: String?

    @Option(help: "How the cross-validated setting is chosen: mean (best mean held-out margin over Lead-N) or worst (best worst held-out fold, ties by the mean).")
    var select: String = "mean"

    func run() throws {
        var files = golds
        if let suite { files += try SummarySet.goldFiles(in: suite) }
        guard files.count >= 2 else { throw ValidationError("cross-validation needs at least two gold sets") }
        let penalties = try Self.numbers(l2, "l2")
        let redundancies = try Self.numbers(mmrWeights, "mmr")
        let margins = try Self.numbers(leadMargins, "lead-margin")
        guard select == "mean" || select == "worst" else { throw ValidationError("select must be mean or worst") }
        var freeFeatures: Set<Int>?
        if let features {
            freeFeatures = []
            for name in features.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let index = SummaryModel.featureNames.firstIndex(of: name) else {
                    throw ValidationError("unknown feature '\(name)'; known: \(SummaryModel.featureNames.joined(separator: ", "))")
                }
                freeFeatures?.insert(index)
            }
        }
        let splitter = try EvalSentenceSplitter()
        let sets = try files.map { try SummarySet(path: $0, limit: limit, splitter: splitter) }

        // Rows, oracle labels and set of every candidate sentence.
        var options = SummarizeStage.Options()
        options.sentences = sentences
        let probe = try SummarizeStage(options: options)
        let oracle = SummaryOracle(limit: max(sentences, 1))
        guard starts == "lead" || starts == "both" else { throw ValidationError("starts must be lead or both") }
        guard fitMethod == "search" || fitMethod == "logistic" else { throw ValidationError("fit must be search or logistic") }
        var search = SummaryWeightSearch(setCount: sets.count)
        search.lossFactor = lossFactor
        search.free = freeFeatures
        let scorer = RougeScorer(stemming: true)
        var rows: [[Float]] = []
        var labels: [Double] = []
        var setOfRow: [Int] = []
        for (setIndex, set) in sets.enumerated() {
            for (item, document) in zip(set.items, set.documents) {
                guard let (candidates, featureRows) = try probe.featureRows(document) else { continue }
                let sentences = document.annotations(.sentence)
                let texts = candidates.map { document.text(in: sentences[$0].range) }
                search.add(set: setIndex, texts: texts, rows: featureRows, reference: item.highlights, scorer: scorer)
                let picked = oracle.labels(sentences: texts, reference: item.highlights)
                let relative = oracle.relativeScores(sentences: texts, reference: item.highlights)
                for (position, row) in featureRows.enumerated() {
                    rows.append(row)
                    labels.append((1 - soft) * (picked.contains(position) ? 1 : 0) + soft * relative[position])
                    setOfRow.append(setIndex)
                }
            }
        }
        var leadOptions = options
        leadOptions.method = .lead
        let leads = try sets.map { try $0.rouge(SummarizeStage(options: leadOptions)) }
        var textRankOptions = options
        textRankOptions.method = .textrank
        let textRanks = try sets.map { try $0.rouge(SummarizeStage(options: textRankOptions)) }

        let width = SummaryModel.featureNames.count
        func fit(excluding excluded: Int?, penalty: Double) -> [Float] {
            if fitMethod == "search" {
                // Two starts, lead-like and centrality-like; the better end point wins.
                let names = SummaryModel.featureNames
                var lead = [Float](repeating: 0, count: width)
                lead[names.firstIndex(of: "position-inverse")!] = 4
                var central = [Float](repeating: 0, count: width)
                central[names.firstIndex(of: "centrality")!] = 4
                central[names.firstIndex(of: "position-inverse")!] = 1
                let training = Set(sets.indices).subtracting(excluded.map { [$0] } ?? [])
                return search.bestOf(sets: training, width: width, starts: starts == "both" ? [lead, central] : [lead])
            }
            var rowsPerSet = [Int](repeating: 0, count: sets.count)
            for set in setOfRow { rowsPerSet[set] += 1 }
            let weights = setOfRow.map { set -> Double in
                set == excluded || rowsPerSet[set] == 0 ? 0 : 1 / Double(rowsPerSet[set])
            }
            return LogisticFit(l2: penalty, iterations: iterations).fit(
                rows: rows, labels: labels, weights: weights, width: SummaryModel.featureNames.count)
        }

        var report: [[String: Any]] = []
        var best: (key: (Double, Double), penalty: Double, redundancy: Double, leadMargin: Double)?
        for leadMargin in margins {
            search.leadMargin = Float(leadMargin)
            for penalty in fitMethod == "search" ? [0] : penalties {
                let foldWeights = sets.indices.map { fit(excluding: $0, penalty: penalty) }
                for redundancy in redundancies {
                    var total = 0.0
                    var worst = Double.infinity
                    var folds: [[String: Any]] = []
                    for (held, set) in sets.enumerated() {
                        let model = SummaryModel(
                            weights: foldWeights[held], redundancyWeight: Float(redundancy), leadMargin: Float(leadMargin))
                        let figures = try set.rouge(SummarizeStage(options: options, model: model))
                        let lead = leads[held]
                        total += (figures.rouge1 + figures.rouge2 + figures.rougeLsum
                            - lead.rouge1 - lead.rouge2 - lead.rougeLsum) / 3
                        worst = min(
                            worst, figures.rouge1 - lead.rouge1, figures.rouge2 - lead.rouge2,
                            figures.rougeLsum - lead.rougeLsum)
                        folds.append([
                            "held_out": set.name, "model": figures.json, "lead": lead.json,
                            "textrank": textRanks[held].json,
                        ])
                    }
                    let mean = total / Double(sets.count)
                    report.append([
                        "lead_margin": leadMargin, "l2": penalty, "mmr_weight": redundancy,
                        "mean_margin_over_lead": mean, "worst_margin_over_lead": worst, "folds": folds,
                    ])
                    FileHandle.standardError.write(
                        Data(String(format: "lead-margin %.2f mmr %.2f: held-out mean %+.2f, worst %+.2f over Lead-%d\n",
                            leadMargin, redundancy, mean, worst, sentences).utf8))
                    let key = select == "worst" ? (worst, mean) : (mean, worst)
                    if best == nil || key > best!.key { best = (key, penalty, redundancy, leadMargin) }
                }
            }
        }
        guard let best else { return }
        search.leadMargin = Float(best.leadMargin)
        let weights = fit(excluding: nil, penalty: best.penalty)
        let model = SummaryModel(
            weights: weights, redundancyWeight: Float(best.redundancy), leadMargin: Float(best.leadMargin))
        var fitted: [[String: Any]] = []
        for (index, set) in sets.enumerated() {
            let figures = try set.rouge(SummarizeStage(options: options, model: model))
            fitted.append([
                "set": set.name, "model": figures.json, "lead": leads[index].json, "textrank": textRanks[index].json,
            ])
        }
        if let out {
            let comments = [
                "Default summary scorer: logistic weights over SentenceFeatures, then MMR.",
                "Built by `lector train summarize --fit \(fitMethod)` from: "
                    + sets.map { "\($0.name) (\($0.documents.count) documents)" }.joined(separator: ", ") + ".",
                fitMethod == "search" ? "Weights: coordinate ascent on mean ROUGE-1/2 F1 of the top 3 and top 1 sentences, from \(starts == "both" ? "a lead-like and a centrality-like start (the better end point)" : "a lead-like start"); a set behind Lead-N counts \(search.lossFactor)×." : "Labels: \(1 - soft) × greedy ROUGE-1/2 oracle (at most \(max(sentences, 1)) sentences) + \(soft) × the sentence's own ROUGE relative to the document's best; each set weighs the same.",
                "Chosen by leave-one-set-out cross-validation (\(select == "worst" ? "best worst held-out fold" : "best mean held-out margin") over Lead-N): l2 \(best.penalty), mmr-weight \(best.redundancy), lead-margin \(best.leadMargin)."
                    + (features.map { " Features searched: \($0)." } ?? ""),
            ]
            try model.tsv(comments: comments).write(toFile: out, atomically: true, encoding: .utf8)
        }
        let result: [String: Any] = [
            "sets": sets.map(\.name), "rows": rows.count, "mean_label": labels.reduce(0, +) / Double(max(labels.count, 1)),
            "chosen": [
                "l2": best.penalty, "mmr_weight": best.redundancy, "lead_margin": best.leadMargin,
                "mean_margin_over_lead": select == "worst" ? best.key.1 : best.key.0,
                "worst_margin_over_lead": select == "worst" ? best.key.0 : best.key.1,
            ],
            "cross_validation": report, "fitted_on_all": fitted,
            "weights": Dictionary(uniqueKeysWithValues: zip(SummaryModel.featureNames, weights.map(Double.init))),
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: data, as: UTF8.self))
    }

    private static func numbers(_ list: String, _ name: String) throws -> [Double] {
        let values = list.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty else { throw ValidationError("\(name): expected comma-separated numbers") }
        return values
    }
}
