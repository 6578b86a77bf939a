import Foundation
import Testing

@testable import LectorCore

/// A stage that marks each document with an `upper` layer covering every uppercase ASCII letter.
struct UppercaseStage: Stage {
    static let name = "upper"
    static let defaultProduces: Set<Layer> = ["upper"]
    init(options: NoOptions) {}
    func process(_ document: inout Document, context: StageContext) throws {
        var spans: [Annotation] = []
        for (offset, byte) in document.text.utf8.enumerated() where byte >= 65 && byte <= 90 {
            spans.append(Annotation(offset, offset + 1, label: "U"))
        }
        document.set(spans, for: "upper")
    }
}

/// Needs the `upper` layer; counts it into metadata.
struct CountStage: Stage {
    struct Options: Decodable, Sendable {
        var key = "count"
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            key = try container.decodeIfPresent(String.self, forKey: AnyKey("key")) ?? key
        }
    }

    static let name = "count"
    static let defaultRequires: Set<Layer> = ["upper"]
    let key: String
    init(options: Options) { key = options.key }
    func process(_ document: inout Document, context: StageContext) throws {
        document.metadata[key] = String(document.annotations("upper").count)
    }
}

func registry() -> StageRegistry {
    var registry = StageRegistry()
    registry.register(UppercaseStage.self)
    registry.register(CountStage.self)
    return registry
}

func stagesNode(_ names: [(String, Int)]) -> ConfigNode {
    let items = names.map { scalar($0.0, line: $0.1) }
    return map([("stages", 2, ConfigNode(.list(items), at: ConfigLocation(file: "p.yaml", line: 3)))], line: 1)
}

@Test func buildsPipelineInOrder() throws {
    let config = try PipelineConfig(
        root: stagesNode([("upper", 3), ("count", 4)]), file: "p.yaml", baseDirectory: URL(fileURLWithPath: "/"))
    let pipeline = try config.makePipeline(registry: registry())
    #expect(pipeline.stages.map(\.name) == ["upper", "count"])
    #expect(config.name == "p")
}

@Test func missingRequirementNamesStageLayerAndProducer() {
    do {
        let config = try PipelineConfig(
            root: stagesNode([("count", 3), ("upper", 4)]), file: "p.yaml", baseDirectory: URL(fileURLWithPath: "/"))
        _ = try config.makePipeline(registry: registry())
        Issue.record("expected an error")
    } catch let error as ConfigError {
        #expect(error.location.line == 3)
        #expect(error.message == "stage 'count' needs layer 'upper', which no earlier stage produces (produced by: upper)")
    } catch {
        Issue.record("unexpected \(error)")
    }
}

@Test func unknownStageListsAvailableStages() {
    do {
        let config = try PipelineConfig(
            root: stagesNode([("ner", 7)]), file: "p.yaml", baseDirectory: URL(fileURLWithPath: "/"))
        _ = try config.makePipeline(registry: registry())
        Issue.record("expected an error")
    } catch let error as ConfigError {
        #expect(error.description == "p.yaml:7: stages[0].stage: unknown stage 'ner'; available: count, upper")
    } catch {
        Issue.record("unexpected \(error)")
    }
}

@Test func unknownTopLevelKeyIsAnError() {
    let root = map([("stages", 1, ConfigNode(.list([scalar("upper", line: 2)]), at: ConfigLocation(file: "p.yaml", line: 2))),
                    ("stagez", 5, scalar("x", line: 5))], line: 1)
    #expect(throws: ConfigError.self) {
        try PipelineConfig(root: root, file: "p.yaml", baseDirectory: URL(fileURLWithPath: "/"))
    }
}

@Test func emptyStageListIsAnError() {
    let root = map([("stages", 1, ConfigNode(.list([]), at: ConfigLocation(file: "p.yaml", line: 1)))], line: 1)
    #expect(throws: ConfigError.self) {
        try PipelineConfig(root: root, file: "p.yaml", baseDirectory: URL(fileURLWithPath: "/"))
    }
}
