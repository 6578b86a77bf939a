import ArgumentParser

/// `lector eval …`: score a stage against gold data.
package struct Eval: ParsableCommand {
    package static let configuration = CommandConfiguration(
        abstract: "Score a stage against gold data and print JSON.",
        subcommands: [
            EvalExtract.self,
            EvalSentences.self,
            EvalTokens.self,
            EvalEntities.self,
            EvalSummarize.self,
            EvalKeyphrases.self,
            EvalLanguages.self,
            EvalDuplicates.self,
            EvalStories.self,
            EvalEntityLinks.self,
        ]
    )

    package init() {}
}
