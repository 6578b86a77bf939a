import ArgumentParser
import Foundation
import LectorCore
import LectorStages

/// One document of a batch gold set (`Benchmarks/batch/make_sets.py` writes them): its text and the
/// gold group it belongs to (the article a copy was made from, or the story).
struct BatchGoldDocument {
    var id: String
    var title: String?
    var text: String
    var date: String?
    var group: String
    var kind: String

    /// Reads a JSON Lines gold file, in file order (the batch's input order).
    static func read(_ path: String, limit: Int? = nil) throws -> [BatchGoldDocument] {
        let text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        var documents: [BatchGoldDocument] = []
        for (number, line) in text.split(separator: "\n").enumerated() {
            if let limit, documents.count >= limit { break }
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? String, let body = object["text"] as? String,
                let group = object["group"] as? String
            else { throw ValidationError("\(path):\(number + 1): expected {\"id\", \"text\", \"group\", …}") }
            documents.append(
                BatchGoldDocument(
                    id: id, title: object["title"] as? String, text: body, date: object["date"] as? String,
                    group: group, kind: (object["kind"] as? String) ?? ""))
        }
        return documents
    }

    /// A pipeline document holding the gold document's text (and its date as `date` metadata when asked).
    func document(source: String, withDate: Bool) -> Document {
        var metadata: [String: String] = [:]
        if withDate, let date { metadata["date"] = date }
        let title = (self.title?.isEmpty ?? true) ? nil : self.title
        return Document(id: id, source: source, format: "text", title: title, text: text, metadata: metadata)
    }
}

/// The registered stages named, with default options, as one pipeline (stages that do not exist are skipped).
func preparationPipeline(_ names: [String], registry: StageRegistry = .builtins) throws -> Pipeline {
    let location = ConfigLocation(file: "eval", line: 0)
    let stages = try names.compactMap { name in
        try registry.entry(named: name).map { try $0.make(.emptyMap(at: location), name, ConfigDecoder()) }
    }
    return try Pipeline(name: "eval-batch", stages: stages, registry: registry)
}

/// Runs `pipeline` over a document; a failure leaves the document as it was before the failing stage.
func prepare(_ document: inout Document, with pipeline: Pipeline) {
    var timings = [UInt64](repeating: 0, count: pipeline.stages.count)
    _ = pipeline.process(&document, context: StageContext(), timings: &timings)
}

/// Prints a JSON object with sorted keys.
func printJSON(_ object: Any) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
    print(String(decoding: data, as: UTF8.self))
}
