import ArgumentParser

/// `lector train …`: build models and tables from data.
package struct Train: ParsableCommand {
    package static let configuration = CommandConfiguration(
        abstract: "Build a model or table from training data.",
        subcommands: [
            TrainSentences.self,
            TrainEntities.self,
            TrainIDF.self,
            TrainSummarize.self,
        ]
    )

    package init() {}
}
