// Lector inside your own program, without the command line: the house-style stages registered, one
// pipeline file loaded once, then an in-memory document and a folder of files processed through it.
//
//   swift run embed-demo PIPELINE [FOLDER]
import Foundation
import HouseStyle
import LectorCLI
import LectorCore
import LectorStages

var registry = StageRegistry.builtins
registry.register(HouseStyleStage.self)
registry.register(QuoteStage.self)
registry.register(QuoteSpeakerStage.self)
registry.register(StyleScoreStage.self)

let arguments = CommandLine.arguments.dropFirst()
guard let file = arguments.first else {
    FileHandle.standardError.write(Data("usage: embed-demo PIPELINE [FOLDER]\n".utf8))
    exit(2)
}
let pipeline: LectorPipeline
do {
    pipeline = try LectorPipeline(contentsOf: file, registry: registry)
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(2)
}
print("pipeline \(pipeline.name): \(pipeline.stageNames.joined(separator: " → "))")

// One document held in memory (a request body, a text field): no file, no report.
let text = """
    Anna Kowalczyk, the mayor of Gdansk, said on Monday: "We will open the new library in May."

    The council in Gdansk voted 21 to 4 for the plan.
    """
switch pipeline.process(text: text, id: "memo") {
case .success(let document):
    let entities = document.annotations(.entity).map { "\(document.text(in: $0.range)) (\($0.label))" }
    print("memo: \(document.annotations(.sentence).count) sentences; entities: \(entities.joined(separator: ", "))")
case .failure(let failure):
    print("memo failed in \(failure.stage): \(failure.message)")
    exit(1)
}

// A folder, every core, outcomes in input order.
if let folder = arguments.dropFirst().first {
    var processed = 0
    var failed = 0
    let statistics = try pipeline.run(inputs: [folder]) { outcome in
        switch outcome {
        case .processed: processed += 1
        case .failed: failed += 1
        }
    }
    print("folder: \(processed) processed, \(failed) failed, \(statistics.sourcesRead) files")
}
