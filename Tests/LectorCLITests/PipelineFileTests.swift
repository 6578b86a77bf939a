import Foundation
import LectorCore
import Testing

@testable import LectorCLI

/// Adds a `mark` layer; options `word` (string) and `limit` (int).
struct MarkStage: Stage {
    struct Options: Decodable, Sendable {
        var word = "x"
        var limit = 1
        enum CodingKeys: String, CodingKey { case word, limit }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            word = try container.decodeIfPresent(String.self, forKey: .word) ?? word
            limit = try container.decodeIfPresent(Int.self, forKey: .limit) ?? limit
        }
    }

    static let name = "mark"
    static let defaultProduces: Set<Layer> = ["mark"]
    init(options: Options) {}
    func process(_ document: inout Document, context: StageContext) throws {}
}

/// Needs `mark`.
struct UseMarkStage: Stage {
    static let name = "use-mark"
    static let defaultRequires: Set<Layer> = ["mark"]
    init(options: NoOptions) {}
    func process(_ document: inout Document, context: StageContext) throws {}
}

func testRegistry() -> StageRegistry {
    var registry = StageRegistry()
    registry.register(MarkStage.self)
    registry.register(UseMarkStage.self)
    return registry
}

func pipelineFile(_ yaml: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lector-\(UUID().uuidString).yaml")
    try Data(yaml.utf8).write(to: url)
    return url.path
}

/// The error a pipeline text gives, as the CLI prints it (without the temporary path).
func configError(_ yaml: String) throws -> String? {
    let path = try pipelineFile(yaml)
    defer { try? FileManager.default.removeItem(atPath: path) }
    do {
        _ = try PipelineSetup(path: path, registry: testRegistry())
        return nil
    } catch let error as ConfigError {
        #expect(error.location.file == path)
        return String(error.description.dropFirst(path.count))
    }
}

@Test func validPipelineBuilds() throws {
    let path = try pipelineFile("""
        name: demo
        stages:
          - stage: mark
            options:
              word: hello
              limit: 3
          - use-mark
        report:
          html: false
        """)
    let setup = try PipelineSetup(path: path, registry: testRegistry())
    #expect(setup.pipeline.stages.map(\.name) == ["mark", "use-mark"])
    #expect(setup.config.name == "demo")
    #expect(setup.resolvedConfig.contains(#""limit":3"#))
}

@Test func unknownStageNamesLineAndAlternatives() throws {
    let message = try configError("""
        stages:
          - stage: mark
          - stage: ner
        """)
    #expect(message == ":3: stages[1].stage: unknown stage 'ner'; available: mark, use-mark")
}

@Test func optionOfWrongTypeNamesLineAndKey() throws {
    let message = try configError("""
        stages:
          - stage: mark
            options:
              limit: lots
        """)
    #expect(message == ":4: stages[0].options.limit: expected an integer, found 'lots'")
}

@Test func unknownOptionIsRejected() throws {
    let message = try configError("""
        stages:
          - stage: mark
            options:
              wrod: hi
        """)
    #expect(message == ":4: stages[0].options.wrod: unknown key 'wrod'; allowed: limit, word")
}

@Test func duplicateKeyIsRejected() throws {
    let message = try configError("""
        stages:
          - stage: mark
            options:
              word: a
              word: b
        """)
    #expect(message?.contains("duplicate key 'word'") == true)
}

@Test func yamlSyntaxErrorNamesLine() throws {
    let message = try configError("""
        stages:
          - stage: mark
           options: [unclosed
        """)
    #expect(message?.hasPrefix(":3:") == true || message?.hasPrefix(":4:") == true)
    #expect(message?.contains("invalid YAML") == true)
}

@Test func missingLayerNamesTheProducer() throws {
    let message = try configError("""
        stages:
          - use-mark
          - mark
        """)
    #expect(message == ":2: stages[0]: stage 'use-mark' needs layer 'mark', which no earlier stage produces (produced by: mark)")
}

@Test func unknownTopLevelKey() throws {
    let message = try configError("""
        stages: [mark]
        reprot: {}
        """)
    #expect(message == ":2: reprot: unknown key 'reprot'; allowed: name, description, stages, report, limits, reader")
}

@Test func badLimitsAreConfigErrors() throws {
    let message = try configError("""
        stages: [mark]
        limits:
          max-failures: many
        """)
    #expect(message == ":3: limits.max-failures: expected a count (10) or a percentage (5%), found 'many'")
}

@Test func failureBudgetCountsAndPercentages() {
    #expect(FailureBudget("3")?.isExceeded(failed: 4, seen: 5) == true)
    #expect(FailureBudget("3")?.isExceeded(failed: 3, seen: 5) == false)
    #expect(FailureBudget("10%")?.isExceeded(failed: 3, seen: 10) == false)  // too few seen yet
    #expect(FailureBudget("10%")?.isExceeded(failed: 3, seen: 20) == true)
    #expect(FailureBudget("abc") == nil)
    #expect(FailureBudget("120%") == nil)
}

@Test func shardIndexComesFromJobArrayVariables() throws {
    #expect(try ShardPlan.parse("1/4", environment: [:]) == (1, 4))
    #expect(try ShardPlan.parse("env/3", environment: ["SLURM_ARRAY_TASK_ID": "2"]) == (2, 3))
    #expect(try ShardPlan.parse("env/3", environment: ["JOB_COMPLETION_INDEX": "0"]) == (0, 3))
    #expect(throws: ShardError.self) { try ShardPlan.parse("4/4", environment: [:]) }
    #expect(throws: ShardError.self) { try ShardPlan.parse("env/2", environment: [:]) }
}
