import ArgumentParser
import LectorCore

/// `lector stages`: what a pipeline file can name.
struct Stages: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the stages a pipeline can use, with their options and the layers they need and add.")

    @Argument(help: "Show only these stages.")
    var names: [String] = []

    func run() throws {
        let registry = LectorMain.registry
        for name in names where registry.entry(named: name) == nil {
            throw ValidationError("unknown stage '\(name)'; available: \(registry.names.joined(separator: ", "))")
        }
        let entries = registry.allEntries.filter { names.isEmpty || names.contains($0.name) }
        print(Self.describe(entries), terminator: "")
    }

    static func describe(_ entries: [StageRegistry.Entry]) -> String {
        var out = ""
        for entry in entries {
            out += "\(entry.name)\(entry.summary.isEmpty ? "" : " — \(entry.summary)")\n"
            let requires = entry.defaultRequires.sorted().map(\.rawValue).joined(separator: ", ")
            let produces = entry.defaultProduces.sorted().map(\.rawValue).joined(separator: ", ")
            out += "  requires: \(requires.isEmpty ? "—" : requires)\n"
            out += "  produces: \(produces.isEmpty ? "—" : produces)\n"
            if entry.optionHelp.isEmpty {
                out += "  options:  none\n"
            } else {
                out += "  options:\n"
                let width = entry.optionHelp.map { $0.name.count + $0.type.count + 3 }.max() ?? 0
                for option in entry.optionHelp {
                    let head = "\(option.name) (\(option.type))"
                    let pad = String(repeating: " ", count: max(1, width - head.count + 1))
                    out += "    \(head)\(pad)\(option.meaning) [default: \(option.defaultValue)]\n"
                }
            }
            out += "\n"
        }
        return out
    }
}

/// `lector validate PIPELINE`: check a pipeline file without reading any document.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a pipeline file: syntax, stage names, options and layer requirements.")

    @Argument(help: "The pipeline file (YAML).")
    var pipeline: [String]

    func run() throws {
        for path in pipeline {
            let setup = try PipelineSetup(path: path)
            let chain = setup.pipeline.stages.map(\.name).joined(separator: " → ")
            print("\(path): ok (\(setup.config.name): \(chain))")
        }
    }
}
