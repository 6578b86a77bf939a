import Foundation
import LectorCore
import LectorStages

/// Reads unlabelled sentences for cluster learning from the formats in the development data: CoNLL
/// columns (first column), CoNLL-U (second column of word lines), JSON Lines with `title`/`article`
/// fields, and plain text (split into words by a simple rule: whitespace, with leading and trailing
/// punctuation and `'s` split off).
public enum UnlabelledText {
    /// Sentences of the file at `url`, by its extension.
    public static func sentences(contentsOf url: URL) throws -> [[String]] {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        switch url.pathExtension.lowercased() {
        case "conllu":
            return columns(text, column: 1, skipComments: true)
        case "conll":
            return columns(text, column: 0, skipComments: false)
        case "txt" where text.hasPrefix("-DOCSTART-"):
            return columns(text, column: 0, skipComments: false)
        case "jsonl":
            var sentences: [[String]] = []
            for line in text.split(separator: "\n") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    continue
                }
                for key in ["title", "article", "text"] {
                    if let value = object[key] as? String { sentences.append(contentsOf: plainSentences(value)) }
                }
            }
            return sentences
        default:
            return plainSentences(text)
        }
    }

    static func columns(_ text: String, column: Int, skipComments: Bool) -> [[String]] {
        var sentences: [[String]] = []
        var current: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if skipComments && line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard fields.count > column else {
                if !current.isEmpty { sentences.append(current) }
                current = []
                continue
            }
            if fields[0] == "-DOCSTART-" || (skipComments && fields[0].contains(where: { $0 == "-" || $0 == "." })) {
                continue
            }
            current.append(String(fields[column]))
        }
        if !current.isEmpty { sentences.append(current) }
        return sentences
    }

    /// Lines become sentences; words split by whitespace with punctuation peeled off.
    static func plainSentences(_ text: String) -> [[String]] {
        var sentences: [[String]] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var words: [String] = []
            for raw in line.split(whereSeparator: \.isWhitespace) {
                var word = Substring(raw)
                var trailing: [String] = []
                while let first = word.first, first.isPunctuation || first == "\"" {
                    words.append(String(first))
                    word = word.dropFirst()
                }
                while let last = word.last, last.isPunctuation || last == "\"" {
                    trailing.insert(String(last), at: 0)
                    word = word.dropLast()
                }
                if word.hasSuffix("'s") || word.hasSuffix("\u{2019}s"), word.count > 2 {
                    words.append(String(word.dropLast(2)))
                    words.append(String(word.suffix(2)))
                } else if !word.isEmpty {
                    words.append(String(word))
                }
                words.append(contentsOf: trailing)
            }
            if !words.isEmpty { sentences.append(words) }
        }
        return sentences
    }
}
