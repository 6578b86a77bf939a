import ArgumentParser

/// `lector explain …`: show why a stage decided what it did.
package struct Explain: ParsableCommand {
    package static let configuration = CommandConfiguration(
        abstract: "Explain a stage's decisions on a piece of text.",
        subcommands: [
            ExplainEntities.self
        ]
    )

    package init() {}
}
