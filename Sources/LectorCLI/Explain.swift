import ArgumentParser

/// `lector explain …`: show why a stage decided what it did.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Explain a stage's decisions on a piece of text.",
        subcommands: [
            ExplainEntities.self
        ]
    )
}
