import HouseStyle
import LectorCore
import Testing

/// A mapping as the YAML loader would build it, one key per line from line 10 on.
private func mapping(_ pairs: [(String, ConfigNode.Value)]) -> ConfigNode {
    let entries = pairs.enumerated().map { index, pair in
        let location = ConfigLocation(file: "pipeline.yaml", line: 10 + index)
        return ConfigNode.Entry(key: pair.0, keyLocation: location, value: ConfigNode(pair.1, at: location))
    }
    return ConfigNode(.map(entries), at: ConfigLocation(file: "pipeline.yaml", line: 9))
}

private func scalar(_ text: String) -> ConfigNode.Value { .scalar(text, quoted: false) }

@Test func optionsDecodeHyphenatedKeys() throws {
    let node = mapping([
        ("banned", .list([ConfigNode(scalar("leverage"), at: ConfigLocation(file: "pipeline.yaml", line: 10))])),
        ("case-sensitive", scalar("true")),
    ])
    let options = try ConfigDecoder().decode(HouseStyleStage.Options.self, from: node, keyPath: "stages[2].options")
    #expect(options.banned == ["leverage"])
    #expect(options.caseSensitive)
    #expect(options.label == "banned-word")
}

@Test func missingOptionsTakeDefaults() throws {
    let options = try ConfigDecoder().decode(StyleScoreStage.Options.self, from: mapping([]))
    #expect(options.penalty == 10)
    #expect(options.key == "style-score")
    #expect(options.warnBelow == nil)
}

@Test func unknownOptionIsAnErrorWithItsLine() throws {
    let node = mapping([("penalty", scalar("5")), ("warn-under", scalar("70"))])
    let error = try #require(throws: ConfigError.self) {
        try ConfigDecoder().decode(StyleScoreStage.Options.self, from: node, keyPath: "stages[3].options")
    }
    #expect("\(error)".contains("warn-under"))
    #expect("\(error)".contains("pipeline.yaml:11"))
}
