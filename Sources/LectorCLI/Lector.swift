import ArgumentParser
import LectorCore
import LectorStages

/// The `lector` command: run pipelines, inspect stages, train and evaluate models.
public struct Lector: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "lector",
        abstract: "A fast, pluggable text-analysis pipeline for batches of documents.",
        subcommands: [Eval.self, Train.self]
    )

    public init() {}
}
