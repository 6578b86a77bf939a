import LectorCore
import LectorStages

/// The stages of `pipelines/news.yaml` (clean, sentences, tokens, entities, a 3-sentence summary,
/// 10 key phrases) built from the registry, for commands that time the whole news pipeline without
/// reading a pipeline file.
enum NewsPipeline {
    static func make(registry: StageRegistry = .builtins) throws -> Pipeline {
        let here = ConfigLocation(file: "news pipeline", line: 0)
        func options(_ pairs: [(String, String)]) -> ConfigNode {
            ConfigNode(
                .map(pairs.map { ConfigNode.Entry(key: $0.0, keyLocation: here, value: ConfigNode(.scalar($0.1, quoted: false), at: here)) }),
                at: here)
        }
        let specification: [(String, [(String, String)])] = [
            ("clean", []), ("sentences", []), ("tokens", []), ("entities", []), ("summarize", [("sentences", "3")]),
            ("keyphrases", [("count", "10")]),
        ]
        var stages: [AnyStage] = []
        for (name, pairs) in specification {
            guard let entry = registry.entry(named: name) else { throw SuiteError("no stage named \(name)") }
            stages.append(try entry.make(options(pairs), "stages.\(name).options", ConfigDecoder()))
        }
        return try Pipeline(name: "news", stages: stages, registry: registry)
    }
}
