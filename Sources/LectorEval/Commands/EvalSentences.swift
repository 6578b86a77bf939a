import ArgumentParser
import Foundation
import LectorCore
import LectorStages

/// `lector eval sentences --gold FILE`: sentence-boundary precision, recall and F1 against a CoNLL-U
/// treebank or JSONL cases, printed as JSON.
struct EvalSentences: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Score the sentence splitter against a .conllu treebank or .jsonl cases.",
        discussion: """
            CoNLL-U: each '# newdoc' becomes a document, its paragraphs joined by a blank line and the \
            '# text' sentences of a paragraph by one space; sentence ends inside paragraphs are scored \
            (paragraph ends are given). JSONL: one {"text": ..., "sentences": [...]} object per line, \
            sentences as strings or [start, end] code-point offsets; ends before the end of each text are \
            scored and cases split exactly right are counted. --benchmark N runs sentences + tokens over \
            the gold text N times on one core and adds mb_per_s.
            """)

    @Option(name: .long, help: "Gold file: .conllu or .jsonl.")
    var gold: String?

    @OptionGroup var suiteOptions: SentenceSuiteOptions

    @Option(
        name: .long,
        help: "Sentence statistics written by 'lector train sentences', for every file (default: the shipped statistics of each treebank's language, from its name: de_gsd → de).")
    var model: String?

    @Option(name: .long, help: "Time sentences + tokens over the gold text this many times; report MB/s.")
    var benchmark: Int = 0

    @Option(name: .long, help: "Time on this text instead (.jsonl: its 'text' or 'article' fields; else plain text).")
    var benchmarkInput: String?

    @Flag(name: .long, help: "Print each wrongly split case or boundary to standard error.")
    var showErrors = false

    func run() throws {
        var splitter = SentenceSplitter()
        if let model {
            splitter = SentenceSplitter(
                model: SentenceModel(parsing: try String(contentsOfFile: model, encoding: .utf8)))
        }
        if let suite = suiteOptions.suite { return try runSuite(suite, splitter: splitter) }
        guard let gold else { throw ValidationError("give --gold FILE or --suite DIR") }
        if model == nil { splitter = Self.splitter(forTreebank: gold, default: splitter) }
        let url = URL(fileURLWithPath: gold)
        let content: String
        do {
            content = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read gold file \(gold): \(error.localizedDescription)")
        }
        var fields = SegmentationFigures()
        let text: String
        if url.pathExtension.lowercased() == "jsonl" {
            let cases = try SentenceCase.parse(jsonl: content)
            var score = BoundaryScore()
            var exact = 0
            for (number, item) in cases.enumerated() {
                let predicted = splitter.split(item.text)
                let length = item.text.utf8.count
                score.add(
                    predicted: Set(predicted.map(\.upperBound)).subtracting([length]),
                    gold: Set(item.sentences.map(\.upperBound)).subtracting([length]))
                if predicted == item.sentences {
                    exact += 1
                } else if showErrors {
                    let show = { (ranges: [Range<Int>]) in
                        ranges.map { Self.slice(item.text, $0) }.joined(separator: " | ")
                    }
                    FileHandle.standardError.write(
                        Data("case \(number + 1)\n  gold: \(show(item.sentences))\n  got:  \(show(predicted))\n".utf8))
                }
            }
            fields["cases"] = .int(cases.count)
            fields["exact"] = .int(exact)
            fields.add(score)
            text = cases.map(\.text).joined(separator: "\n\n")
        } else {
            let corpus = CoNLLUCorpus(parsing: content)
            let evaluator = SegmentationEvaluator(splitter: splitter)
            let (score, _) = evaluator.evaluate(corpus)
            if showErrors { Self.printErrors(corpus, evaluator) }
            fields["documents"] = .int(corpus.documents.count)
            fields.add(score)
            text = corpus.documents.map(\.text).joined(separator: "\n\n")
        }
        fields["gold_file"] = .string(url.lastPathComponent)
        if benchmark > 0 {
            let text = try benchmarkInput.map(Self.benchmarkText(from:)) ?? text
            fields["benchmark_bytes"] = .int(text.utf8.count)
            let speed = SegmentationBenchmark.measure(text: text, splitter: splitter, repeats: benchmark)
            fields["mb_per_s"] = .double(speed.total)
            fields["mb_per_s_sentences"] = .double(speed.sentences)
            fields["mb_per_s_tokens"] = .double(speed.tokens)
            fields["mb_per_s_clean"] = .double(speed.clean)
        }
        print(fields.json)
    }

    /// Every UD development treebank under `folder`, whole and in chunks, with the peers beside.
    private func runSuite(_ folder: String, splitter: SentenceSplitter) throws {
        let root = URL(fileURLWithPath: folder).appendingPathComponent("sent")
        var files: [URL] = []
        if let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where url.lastPathComponent.hasSuffix("-ud-dev.conllu") {
                files.append(url)
            }
        }
        guard !files.isEmpty else { throw ValidationError("no UD development treebanks under \(root.path)") }
        var peerSets: [String: Any] = [:]
        if let peers = suiteOptions.peers {
            let data = try Data(contentsOf: URL(fileURLWithPath: peers))
            peerSets = ((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["sets"] as? [String: Any]) ?? [:]
        }
        var sets: [String: Any] = [:]
        for url in files.sorted(by: { $0.path < $1.path }) {
            let evaluator = SegmentationEvaluator(
                splitter: model == nil ? Self.splitter(forTreebank: url.path, default: splitter) : splitter)
            let name = "ud/" + url.lastPathComponent.replacingOccurrences(of: "-ud-dev.conllu", with: "")
            let content = try String(contentsOf: url, encoding: .utf8)
            var lector: [String: Double] = ["whole": Self.round(evaluator.evaluate(CoNLLUCorpus(parsing: content)).sentences.f1)]
            if suiteOptions.chunk > 0 {
                let chunked = CoNLLUCorpus(parsing: Self.chunked(content, size: suiteOptions.chunk))
                lector["chunk\(suiteOptions.chunk)"] = Self.round(evaluator.evaluate(chunked).sentences.f1)
            }
            var row: [String: Any] = ["lector": lector]
            if let peers = peerSets[name] as? [String: Any] { row.merge(peers) { mine, _ in mine } }
            sets[name] = row
        }
        let data = try JSONSerialization.data(
            withJSONObject: ["chunk": suiteOptions.chunk, "sets": sets], options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: data, as: UTF8.self))
    }

    /// The splitter with the shipped statistics of a treebank's language (`de_gsd-ud-dev.conllu` → `de`),
    /// or `fallback` when that language has none.
    static func splitter(forTreebank path: String, default fallback: SentenceSplitter) -> SentenceSplitter {
        let code = String(URL(fileURLWithPath: path).lastPathComponent.prefix { $0 != "_" })
        guard let model = SentenceModel.shipped(forLanguage: code) else { return fallback }
        return SentenceSplitter(model: model, lineBreaks: fallback.lineBreaks)
    }

    static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// The treebank cut into documents of `size` sentences (one paragraph each), so that a quotation
    /// left open by one sentence cannot run through a whole file of unrelated sentences.
    static func chunked(_ content: String, size: Int) -> String {
        var output = ""
        var sentences = 0
        var inSentence = false
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# newdoc") || line.hasPrefix("# newpar") { continue }
            if line.isEmpty {
                inSentence = false
            } else if !inSentence {
                inSentence = true
                if sentences % size == 0 { output += "# newdoc\n" }
                sentences += 1
            }
            output += line + "\n"
        }
        return output
    }

    /// Plain text, or the `text`/`article` fields of a JSONL file joined by blank lines.
    static func benchmarkText(from path: String) throws -> String {
        let content = try String(contentsOfFile: path, encoding: .utf8)
        guard path.lowercased().hasSuffix(".jsonl") else { return content }
        var articles: [String] = []
        for line in content.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                continue
            }
            if let text = (object["text"] ?? object["article"]) as? String { articles.append(text) }
        }
        return articles.joined(separator: "\n\n")
    }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let bytes = Array(text.utf8)
        let lower = min(max(range.lowerBound, 0), bytes.count)
        let upper = min(max(range.upperBound, lower), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// Each missed (`-`) or spurious (`+`) boundary with the text around it.
    static func printErrors(_ corpus: CoNLLUCorpus, _ evaluator: SegmentationEvaluator) {
        var output = ""
        for document in corpus.documents {
            let prediction = evaluator.predict(document)
            let gold = SegmentationEvaluator.innerEnds(document.sentences, paragraphs: document.paragraphs)
            let predicted = SegmentationEvaluator.innerEnds(prediction.sentences, paragraphs: document.paragraphs)
            for end in gold.symmetricDifference(predicted).sorted() {
                let mark = gold.contains(end) ? "-" : "+"
                let before = slice(document.text, max(0, end - 50)..<end)
                let after = slice(document.text, end..<min(document.text.utf8.count, end + 30))
                output += "\(mark) \(before)‖\(after)\n".replacingOccurrences(of: "\n\n", with: " ¶ ")
            }
        }
        FileHandle.standardError.write(Data(output.utf8))
    }
}

