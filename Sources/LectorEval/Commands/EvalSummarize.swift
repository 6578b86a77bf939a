import ArgumentParser
import Dispatch
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

    @Option(help: "Sentence splitting: auto (registered 'clean' + 'sentences' stages if any), stages, or fallback.")
    var splitter: String = "auto"

    /// `--suite`: per gold file, ROUGE of the chosen method, Lead-N and TextRank side by side.
    private func runSuite(_ folder: String) throws {
        guard let chosen = SummaryMethod(rawValue: method) else { throw ValidationError("unknown method '\(method)'") }
        let files = try SummarySet.goldFiles(in: folder)
        guard !files.isEmpty else { throw ValidationError("no gold summary files under \(folder)") }
        let splitter = try sentenceSplitter()
        var sets: [[String: Any]] = []
        for file in files {
            let set = try SummarySet(path: file, limit: limit, splitter: splitter)
            var entry: [String: Any] = ["set": set.name, "documents": set.documents.count]
            var lines: [String] = []
            for (label, method) in [(method, chosen), ("lead", .lead), ("textrank", .textrank)] as [(String, SummaryMethod)] {
                var options = SummarizeStage.Options()
                options.method = method
                options.sentences = sentences
                let figures = try set.rouge(SummarizeStage(options: options))
                entry[label] = figures.json
                lines.append("\(label.padding(toLength: 9, withPad: " ", startingAt: 0)) \(figures.line)")
            }
            sets.append(entry)
            FileHandle.standardError.write(
                Data(("\(set.name) (\(set.documents.count) documents, \(sentences) sentences; R1 R2 RLsum)\n"
                    + lines.map { "  " + $0 }.joined(separator: "\n") + "\n").utf8))
        }
        let result: [String: Any] = ["sentences": sentences, "method": method, "sets": sets, "sentence_splitter": splitter.name]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: data, as: UTF8.self))
    }

    /// How documents get their `.paragraph` and `.sentence` layers: the registered stages when there
    /// are, else the stand-in below.
    func sentenceSplitter() throws -> any EvalSentenceSplitting {
        switch splitter {
        case "fallback": return FallbackSentenceSplitter()
        case "stages", "auto":
            if let stages = try RegistrySentenceSplitter(registry: .builtins) { return stages }
            if splitter == "stages" { throw ValidationError("no registered stage produces sentences") }
            return FallbackSentenceSplitter()
        default: throw ValidationError("splitter must be auto, stages or fallback")
        }
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
        let splitter = try sentenceSplitter()
        var documents = try items.map { item -> Document in
            var document = Document(id: item.id, source: gold, format: "text", title: item.title, text: item.article)
            try splitter.split(&document)
            return document
        }
        var options = SummarizeStage.Options()
        options.method = chosen
        options.sentences = sentences
        options.idf = idf == "batch" ? .batch : .builtin
        let stage = try SummarizeStage(options: options)
        var context = StageContext()
        if idf == "batch" {
            var counter = DocumentFrequencyCounter()
            for document in documents { counter.add(document.text) }
            context.corpus = counter.statistics
        }
        // Timed passes over copies of the split documents; the fastest pass counts (the machine may be
        // shared). CPU time is this thread's, so "per core" figures hold on a busy machine too.
        let split = documents
        var summarizeTime = EvalClock.Span.unmeasured
        var keyphraseTime = EvalClock.Span.unmeasured
        let keyphraseStage = keyphrases ? try KeyphraseStage(options: KeyphraseStage.Options()) : nil
        for _ in 0..<max(repeats, 1) {
            documents = split
            let started = EvalClock.now()
            for index in documents.indices { try stage.process(&documents[index], context: context) }
            let summarized = EvalClock.now()
            summarizeTime = summarizeTime.fastest(summarized.minus(started))
            if let keyphraseStage {
                for index in documents.indices { try keyphraseStage.process(&documents[index], context: context) }
                keyphraseTime = keyphraseTime.fastest(EvalClock.now().minus(summarized))
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

/// Wall-clock and thread CPU time, for throughput figures.
enum EvalClock {
    /// Seconds of wall clock and of this thread's CPU time.
    struct Span {
        var wall: Double
        var cpu: Double

        static let unmeasured = Span(wall: .infinity, cpu: .infinity)

        func minus(_ other: Span) -> Span { Span(wall: wall - other.wall, cpu: cpu - other.cpu) }
        func plus(_ other: Span) -> Span { Span(wall: wall + other.wall, cpu: cpu + other.cpu) }
        func fastest(_ other: Span) -> Span { other.wall < wall ? other : self }

        /// Documents per second (rounded), by wall clock or CPU time.
        func rate(_ documents: Int, cpu: Bool) -> Double {
            let seconds = cpu ? self.cpu : wall
            return seconds > 0 && seconds.isFinite ? (Double(documents) / seconds).rounded() : 0
        }
    }

    static func now() -> Span {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        let cpu = Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
        return Span(wall: Double(DispatchTime.now().uptimeNanoseconds) / 1e9, cpu: cpu)
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

    /// Reference sentences: one per line, else split on " . ", else the whole text.
    static func referenceSentences(_ highlights: String) -> [String] {
        if highlights.contains("\n") { return highlights.split(separator: "\n").map(String.init) }
        if highlights.contains(" . ") {
            return highlights.components(separatedBy: " . ").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return [highlights]
    }
}

/// Gives an evaluation document its paragraphs and sentences.
protocol EvalSentenceSplitting {
    var name: String { get }
    func split(_ document: inout Document) throws
}

/// Splits with the registered stages: `clean` (when registered) then `sentences`, default options.
struct RegistrySentenceSplitter: EvalSentenceSplitting {
    let pipeline: Pipeline
    var name: String { pipeline.stages.map(\.name).joined(separator: "+") }

    /// Nil when no `sentences` stage is registered.
    init?(registry: StageRegistry) throws {
        guard let sentences = registry.entry(named: "sentences") else { return nil }
        let location = ConfigLocation(file: "eval", line: 0)
        var stages: [AnyStage] = []
        if let clean = registry.entry(named: "clean") {
            stages.append(try clean.make(.emptyMap(at: location), "clean", ConfigDecoder()))
        }
        stages.append(try sentences.make(.emptyMap(at: location), "sentences", ConfigDecoder()))
        pipeline = try Pipeline(name: "eval-splitter", stages: stages, registry: registry)
    }

    func split(_ document: inout Document) throws {
        var timings = [UInt64](repeating: 0, count: pipeline.stages.count)
        if let failure = pipeline.process(&document, context: StageContext(), timings: &timings) { throw failure }
    }
}

/// A stand-in used only by `eval summarize` until the `sentences` stage is part of the build: lines are
/// paragraphs; a sentence ends at `.`, `!` or `?` followed by white space and an upper-case letter, a
/// digit or a double quote. Crude (no abbreviations), but it is how the peer figures for the BBC data
/// were cut, so Lead-3 reproduces them.
struct FallbackSentenceSplitter: EvalSentenceSplitting {
    var name: String { "fallback" }

    func split(_ document: inout Document) throws {
        var paragraphs: [Annotation] = []
        var sentences: [Annotation] = []
        let bytes = Array(document.text.utf8)
        var lineStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
            var start = lineStart
            var end = index
            while start < end && Self.isSpace(bytes[start]) { start += 1 }
            while end > start && Self.isSpace(bytes[end - 1]) { end -= 1 }
            lineStart = index + 1
            guard start < end else { continue }
            paragraphs.append(Annotation(start, end, label: "p"))
            var sentenceStart = start
            var cursor = start
            while cursor < end {
                let byte = bytes[cursor]
                if byte == 0x2E || byte == 0x21 || byte == 0x3F, cursor + 1 < end, Self.isSpace(bytes[cursor + 1]) {
                    var next = cursor + 1
                    while next < end && Self.isSpace(bytes[next]) { next += 1 }
                    if next < end, Self.opensSentence(bytes[next]) {
                        sentences.append(Annotation(sentenceStart, cursor + 1))
                        sentenceStart = next
                        cursor = next
                        continue
                    }
                }
                cursor += 1
            }
            sentences.append(Annotation(sentenceStart, end))
        }
        document.set(paragraphs, for: .paragraph)
        document.set(sentences, for: .sentence)
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

    private static func opensSentence(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x22
    }
}
