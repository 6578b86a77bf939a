import ArgumentParser

/// `lector eval …`: score a stage against gold data.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a stage against gold data and print JSON.",
        subcommands: [
            // One line per evaluation command, e.g. EvalSentences.self,
            EvalSummarize.self,
        ]
    )
}
