import ArgumentParser
import Foundation
import LectorStages

/// `lector train idf`: build the English IDF table that `summarize` and `keyphrases` ship with.
struct TrainIDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idf",
        abstract: "Count document frequencies of words over text corpora and write an IDF table.",
        discussion: """
            Inputs: .jsonl (one document per line, from the field "article", else "text"), CoNLL files \
            (documents separated by -DOCSTART- lines, first column), CoNLL-U (documents from "# newdoc", \
            text from "# text ="), and plain text files (one document each). Directories are searched.
            """
    )

    @Argument(help: "Corpus files or directories.")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "Where to write the table (TSV).")
    var output: String

    @Option(help: "Keep this many most frequent words.")
    var top: Int = 50_000

    @Option(name: .customLong("min-df"), help: "Drop words seen in fewer documents.")
    var minimumFrequency: Int = 2

    func run() throws {
        var counter = DocumentFrequencyCounter()
        for file in try Self.files(inputs) {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let text = String(decoding: data, as: UTF8.self)
            for document in Self.documents(in: text, path: file) { counter.add(document) }
        }
        try counter.tsv(top: top, minimumFrequency: minimumFrequency)
            .write(toFile: output, atomically: true, encoding: .utf8)
        let summary =
            "{\"documents\": \(counter.documentCount), \"words\": \(counter.frequencies.count), "
            + "\"output\": \"\(output)\"}"
        print(summary)
    }

    static func files(_ inputs: [String]) throws -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                throw ValidationError("no such file or directory: \(input)")
            }
            if !isDirectory.boolValue {
                files.append(input)
                continue
            }
            let names = (manager.enumerator(atPath: input)?.allObjects as? [String]) ?? []
            for name in names.sorted() {
                let path = (input as NSString).appendingPathComponent(name)
                let ext = (name as NSString).pathExtension.lowercased()
                if ["jsonl", "txt", "conll", "conllu"].contains(ext) { files.append(path) }
            }
        }
        return files
    }

    /// The documents of one corpus file, by its format.
    static func documents(in text: String, path: String) -> [String] {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "jsonl" {
            return text.split(separator: "\n").compactMap { line in
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    return nil
                }
                return (object["article"] as? String) ?? (object["text"] as? String)
            }
        }
        if ext == "conllu" {
            var documents: [String] = []
            var current: [Substring] = []
            for line in text.split(separator: "\n") {
                if line.hasPrefix("# newdoc") {
                    if !current.isEmpty { documents.append(current.joined(separator: " ")) }
                    current = []
                } else if line.hasPrefix("# text =") {
                    current.append(line.dropFirst(8))
                }
            }
            if !current.isEmpty { documents.append(current.joined(separator: " ")) }
            return documents
        }
        if text.contains("-DOCSTART-") {
            var documents: [String] = []
            var current: [Substring] = []
            for line in text.split(separator: "\n") {
                if line.hasPrefix("-DOCSTART-") {
                    if !current.isEmpty { documents.append(current.joined(separator: " ")) }
                    current = []
                } else if let token = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).first {
                    current.append(token)
                }
            }
            if !current.isEmpty { documents.append(current.joined(separator: " ")) }
            return documents
        }
        return [text]
    }
}
