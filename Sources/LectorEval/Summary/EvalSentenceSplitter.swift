import ArgumentParser
import LectorCore
import LectorStages

/// Gives an evaluation document its paragraphs and sentences exactly as a run does: the registered
/// `clean` and `sentences` stages with default options (evaluation and training only).
struct EvalSentenceSplitter {
    let pipeline: Pipeline
    /// The stages it runs, for the figures' record ("clean+sentences").
    var name: String { pipeline.stages.map(\.name).joined(separator: "+") }

    init(registry: StageRegistry = .builtins) throws {
        let location = ConfigLocation(file: "eval", line: 0)
        var stages: [AnyStage] = []
        for name in ["clean", "sentences"] {
            guard let entry = registry.entry(named: name) else {
                throw ValidationError("no stage '\(name)' is registered")
            }
            stages.append(try entry.make(.emptyMap(at: location), name, ConfigDecoder()))
        }
        pipeline = try Pipeline(name: "eval-splitter", stages: stages, registry: registry)
    }

    func split(_ document: inout Document) throws {
        var timings = [UInt64](repeating: 0, count: pipeline.stages.count)
        if let failure = pipeline.process(&document, context: StageContext(), timings: &timings) { throw failure }
    }
}
