import ArgumentParser
import Foundation
import LectorCore
import LectorStages

/// `lector eval duplicates`: near-duplicate precision and recall on a gold set, beside the exact-only
/// baseline.
struct EvalDuplicates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract: "Duplicate-detection precision/recall/F1 against gold groups, with the exact-only baseline; JSON out.",
        discussion: """
            Gold lines (input order): {"id", "text", "group", "kind"}; documents of one group are copies of \
            one article (Benchmarks/batch/make_sets.py builds such a file). Each text passes the clean stage, \
            then gets a duplicate signature; the index answers, per document, the earlier original it repeats. \
            A flagged document is right when that original is in its group. Gold duplicates are the \
            documents of each group after its first; recall is also given per kind of copy. Several \
            thresholds may be given to sweep them.
            """
    )

    @Option(help: "Gold JSONL file.")
    var gold: String

    @Option(help: "Similarity thresholds, comma-separated (0…1).")
    var threshold: String = "\(DuplicateIndex.Options().threshold)"

    @Option(help: "Similarity measure: jaccard or containment.")
    var measure: String = DuplicateIndex.Options().measure.rawValue

    @Option(help: "Words per shingle.")
    var shingle: Int = DuplicateSignature.Options().shingle

    @Option(help: "MinHash functions per signature.")
    var hashes: Int = DuplicateSignature.Options().hashes

    @Option(help: "Score only the first N documents.")
    var limit: Int?

    @Option(help: "Peer answers to score beside Lector: JSONL lines {\"method\", \"duplicate_of\": [id or null, …]} in input order (Benchmarks/batch/duplicates_peer.py).")
    var peers: String?

    @Option(help: "Write the wrong and the missed decisions of the last threshold to this JSONL file.")
    var dump: String?

    func run() throws {
        guard let measure = DuplicateIndex.Measure(rawValue: measure) else {
            throw ValidationError("--measure: expected one of \(DuplicateIndex.Measure.allCases.map(\.rawValue))")
        }
        let thresholds = try threshold.split(separator: ",").map { value -> Double in
            guard let number = Double(value.trimmingCharacters(in: .whitespaces)), number > 0, number <= 1 else {
                throw ValidationError("--threshold: expected numbers in (0, 1], found '\(value)'")
            }
            return number
        }
        let documents = try BatchGoldDocument.read(gold, limit: limit)
        let clean = try preparationPipeline(["clean"])
        let options = DuplicateSignature.Options(shingle: shingle, hashes: hashes)
        let signatures = documents.map { gold -> DuplicateSignature in
            var document = gold.document(source: self.gold, withDate: false)
            prepare(&document, with: clean)
            return DuplicateSignature(text: document.text, options: options)
        }
        var rows: [[String: Any]] = []
        var exactIndex: [UInt64: Int] = [:]
        let exactOnly = signatures.enumerated().map { index, signature -> Int? in
            guard !signature.isEmpty else { return nil }
            if let first = exactIndex[signature.exact] { return first }
            exactIndex[signature.exact] = index
            return nil
        }
        var baseline = Self.score(exactOnly, documents)
        baseline["method"] = "exact text only"
        rows.append(baseline)
        for value in thresholds {
            let matches = DuplicateIndex.duplicates(of: signatures, options: .init(threshold: value, measure: measure))
            var row = Self.score(matches.map { $0?.original }, documents)
            row["method"] = "lector minhash \(measure.rawValue) ≥ \(value)"
            rows.append(row)
            if let dump, value == thresholds.last {
                try Self.dumpErrors(matches, signatures, documents, options: .init(threshold: value, measure: measure))
                    .write(toFile: dump, atomically: true, encoding: .utf8)
            }
        }
        if let peers { rows += try Self.scorePeers(peers, documents) }
        let bytes = 8 + 4 + 4 + 2 * hashes
        try printJSON([
            "set": URL(fileURLWithPath: gold).lastPathComponent, "documents": documents.count,
            "signature_bytes": bytes, "shingle": shingle, "hashes": hashes, "results": rows,
        ])
    }

    /// Scores each peer line (ids of the originals, input order) with the same code as Lector's answers.
    static func scorePeers(_ path: String, _ documents: [BatchGoldDocument]) throws -> [[String: Any]] {
        let position = Dictionary(documents.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        return try text.split(separator: "\n").enumerated().map { number, line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let method = object["method"] as? String, let answers = object["duplicate_of"] as? [Any],
                answers.count == documents.count
            else {
                throw ValidationError("\(path):\(number + 1): expected {\"method\", \"duplicate_of\": [one per document]}")
            }
            var row = score(answers.map { ($0 as? String).flatMap { position[$0] } }, documents)
            row["method"] = method
            return row
        }
    }

    /// One JSON line per wrong flag and per missed duplicate (with its best similarity to an earlier copy).
    static func dumpErrors(
        _ matches: [DuplicateIndex.Match?], _ signatures: [DuplicateSignature], _ documents: [BatchGoldDocument],
        options: DuplicateIndex.Options
    ) throws -> String {
        var lines: [String] = []
        var firstOfGroup: [String: Int] = [:]
        for (index, document) in documents.enumerated() {
            var entry: [String: Any]?
            if let match = matches[index], documents[match.original].group != document.group {
                entry = ["error": "wrong", "id": document.id, "original": documents[match.original].id,
                    "similarity": rounded(match.similarity)]
            } else if matches[index] == nil, let first = firstOfGroup[document.group] {
                let score = options.measure == .jaccard
                    ? signatures[index].similarity(to: signatures[first])
                    : signatures[index].containment(with: signatures[first])
                entry = ["error": "missed", "id": document.id, "kind": document.kind, "first": documents[first].id,
                    "similarity": rounded(score), "shingles": [signatures[index].shingles, signatures[first].shingles]]
            }
            if firstOfGroup[document.group] == nil { firstOfGroup[document.group] = index }
            if let entry {
                lines.append(String(decoding: try JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys]), as: UTF8.self))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Precision, recall and F1 of the flagged documents, and recall per kind of copy.
    static func score(_ originals: [Int?], _ documents: [BatchGoldDocument]) -> [String: Any] {
        var seenGroups = Set<String>()
        var goldDuplicates = 0
        var flagged = 0
        var correct = 0
        var kindTotal: [String: Int] = [:]
        var kindFound: [String: Int] = [:]
        var sourceTotal: [String: Int] = [:]
        var sourceFound: [String: Int] = [:]
        var sourceFlagged: [String: Int] = [:]
        var sourceCorrect: [String: Int] = [:]
        for (index, document) in documents.enumerated() {
            let isDuplicate = !seenGroups.insert(document.group).inserted
            let source = document.id.split(separator: "/").first.map(String.init) ?? ""
            if isDuplicate {
                goldDuplicates += 1
                kindTotal[document.kind, default: 0] += 1
                sourceTotal[source, default: 0] += 1
            }
            guard let original = originals[index] else { continue }
            flagged += 1
            sourceFlagged[source, default: 0] += 1
            if documents[original].group == document.group {
                correct += 1
                sourceCorrect[source, default: 0] += 1
                if isDuplicate {
                    kindFound[document.kind, default: 0] += 1
                    sourceFound[source, default: 0] += 1
                }
            }
        }
        let precision = flagged == 0 ? 1 : Double(correct) / Double(flagged)
        let recall = goldDuplicates == 0 ? 1 : Double(correct) / Double(goldDuplicates)
        let byKind = kindTotal.mapValues { _ in 0.0 }.merging(
            kindTotal.map { ($0.key, rounded(Double(kindFound[$0.key] ?? 0) / Double($0.value))) }, uniquingKeysWith: { $1 })
        return [
            "precision": rounded(precision), "recall": rounded(recall),
            "f1": rounded(ClusterScore.f1(precision, recall)), "flagged": flagged, "gold_duplicates": goldDuplicates,
            "recall_by_kind": byKind,
            "by_source": sourceTotal.keys.sorted().map { source -> [String: Any] in
                let p = Double(sourceCorrect[source] ?? 0) / Double(max(sourceFlagged[source] ?? 0, 1))
                let r = Double(sourceFound[source] ?? 0) / Double(max(sourceTotal[source] ?? 0, 1))
                return ["source": source, "precision": rounded(p), "recall": rounded(r), "f1": rounded(ClusterScore.f1(p, r))]
            },
        ]
    }
}
