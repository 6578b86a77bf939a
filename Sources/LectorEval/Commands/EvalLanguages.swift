import ArgumentParser
import Foundation
import LectorMarkup

/// `lector eval languages --suite DIR`: how often the language guesser names the right language, on
/// paragraphs built from every development set of every language in the data folder.
struct EvalLanguages: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "languages",
        abstract: "Score the language guesser on paragraphs from every development set (accuracy per set).",
        discussion: """
            Each set's sentences (CoNLL-U '# text' lines, or the tokens of a CoNLL file joined by spaces) \
            are joined in order into paragraphs of at least --min-characters characters; a paragraph \
            counts as right when the guess is the set's language. 'unknown' (no evidence) counts as \
            wrong and is also reported on its own. The sets are found under DIR by their usual places \
            (sent/ud_*/…/*-ud-dev.conllu, ner/…/dev files); missing ones are skipped.
            """)

    @Option(name: .long, help: "The development data folder.")
    var suite: String

    @Option(name: .long, help: "Shortest paragraph scored, in characters.")
    var minCharacters: Int = 200

    @Option(name: .long, help: "Print up to this many wrong paragraphs per set to standard error.")
    var showErrors: Int = 0

    func run() throws {
        let root = URL(fileURLWithPath: suite)
        let sets = LanguageSuite.sets(under: root)
        guard !sets.isEmpty else { throw ValidationError("no development sets found under \(suite)") }
        var rows: [[String: Any]] = []
        var worst = 1.0
        for set in sets {
            let paragraphs = LanguageSuite.paragraphs(set.sentences(), minCharacters: minCharacters)
            guard !paragraphs.isEmpty else { continue }
            var right = 0
            var unknown = 0
            var confusions: [String: Int] = [:]
            var shown = 0
            for paragraph in paragraphs {
                let guess = LanguageGuesser.guess(paragraph)
                if guess == set.language {
                    right += 1
                    continue
                }
                if guess == nil { unknown += 1 }
                confusions[guess ?? "unknown", default: 0] += 1
                if shown < showErrors {
                    shown += 1
                    FileHandle.standardError.write(
                        Data("\(set.name) → \(guess ?? "unknown"): \(paragraph.prefix(200))\n".utf8))
                }
            }
            let accuracy = Double(right) / Double(paragraphs.count)
            worst = min(worst, accuracy)
            rows.append([
                "set": set.name, "language": set.language, "paragraphs": paragraphs.count,
                "accuracy": (accuracy * 10_000).rounded() / 10_000,
                "unknown": unknown, "confusions": confusions,
            ])
        }
        let result: [String: Any] = [
            "min_characters": minCharacters, "sets": rows, "worst_accuracy": (worst * 10_000).rounded() / 10_000,
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .prettyPrinted])
        print(String(decoding: data, as: UTF8.self))
    }
}

/// The language development sets of the data folder and how to read them.
enum LanguageSuite {
    struct LanguageSet {
        var name: String
        var language: String
        var file: URL
        var conllu: Bool

        func sentences() -> [String] {
            guard let content = try? String(contentsOf: file, encoding: .utf8) else { return [] }
            return conllu ? LanguageSuite.conlluSentences(content) : LanguageSuite.conllSentences(content)
        }
    }

    /// Sets found under `root`: UD development treebanks (language from the file name) and the NER
    /// development files whose language the folder names.
    static func sets(under root: URL) -> [LanguageSet] {
        var sets: [LanguageSet] = []
        let manager = FileManager.default
        let sent = root.appendingPathComponent("sent")
        if let enumerator = manager.enumerator(at: sent, includingPropertiesForKeys: nil) {
            var found: [URL] = []
            for case let url as URL in enumerator where url.lastPathComponent.hasSuffix("-ud-dev.conllu") {
                found.append(url)
            }
            for url in found.sorted(by: { $0.path < $1.path }) {
                let name = url.lastPathComponent.replacingOccurrences(of: "-ud-dev.conllu", with: "")
                guard let language = name.split(separator: "_").first.map(String.init), language.count == 2 else { continue }
                sets.append(LanguageSet(name: "ud/\(name)", language: language, file: url, conllu: true))
            }
        }
        let ner: [(String, String, String)] = [
            ("en", "conll2003", "ner/conll2003/dev.txt"), ("en", "wikigold", "ner/wikigold/dev.conll"),
            ("de", "germeval2014", "ner/germeval2014/dev.conll"), ("es", "conll2002", "ner/conll2002/es/dev.conll"),
            ("nl", "conll2002", "ner/conll2002/nl/dev.conll"), ("it", "kind", "ner/kind_wikinews/dev.conll"),
            ("de", "wikineural", "ner/wikineural/de/dev.conll"), ("fr", "wikineural", "ner/wikineural/fr/dev.conll"),
            ("es", "wikineural", "ner/wikineural/es/dev.conll"), ("nl", "wikineural", "ner/wikineural/nl/dev.conll"),
            ("it", "wikineural", "ner/wikineural/it/dev.conll"),
        ]
        for (language, name, path) in ner {
            let url = root.appendingPathComponent(path)
            guard manager.fileExists(atPath: url.path) else { continue }
            sets.append(LanguageSet(name: "\(language)/\(name)", language: language, file: url, conllu: false))
        }
        return sets
    }

    /// Sentences joined in order into paragraphs of at least `minCharacters` characters.
    static func paragraphs(_ sentences: [String], minCharacters: Int) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        for sentence in sentences {
            current = current.isEmpty ? sentence : current + " " + sentence
            if current.count >= minCharacters {
                paragraphs.append(current)
                current = ""
            }
        }
        return paragraphs
    }

    static func conlluSentences(_ content: String) -> [String] {
        content.split(separator: "\n").compactMap { line in
            line.hasPrefix("# text = ") ? String(line.dropFirst(9)).trimmingCharacters(in: .whitespaces) : nil
        }
    }

    /// Sentences of a CoNLL file (`token<sep>…` lines, blank lines between sentences), tokens joined by spaces.
    static func conllSentences(_ content: String) -> [String] {
        var sentences: [String] = []
        var tokens: [Substring] = []
        for line in content.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                if !tokens.isEmpty { sentences.append(tokens.joined(separator: " ")) }
                tokens.removeAll()
                continue
            }
            guard let token = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).first,
                !token.hasPrefix("-DOCSTART-")
            else { continue }
            tokens.append(token)
        }
        if !tokens.isEmpty { sentences.append(tokens.joined(separator: " ")) }
        return sentences
    }
}
