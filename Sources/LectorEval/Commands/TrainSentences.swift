import ArgumentParser
import Foundation
import LectorStages

/// `lector train sentences`: learn the sentence splitter's statistics (abbreviations, sentence
/// starters, lower-case words) from unlabelled text, Punkt-style, and write the resource file.
struct TrainSentences: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Learn sentence-splitting statistics from unlabelled text.",
        discussion: """
            Inputs: .conllu (the '# text' lines, grouped by '# newpar'), .jsonl (the string field named \
            by --field, paragraphs at blank lines) and any other file as plain text (paragraphs at blank \
            lines). Only the raw text is used, never the gold boundaries.
            """)

    @Argument(help: "Training files.")
    var inputs: [String]

    @Option(name: .long, help: "Where to write the statistics (e.g. Sources/LectorStages/Resources/sentences-en.txt).")
    var output: String

    @Option(name: .long, help: "JSONL fields holding text, comma-separated; the first present is used.")
    var field: String = "text,article"

    func run() throws {
        var trainer = SentenceTrainer()
        let fields = field.split(separator: ",").map { String($0) }
        var sources: [String] = []
        for input in inputs {
            let url = URL(fileURLWithPath: input)
            let content: String
            do {
                content = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw ValidationError("cannot read \(input): \(error.localizedDescription)")
            }
            let before = trainer.paragraphCount
            switch url.pathExtension.lowercased() {
            case "conllu":
                var paragraph: [String] = []
                for line in content.split(separator: "\n") {
                    if line.hasPrefix("# newpar") || line.hasPrefix("# newdoc") {
                        trainer.add(paragraph: paragraph.joined(separator: " "))
                        paragraph = []
                    } else if line.hasPrefix("# text = ") {
                        paragraph.append(String(line.dropFirst(9)))
                    }
                }
                trainer.add(paragraph: paragraph.joined(separator: " "))
            case "jsonl":
                for line in content.split(separator: "\n") {
                    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                        let text = fields.lazy.compactMap({ object[$0] as? String }).first
                    else { continue }
                    for block in text.components(separatedBy: "\n\n") { trainer.add(paragraph: block) }
                }
            default:
                for block in content.components(separatedBy: "\n\n") { trainer.add(paragraph: block) }
            }
            sources.append("\(url.lastPathComponent): \(trainer.paragraphCount - before) paragraphs")
        }
        let model = trainer.model()
        let header =
            [
                "Sentence statistics for Lector's `sentences` stage, written by `lector train sentences`.",
                "Learned Punkt-style from unlabelled text (no gold boundaries were read):",
            ] + sources.map { "  \($0)" } + [
                "Built-in titles, connectives and abbreviations are added at load time."
            ]
        try model.serialized(header: header).write(toFile: output, atomically: true, encoding: .utf8)
        print(
            "wrote \(output): \(model.abbreviations.count) abbreviations, \(model.sentenceStarters.count) "
                + "sentence starters, \(model.lowercaseWords.count) lower-case words")
    }
}
