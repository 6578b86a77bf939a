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
    var gold: String

    @Option(name: .long, help: "Sentence statistics written by 'lector train sentences' (default: built-in).")
    var model: String?

    @Option(name: .long, help: "Time sentences + tokens over the gold text this many times; report MB/s.")
    var benchmark: Int = 0

    @Flag(name: .long, help: "Print each wrongly split case or boundary to standard error.")
    var showErrors = false

    func run() throws {
        var splitter = SentenceSplitter()
        if let model {
            splitter = SentenceSplitter(model: SentenceModel(parsing: try String(contentsOfFile: model, encoding: .utf8)))
        }
        let url = URL(fileURLWithPath: gold)
        let content: String
        do {
            content = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read gold file \(gold): \(error.localizedDescription)")
        }
        var writer = JSONWriter()
        writer.beginObject()
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
                    let show = { (ranges: [Range<Int>]) in ranges.map { Self.slice(item.text, $0) }.joined(separator: " | ") }
                    FileHandle.standardError.write(
                        Data("case \(number + 1)\n  gold: \(show(item.sentences))\n  got:  \(show(predicted))\n".utf8))
                }
            }
            writer.field("cases", cases.count)
            writer.field("exact", exact)
            Self.write(score, into: &writer)
            text = cases.map(\.text).joined(separator: "\n\n")
        } else {
            let corpus = CoNLLUCorpus(parsing: content)
            let evaluator = SegmentationEvaluator(splitter: splitter)
            let (score, _) = evaluator.evaluate(corpus)
            if showErrors { Self.printErrors(corpus, evaluator) }
            writer.field("documents", corpus.documents.count)
            Self.write(score, into: &writer)
            text = corpus.documents.map(\.text).joined(separator: "\n\n")
        }
        writer.field("gold", url.lastPathComponent)
        if benchmark > 0 {
            writer.field("bytes", text.utf8.count)
            writer.field(
                "mb_per_s", SegmentationBenchmark.megabytesPerSecond(text: text, splitter: splitter, repeats: benchmark))
        }
        writer.endObject()
        print(writer.string)
    }

    static func write(_ score: BoundaryScore, into writer: inout JSONWriter) {
        writer.field("f1", score.f1)
        writer.field("gold_boundaries", score.gold)
        writer.field("precision", score.precision)
        writer.field("predicted_boundaries", score.predicted)
        writer.field("recall", score.recall)
        writer.field("true_positives", score.truePositives)
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
