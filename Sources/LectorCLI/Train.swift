import ArgumentParser

/// `lector train …`: build models and tables from data.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a model or table from training data.",
        subcommands: [
            // One line per training command, e.g. TrainEntities.self,
            TrainIDF.self,
        ]
    )
}
