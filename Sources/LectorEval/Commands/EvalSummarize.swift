import ArgumentParser
import Foundation
import LectorCore
import LectorStages

/// `lector eval summarize`: ROUGE of `summarize` against reference summaries, as `rouge-score` computes it.
struct EvalSummarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "ROUGE-1/2/Lsum F1 (stemmed, rouge-score's rules) of summaries against references; JSON out.",
        discussion: """
            With --suite DIR, every gold file under DIR is one set, scored with the method, Lead-N and \
            TextRank side by side (a table on standard error, JSON on standard output). Gold lines: {"id", "article", "highlights"} (optional "title": a first article line equal to it \
            is dropped, as the headline is not a summary candidate). References are one sentence per line, \
            or joined by " . "; otherwise the whole text is one sentence for ROUGE-Lsum. Figures are means \
            over documents of F1, times 100.
            """
    )

    @Option(help: "Gold JSONL file.")
    var gold: String?

    @Option(help: "Score every gold summary file under this folder: the method beside Lead-N and TextRank, per set.")
    var suite: String?

    @Option(help: "Summary method: default, lead, textrank, lexrank, centroid.")
    var method: String = "default"

    @Option(help: "Sentences per summary.")
    var sentences: Int = 3

    @Option(
        help: "Suite: summary length — stage (--sentences) or reference (each summary gets its reference's word count as max-words).")
    var length: SummaryLength = .stage

    @Option(help: "Sentence-scoring model file (TSV, as `lector train summarize --out` writes) for the default method, instead of the built-in one.")
    var model: String?

    @Option(help: "Score only the first N documents.")
    var limit: Int?

    @Option(help: "IDF source: builtin or batch (document frequencies of the gold articles).")
    var idf: String = "builtin"

    @Flag(help: "Also time the keyphrases stage on the same documents.")
    var keyphrases = false

    @Option(name: .customLong("repeat"), help: "Time this many passes and report the fastest.")
    var repeats: Int = 1

    @Option(help: "Write each document's candidate and reference to this JSONL file (for cross-checks).")
    var dump: String?

    /// The stage for `options`: with `--model`, the default method scores with that file's model.
    private func stage(_ options: SummarizeStage.Options) throws -> SummarizeStage {
        guard let model, options.method == .default else { return try SummarizeStage(options: options) }
        let text: String
        do { text = try String(contentsOfFile: model, encoding: .utf8) } catch {
            throw ValidationError("cannot read model file \(model): \(error.localizedDescription)")
        }
        do { return try SummarizeStage(options: options, model: SummaryModel(tsv: text)) } catch {
            throw ValidationError("\(model): \(error)")
        }
    }

    /// `--suite`: per gold file, ROUGE of the chosen method, Lead-N and TextRank side by side.
    private func runSuite(_ folder: String) throws {
        guard let chosen = SummaryMethod(rawValue: method) else { throw ValidationError("unknown method '\(method)'") }
        let files = try SummarySet.goldFiles(in: folder)
        guard !files.isEmpty else { throw ValidationError("no gold summary files under \(folder)") }
        let splitter = try EvalSentenceSplitter()
        var sets: [[String: Any]] = []
        for file in files {
            let set = try SummarySet(path: file, limit: limit, splitter: splitter)
            var entry: [String: Any] = ["set": set.name, "documents": set.documents.count]
            var lines: [String] = []
            for (label, method) in [(method, chosen), ("lead", .lead), ("textrank", .textrank)] as [(String, SummaryMethod)] {
                var options = SummarizeStage.Options()
                options.method = method
                options.sentences = sentences
                let figures = try set.rouge(stage(options), length: length)
                entry[label] = figures.json
                lines.append("\(label.padding(toLength: 9, withPad: " ", startingAt: 0)) \(figures.line)")
            }
            sets.append(entry)
            let asked = length == .reference ? "the reference's word count" : "\(sentences) sentences"
            FileHandle.standardError.write(
                Data(("\(set.name) (\(set.documents.count) documents, \(asked); R1 R2 RLsum)\n"
                    + lines.map { "  " + $0 }.joined(separator: "\n") + "\n").utf8))
        }
        let result: [String: Any] = ["sentences": sentences, "length": length.rawValue, "method": method, "sets": sets, "sentence_splitter": splitter.name]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: data, as: UTF8.self))
    }

    func run() throws {
        if let suite { return try runSuite(suite) }
        guard let gold else { throw ValidationError("give --gold FILE or --suite DIR") }
        guard let chosen = SummaryMethod(rawValue: method) else {
            throw ValidationError(
                "unknown method '\(method)'; known: \(SummaryMethod.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard idf == "builtin" || idf == "batch" else { throw ValidationError("idf must be builtin or batch") }
        let items = try GoldSummaries.load(path: gold, limit: limit)
        let splitter = try EvalSentenceSplitter()
        var documents = try items.map { item -> Document in
            var document = Document(id: item.id, source: gold, format: "text", title: item.title, text: item.article)
            try splitter.split(&document)
            return document
        }
        var options = SummarizeStage.Options()
        options.method = chosen
        options.sentences = sentences
        options.idf = idf == "batch" ? .batch : .builtin
        let stage = try stage(options)
        var context = StageContext()
        if idf == "batch" {
            var counter = DocumentFrequencyCounter()
            for document in documents { counter.add(document.text) }
            context.corpus = counter.statistics
        }
        // Timed passes over copies of the split documents; the fastest pass counts (the machine may be
        // shared). CPU time is this thread's, so "per core" figures hold on a busy machine too.
        let split = documents
        var summarizeTime = PassTime.unmeasured
        var keyphraseTime = PassTime.unmeasured
        let keyphraseStage = keyphrases ? try KeyphraseStage(options: KeyphraseStage.Options()) : nil
        for _ in 0..<max(repeats, 1) {
            documents = split
            let summarizing = Stopwatch()
            for index in documents.indices { try stage.process(&documents[index], context: context) }
            summarizeTime = summarizeTime.fastest(PassTime(summarizing))
            if let keyphraseStage {
                let keyphrasing = Stopwatch()
                for index in documents.indices { try keyphraseStage.process(&documents[index], context: context) }
                keyphraseTime = keyphraseTime.fastest(PassTime(keyphrasing))
            }
        }

        let scorer = RougeScorer(stemming: true)
        var totals = [0.0, 0.0, 0.0]
        var dumpLines: [String] = []
        for (item, document) in zip(items, documents) {
            let candidate = document.annotations(.summary).map { document.text(in: $0.range) }
            let reference = GoldSummaries.referenceSentences(item.highlights)
            let scores = scorer.score(reference: reference, candidate: candidate)
            totals[0] += scores.rouge1.f1
            totals[1] += scores.rouge2.f1
            totals[2] += scores.rougeLsum.f1
            if dump != nil {
                var line: [String: Any] = [
                    "id": item.id, "candidate": candidate.joined(separator: "\n"),
                    "reference": reference.joined(separator: "\n"), "rouge1_f1": scores.rouge1.f1,
                    "rouge2_f1": scores.rouge2.f1, "rougeLsum_f1": scores.rougeLsum.f1,
                ]
                if keyphrases { line["keyphrases"] = document.annotations(.keyphrase).map(\.label) }
                let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
                dumpLines.append(String(decoding: data, as: UTF8.self))
            }
        }
        if let dump {
            try (dumpLines.joined(separator: "\n") + "\n").write(toFile: dump, atomically: true, encoding: .utf8)
        }
        let count = Double(max(items.count, 1))
        func figure(_ value: Double) -> Double { (value / count * 10_000).rounded() / 100 }
        var result: [String: Any] = [
            "documents": items.count, "method": method, "sentences": sentences, "idf": idf,
            "rouge1_f1": figure(totals[0]), "rouge2_f1": figure(totals[1]), "rougeLsum_f1": figure(totals[2]),
            "summarize_seconds": summarizeTime.wall,
            "summarize_docs_per_second": summarizeTime.rate(items.count, cpu: false),
            "summarize_cpu_docs_per_second": summarizeTime.rate(items.count, cpu: true),
            "sentence_splitter": splitter.name,
        ]
        if keyphrases {
            let both = summarizeTime.plus(keyphraseTime)
            result["keyphrases_docs_per_second"] = keyphraseTime.rate(items.count, cpu: false)
            result["keyphrases_cpu_docs_per_second"] = keyphraseTime.rate(items.count, cpu: true)
            result["summarize_keyphrases_docs_per_second"] = both.rate(items.count, cpu: false)
            result["summarize_keyphrases_cpu_docs_per_second"] = both.rate(items.count, cpu: true)
        }
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: data, as: UTF8.self))
    }
}

