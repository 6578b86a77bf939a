import ArgumentParser
import LectorCore
import LectorEval
import LectorStages

/// The `lector` command: run pipelines, inspect stages, train and evaluate models.
public struct Lector: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lector",
        abstract: "A fast, pluggable text-analysis pipeline for batches of documents.",
        subcommands: [Run.self, Validate.self, Stages.self, Merge.self, Eval.self, Train.self, Explain.self, Bench.self]
    )

    public init() {}
}
