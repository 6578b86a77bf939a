import ArgumentParser
import Foundation
import LectorCore
import LectorStages

/// `lector explain entities "text"`: each token's tag, confidence, tag scores and strongest features.
struct ExplainEntities: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entities",
        abstract: "Show each token's entity tag with its strongest features, and the entities found.",
        discussion: """
            The text is cleaned and split by the built-in clean, sentences and tokens stages (or by whitespace \
            and punctuation when they are not registered), then tagged by the entities stage. Scores are the \
            model's local scores per tag (with a two-pass model, including the document features `doc…`); \
            the sequence decoder also adds transition scores.
            """
    )

    @Argument(help: "The text to analyse.") var text: String
    @Option(help: "Model file (default: the shipped model).") var model: String?
    @Option(help: "Features to show per token.") var top: Int = 6
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        var document = Document(id: "explain", source: "explain", format: "text", text: text)
        let registry = StageRegistry.builtins
        let location = ConfigLocation(file: "explain", line: 0)
        for name in ["clean", "sentences", "tokens"] {
            if let entry = registry.entry(named: name) {
                let stage = try entry.make(.emptyMap(at: location), name, ConfigDecoder())
                try stage.process(&document, context: StageContext())
            }
        }
        if !document.has(.token) { Self.fallbackTokens(&document) }
        if !document.has(.sentence) {
            document.set([Annotation(0, text.utf8.count, label: "")], for: .sentence)
        }
        let recognizer = try EntityModelStore.recognizer(path: model)
        let stage = EntitiesStage(recognizer: recognizer)
        try stage.process(&document, context: StageContext())
        let groups = try EntitiesStage.sentenceWords(document)
        let explanations = recognizer.explain(groups, top: top)
        if json {
            try printJSON(document: document, explanations: explanations)
            return
        }
        for sentence in explanations {
            for token in sentence {
                let scores = token.scores.sorted { $0.score > $1.score }.prefix(3)
                    .map { "\($0.tag) \(String(format: "%.2f", $0.score))" }.joined(separator: ", ")
                print("\(token.word)\t\(token.tag)\tp=\(String(format: "%.2f", token.confidence))\t[\(scores)]")
                for feature in token.features {
                    print("    \(String(format: "%+8.3f", feature.weight))  \(feature.name)")
                }
            }
            print("")
        }
        print("entities:")
        for entity in document.annotations(.entity) {
            let canonical = entity.attributes["canonical"].map { " → \($0)" } ?? ""
            let score = entity.score.map { String(format: " (%.2f)", $0) } ?? ""
            print("  \(entity.label)\t\(document.text(in: entity.range))\(canonical)\(score)")
        }
    }

    private func printJSON(document: Document, explanations: [[EntityRecognizer.TokenExplanation]]) throws {
        let tokens: [[String: Any]] = explanations.flatMap { $0 }.map { token in
            [
                "token": token.word, "tag": token.tag, "confidence": Double(token.confidence),
                "scores": Dictionary(uniqueKeysWithValues: token.scores.map { ($0.tag, Double($0.score)) }),
                "features": token.features.map { ["feature": $0.name, "weight": Double($0.weight)] },
            ]
        }
        let entities: [[String: Any]] = document.annotations(.entity).map { entity in
            var object: [String: Any] = [
                "text": document.text(in: entity.range), "label": entity.label, "start": entity.start,
                "end": entity.end,
            ]
            if let canonical = entity.attributes["canonical"] { object["canonical"] = canonical }
            if let score = entity.score { object["score"] = score }
            return object
        }
        let data = try JSONSerialization.data(
            withJSONObject: ["tokens": tokens, "entities": entities], options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    /// Whitespace-separated tokens with leading and trailing punctuation split off (used only when no
    /// tokens stage is registered).
    static func fallbackTokens(_ document: inout Document) {
        let bytes = Array(document.text.utf8)
        var tokens: [Annotation] = []
        var index = 0
        func isPunctuation(_ byte: UInt8) -> Bool {
            (byte >= 0x21 && byte <= 0x2f) || (byte >= 0x3a && byte <= 0x40) || (byte >= 0x5b && byte <= 0x60)
                || (byte >= 0x7b && byte <= 0x7e)
        }
        while index < bytes.count {
            if bytes[index] == 0x20 || (bytes[index] >= 0x09 && bytes[index] <= 0x0d) {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count && !(bytes[end] == 0x20 || (bytes[end] >= 0x09 && bytes[end] <= 0x0d)) { end += 1 }
            var start = index
            while start < end && isPunctuation(bytes[start]) {
                tokens.append(Annotation(start, start + 1, label: "punct"))
                start += 1
            }
            var trailing: [Annotation] = []
            var stop = end
            let abbreviation = bytes[start..<stop].dropLast().contains(0x2e)
            while stop > start && isPunctuation(bytes[stop - 1]) && !(abbreviation && bytes[stop - 1] == 0x2e) {
                trailing.insert(Annotation(stop - 1, stop, label: "punct"), at: 0)
                stop -= 1
            }
            let curly = stop - start > 4 && bytes[(stop - 4)..<(stop - 1)].elementsEqual([0xe2, 0x80, 0x99])
            let straight = stop - start > 2 && bytes[stop - 2] == 0x27
            if (curly || straight) && (bytes[stop - 1] | 0x20) == 0x73 {
                let mark = curly ? 4 : 2
                tokens.append(Annotation(start, stop - mark, label: "word"))
                tokens.append(Annotation(stop - mark, stop, label: "word"))
            } else if stop > start {
                tokens.append(Annotation(start, stop, label: "word"))
            }
            tokens.append(contentsOf: trailing)
            index = end
        }
        document.set(tokens, for: .token)
    }
}