/// One timed pass: seconds of wall clock and of this thread's CPU time, read from a `Stopwatch`.
private struct PassTime {
    var wall: Double
    var cpu: Double

    static let unmeasured = PassTime(wall: .infinity, cpu: .infinity)

    init(wall: Double, cpu: Double) {
        self.wall = wall
        self.cpu = cpu
    }

    init(_ stopwatch: Stopwatch) { self.init(wall: stopwatch.elapsedSeconds, cpu: stopwatch.cpuSeconds) }

    func plus(_ other: PassTime) -> PassTime { PassTime(wall: wall + other.wall, cpu: cpu + other.cpu) }
    func fastest(_ other: PassTime) -> PassTime { other.wall < wall ? other : self }

    /// Documents per second (rounded), by wall clock or CPU time.
    func rate(_ documents: Int, cpu: Bool) -> Double {
        let seconds = cpu ? self.cpu : wall
        return seconds > 0 && seconds.isFinite ? (Double(documents) / seconds).rounded() : 0
    }
}

/// One gold line.
struct GoldSummary {
    var id: String
    var title: String?
    var article: String
    var highlights: String
}

/// Reading gold files and splitting their references.
enum GoldSummaries {
    static func load(path: String, limit: Int?) throws -> [GoldSummary] {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ValidationError("cannot read gold file \(path): \(error.localizedDescription)")
        }
        var items: [GoldSummary] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated() {
            if let limit, items.count >= limit { break }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let article = object["article"] as? String, let highlights = object["highlights"] as? String
            else {
                throw ValidationError("\(path):\(number + 1): expected {\"id\", \"article\", \"highlights\"}")
            }
            let title = object["title"] as? String
            items.append(
                GoldSummary(
                    id: (object["id"] as? String) ?? String(number + 1), title: title,
                    article: withoutHeadline(article, title: title), highlights: highlights))
        }
        return items
    }

    /// The article without a first line that repeats the title (the headline is not a candidate).
    static func withoutHeadline(_ article: String, title: String?) -> String {
        guard let title, let newline = article.firstIndex(of: "\n") else { return article }
        let first = article[..<newline].trimmingCharacters(in: .whitespaces)
        guard first == title.trimmingCharacters(in: .whitespaces) else { return article }
        return String(article[newline...].drop { $0 == "\n" })
    }

    /// Words of a reference: its whitespace-separated tokens that hold a letter or digit (the " . "
    /// between CNN/DM highlights is not a word).
    static func wordCount(_ highlights: String) -> Int {
        highlights.split(whereSeparator: \.isWhitespace).filter { token in
            token.contains { $0.isLetter || $0.isNumber }
        }.count
    }

    /// Reference sentences: one per line, else split on " . ", else the whole text.
    static func referenceSentences(_ highlights: String) -> [String] {
        if highlights.contains("\n") { return highlights.split(separator: "\n").map(String.init) }
        if highlights.contains(" . ") {
            return highlights.components(separatedBy: " . ").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return [highlights]
    }
}
