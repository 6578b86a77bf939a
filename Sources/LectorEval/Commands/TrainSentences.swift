import ArgumentParser
import Foundation
import LectorCore
import LectorMarkup
import LectorStages

/// `lector train sentences`: learn the sentence splitter's statistics (abbreviations, sentence
/// starters, lower-case words) from unlabelled text, Punkt-style, and write the resource file.
struct TrainSentences: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Learn sentence-splitting statistics from unlabelled text.",
        discussion: """
            Inputs: .conllu (the '# text' lines, grouped by '# newpar'), .jsonl (the string field named \
            by --field, paragraphs at blank lines), .conll (token-per-line files: the first column, joined \
            with spaces, punctuation attached again; a sentence a paragraph), web pages (.html, .htm, \
            also gzipped; the main text as `lector run` reads it, only pages whose language is --lang) \
            and any other file as plain text (paragraphs at blank lines); folders are searched. Only the \
            raw text is used, never the gold boundaries.
            """)

    @Argument(help: "Training files.")
    var inputs: [String]

    @Option(name: .long, help: "Where to write the statistics (e.g. Sources/LectorStages/Resources/sentences-en.txt).")
    var output: String

    @Option(name: .long, help: "JSONL fields holding text, comma-separated; the first present is used.")
    var field: String = "text,article"

    @Option(name: .long, help: "Language of the statistics (ISO code): web pages in other languages are skipped.")
    var lang: String = "en"

    func run() throws {
        var trainer = SentenceTrainer(language: lang)
        let fields = field.split(separator: ",").map { String($0) }
        var sources: [String] = []
        var pageCounts: [String: (kept: Int, seen: Int)] = [:]
        let reader = FormatReader()
        for input in try Self.files(inputs) {
            let url = URL(fileURLWithPath: input)
            let name = url.lastPathComponent.lowercased()
            if name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".html.gz") || name.hasSuffix(".htm.gz") {
                // A web page: its main text, kept when the page is in the language trained.
                let folder = url.deletingLastPathComponent().path
                var counts = pageCounts[folder] ?? (0, 0)
                counts.seen += 1
                for case .processed(let document) in reader.read(Source(url: url, id: url.lastPathComponent, displayPath: input))
                where document.metadata["lang"] == lang {
                    counts.kept += 1
                    for paragraph in document.annotations(.paragraph) where paragraph.label == "p" {
                        trainer.add(paragraph: document.text(in: paragraph.range))
                    }
                }
                pageCounts[folder] = counts
                continue
            }
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
            case "conll":
                for sentence in Self.conllSentences(content) { trainer.add(paragraph: sentence) }
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
        for (folder, counts) in pageCounts.sorted(by: { $0.key < $1.key }) {
            sources.append("\(URL(fileURLWithPath: folder).lastPathComponent)/: \(counts.kept) of \(counts.seen) web pages (language \(lang))")
        }
        let model = trainer.model()
        let header =
            [
                "Sentence statistics (language: \(lang)) for Lector's `sentences` stage, written by `lector train sentences --lang \(lang)`.",
                "Learned Punkt-style from unlabelled text (no gold boundaries were read):",
            ] + sources.map { "  \($0)" } + [
                "Built-in titles, connectives and the language's abbreviations are added at load time."
            ]
        try model.serialized(header: header).write(toFile: output, atomically: true, encoding: .utf8)
        print(
            "wrote \(output): \(model.abbreviations.count) abbreviations, \(model.sentenceStarters.count) "
                + "sentence starters, \(model.lowercaseWords.count) lower-case words")
    }

    /// Files named on the command line, folders searched (sorted; hidden files skipped).
    static func files(_ inputs: [String]) throws -> [String] {
        var files: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or directory: \(input)")
            }
            guard isDirectory.boolValue else {
                files.append(input)
                continue
            }
            let names = (FileManager.default.enumerator(atPath: input)?.allObjects as? [String]) ?? []
            for name in names.sorted() where !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                let path = (input as NSString).appendingPathComponent(name)
                var nested: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &nested), !nested.boolValue { files.append(path) }
            }
        }
        return files
    }

    /// The sentences of a token-per-line file (first column; blank lines between sentences;
    /// `-DOCSTART-` and `#` lines skipped), with spaces before closing punctuation and after opening
    /// brackets removed, so that "Nr. 5" and "Haus." read as written.
    static func conllSentences(_ content: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        var glueNext = false
        func flush() {
            if !current.isEmpty { sentences.append(current) }
            current = ""
            glueNext = false
        }
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            guard let token = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).first else {
                flush()
                continue
            }
            if token.hasPrefix("-DOCSTART-") || token.hasPrefix("#") { continue }
            let closing = [".", ",", ";", ":", "!", "?", ")", "]", "»", "”", "%", "'s"].contains(String(token))
            if current.isEmpty || closing || glueNext {
                current += token
            } else {
                current += " " + token
            }
            glueNext = ["(", "[", "«", "„", "“"].contains(String(token))
        }
        flush()
        return sentences
    }
}
