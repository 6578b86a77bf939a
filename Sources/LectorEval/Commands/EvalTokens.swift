import ArgumentParser
import Foundation
import LectorCore
import LectorStages

/// `lector eval tokens --gold FILE.conllu`: token-boundary precision, recall and F1 (exact spans)
/// against a CoNLL-U treebank, printed as JSON.
struct EvalTokens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Score the tokenizer against a .conllu treebank (token span F1).",
        discussion: """
            Documents are rebuilt from '# text' lines as for 'eval sentences'; Lector splits them into \
            sentences and tokens, and a token counts when its start and end both match a gold token. \
            Gold tokens are the syntactic words where a multiword token spells out as its words \
            (don't = do + n't), the surface token otherwise.
            """)

    @Option(name: .long, help: "Gold file (.conllu).")
    var gold: String

    @Option(name: .long, help: "split (UD) or keep hyphenated words.")
    var hyphens: String = "split"

    @Option(name: .long, help: "Token conventions: english, elision (fr, it), plain (de, nl, es…); default: from the file name's language prefix (fr_gsd → elision).")
    var conventions: String?

    @Option(name: .long, help: "Time sentences + tokens over the gold text this many times; report MB/s.")
    var benchmark: Int = 0

    @Option(name: .long, help: "Print up to this many sentences with token errors to standard error.")
    var showErrors: Int = 0

    func run() throws {
        guard let hyphenMode = Tokenizer.Hyphens(rawValue: hyphens) else {
            throw ValidationError("--hyphens must be split or keep")
        }
        let content: String
        do {
            content = try String(contentsOfFile: gold, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read gold file \(gold): \(error.localizedDescription)")
        }
        let corpus = CoNLLUCorpus(parsing: content)
        let language = URL(fileURLWithPath: gold).lastPathComponent.split(separator: "_").first.map(String.init)
        guard let chosen = conventions.map({ Tokenizer.Conventions(rawValue: $0) }) ?? Tokenizer.Conventions.forLanguage(language)
        else { throw ValidationError("--conventions must be english, elision or plain") }
        let evaluator = SegmentationEvaluator(tokenizer: Tokenizer(hyphens: hyphenMode, conventions: chosen))
        let (sentences, tokens) = evaluator.evaluate(corpus)
        if showErrors > 0 { printErrors(corpus, evaluator) }
        var fields = SegmentationFigures()
        if benchmark > 0 {
            let text = corpus.documents.map(\.text).joined(separator: "\n\n")
            fields["benchmark_bytes"] = .int(text.utf8.count)
            let speed = SegmentationBenchmark.measure(text: text, splitter: evaluator.splitter, repeats: benchmark)
            fields["mb_per_s"] = .double(speed.total)
            fields["mb_per_s_sentences"] = .double(speed.sentences)
            fields["mb_per_s_tokens"] = .double(speed.tokens)
        }
        fields["documents"] = .int(corpus.documents.count)
        fields["gold_file"] = .string(URL(fileURLWithPath: gold).lastPathComponent)
        fields.add(tokens)
        fields.add(sentences, prefix: "sentence_")
        fields["unaligned_gold_tokens"] = .int(corpus.unalignedTokens)
        print(fields.json)
    }

    /// Gold and predicted tokens of sentences that differ, `|`-separated.
    private func printErrors(_ corpus: CoNLLUCorpus, _ evaluator: SegmentationEvaluator) {
        var output = ""
        var shown = 0
        for document in corpus.documents where shown < showErrors {
            let predicted = evaluator.predict(document).tokens
            let text = Array(document.text.utf8)
            func word(_ range: Range<Int>) -> String { String(decoding: text[range], as: UTF8.self) }
            for sentence in document.sentences where shown < showErrors {
                let gold = document.tokens.filter { sentence.contains($0.lowerBound) }
                let mine = predicted.filter { sentence.contains($0.lowerBound) }
                guard gold != mine else { continue }
                let goldSet = Set(gold.map { [$0.lowerBound, $0.upperBound] })
                let mineSet = Set(mine.map { [$0.lowerBound, $0.upperBound] })
                let missed = gold.filter { !mineSet.contains([$0.lowerBound, $0.upperBound]) }.map(word)
                let extra = mine.filter { !goldSet.contains([$0.lowerBound, $0.upperBound]) }.map(word)
                output += "gold: \(missed.joined(separator: " | "))\n got: \(extra.joined(separator: " | "))\n"
                shown += 1
            }
        }
        FileHandle.standardError.write(Data(output.utf8))
    }
}
