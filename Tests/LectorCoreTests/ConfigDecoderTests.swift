import Foundation
import Testing

@testable import LectorCore

/// Builds located trees by hand (the CLI builds them from YAML).
func scalar(_ text: String, line: Int, file: String = "p.yaml") -> ConfigNode {
    ConfigNode(.scalar(text, quoted: false), at: ConfigLocation(file: file, line: line))
}

func map(_ entries: [(String, Int, ConfigNode)], line: Int, file: String = "p.yaml") -> ConfigNode {
    ConfigNode(
        .map(entries.map { ConfigNode.Entry(key: $0.0, keyLocation: ConfigLocation(file: file, line: $0.1), value: $0.2) }),
        at: ConfigLocation(file: file, line: line))
}

struct SampleOptions: Decodable, Sendable {
    var count = 3
    var mode = "fast"
    var labels: [String] = []

    enum CodingKeys: String, CodingKey { case count, mode, labels }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        count = try container.decodeIfPresent(Int.self, forKey: .count) ?? count
        mode = try container.decodeIfPresent(String.self, forKey: .mode) ?? mode
        labels = try container.decodeIfPresent([String].self, forKey: .labels) ?? labels
    }
}

@Test func decodesOptionsWithDefaults() throws {
    let node = map([("count", 4, scalar("7", line: 4))], line: 4)
    let options = try ConfigDecoder().decode(SampleOptions.self, from: node, keyPath: "stages[1].options")
    #expect(options.count == 7)
    #expect(options.mode == "fast")
}

@Test func scalarWhereListExpectedIsOneItem() throws {
    let node = map([("labels", 4, scalar("PER", line: 4))], line: 4)
    let options = try ConfigDecoder().decode(SampleOptions.self, from: node)
    #expect(options.labels == ["PER"])
}

@Test func typeMismatchNamesFileLineAndKey() {
    let node = map([("mode", 3, scalar("x", line: 3)), ("count", 5, scalar("three", line: 5))], line: 3)
    do {
        _ = try ConfigDecoder().decode(SampleOptions.self, from: node, keyPath: "stages[2].options")
        Issue.record("expected an error")
    } catch let error as ConfigError {
        #expect(error.location.line == 5)
        #expect(error.keyPath == "stages[2].options.count")
        #expect(error.description == "p.yaml:5: stages[2].options.count: expected an integer, found 'three'")
    } catch {
        Issue.record("unexpected error \(error)")
    }
}

@Test func unknownKeyListsAllowedKeys() {
    let node = map([("cout", 6, scalar("3", line: 6))], line: 6)
    do {
        _ = try ConfigDecoder().decode(SampleOptions.self, from: node, keyPath: "stages[0].options")
        Issue.record("expected an error")
    } catch let error as ConfigError {
        #expect(error.location.line == 6)
        #expect(error.keyPath == "stages[0].options.cout")
        #expect(error.message == "unknown key 'cout'; allowed: count, labels, mode")
    } catch {
        Issue.record("unexpected error \(error)")
    }
}

@Test func noOptionsRejectsAnyKey() {
    let node = map([("speed", 2, scalar("1", line: 2))], line: 2)
    #expect(throws: ConfigError.self) { try ConfigDecoder().decode(NoOptions.self, from: node) }
}

@Test func mappingWhereScalarExpectedIsAnError() {
    let inner = map([("a", 9, scalar("1", line: 9))], line: 9)
    let node = map([("mode", 8, inner)], line: 8)
    do {
        _ = try ConfigDecoder().decode(SampleOptions.self, from: node, keyPath: "options")
        Issue.record("expected an error")
    } catch let error as ConfigError {
        #expect(error.location.line == 9)
        #expect(error.message.contains("expected a string, found a mapping"))
    } catch {
        Issue.record("unexpected error \(error)")
    }
}

@Test func configPathResolvesAgainstBaseDirectory() throws {
    struct Paths: Decodable { var file: ConfigPath }
    let node = map([("file", 1, scalar("lists/names.tsv", line: 1))], line: 1)
    let decoder = ConfigDecoder(baseDirectory: URL(fileURLWithPath: "/srv/pipelines"))
    let paths = try decoder.decode(Paths.self, from: node)
    #expect(paths.file.path == "/srv/pipelines/lists/names.tsv")
    #expect(paths.file.written == "lists/names.tsv")
}