/// Named figures printed as one JSON object with sorted keys.
struct SegmentationFigures {
    enum Value {
        case int(Int)
        case double(Double)
        case string(String)
    }

    private var values: [String: Value] = [:]

    subscript(key: String) -> Value? {
        get { values[key] }
        set { values[key] = newValue }
    }

    /// Precision, recall, F1 and the counts behind them.
    mutating func add(_ score: BoundaryScore, prefix: String = "") {
        values[prefix + "f1"] = .double(score.f1)
        values[prefix + "precision"] = .double(score.precision)
        values[prefix + "recall"] = .double(score.recall)
        values[prefix + "gold_count"] = .int(score.gold)
        values[prefix + "predicted_count"] = .int(score.predicted)
        values[prefix + "true_positives"] = .int(score.truePositives)
    }

    var json: String {
        var writer = JSONWriter()
        writer.beginObject()
        for key in values.keys.sorted() {
            switch values[key] {
            case .int(let number): writer.field(key, number)
            case .double(let number): writer.field(key, number)
            case .string(let text): writer.field(key, text)
            case nil: break
            }
        }
        writer.endObject()
        return writer.string
    }
}

/// `eval sentences --suite` and the options that go with it.
struct SentenceSuiteOptions: ParsableArguments {
    @Option(help: "Score every UD development treebank (sent/**/*-ud-dev.conllu) under this folder.") var suite: String?
    @Option(help: "With --suite: also score documents of this many sentences each (0: whole ones only).") var chunk = 10
    @Option(help: "With --suite: peers' figures (JSON from Benchmarks/sentences/sentence_peers.py) beside Lector's.")
    var peers: String?
}
