import Foundation
import LectorCore
import Testing

@testable import LectorStages

@Suite("Entity rules stage")
struct EntityRulesTests {
    func matcher() -> EntityPhraseMatcher {
        var matcher = EntityPhraseMatcher()
        matcher.add(
            phrase: "Acme Widget Works", target: .init(label: "ORG", canonical: "Acme Widget Works Ltd"),
            caseSensitive: false)
        matcher.add(phrase: "Acme", target: .init(label: "PER", canonical: nil), caseSensitive: true)
        matcher.add(pattern: [.init("Model"), .init("NUM")], target: .init(label: "PRODUCT", canonical: nil))
        return matcher
    }

    @Test("The longest phrase wins and case-insensitive lists ignore case")
    func longestPhraseWins() {
        let matches = matcher().matches(["the", "ACME", "widget", "works", "and", "Acme"])
        #expect(matches.map(\.start) == [1, 5])
        #expect(matches.map(\.end) == [4, 6])
        #expect(matches.map(\.target.label) == ["ORG", "PER"])
    }

    @Test("Token patterns match wildcards such as NUM")
    func tokenPatterns() {
        let matches = matcher().matches(["a", "model", "42", "b", "model", "x"])
        #expect(matches.count == 1)
        #expect(matches.first?.target.label == "PRODUCT")
        #expect(matches.first?.start == 1)
    }

    @Test("Rule matches replace overlapping entities and carry their canonical form")
    func rulesTakePrecedence() throws {
        var document = EntityTestSupport.document("Shares of Acme Widget Works rose .")
        document.set([Annotation(10, 14, label: "LOC"), Annotation(0, 6, label: "MISC")], for: .entity)
        try EntityRulesStage(matcher: matcher()).process(&document, context: StageContext())
        let entities = document.annotations(.entity)
        #expect(entities.map(\.label) == ["MISC", "ORG"])
        #expect(entities.last?.attributes["canonical"] == "Acme Widget Works Ltd")
    }

    @Test("Without overwrite, existing entities keep their place")
    func existingEntitiesKept() throws {
        var document = EntityTestSupport.document("Shares of Acme Widget Works rose .")
        document.set([Annotation(10, 14, label: "LOC")], for: .entity)
        try EntityRulesStage(matcher: matcher(), overwrite: false).process(&document, context: StageContext())
        #expect(document.annotations(.entity).map(\.label) == ["LOC"])
    }

    @Test("Regular expressions give UTF-8 ranges even after accents and emoji")
    func regexOffsets() throws {
        let text = "Zoë 🎉 bought NASDAQ:NRVL and nyse:kmd shares."
        let rule = RegexRule(
            expression: try RegexRule.compile("\\b[A-Z]{2,6}:[A-Z]{1,5}\\b", caseSensitive: true), label: "TICKER")
        let ranges = rule.matches(in: text)
        let bytes = Array(text.utf8)
        #expect(ranges.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } == ["NASDAQ:NRVL"])
        let loose = RegexRule(
            expression: try RegexRule.compile("\\b[a-z]{2,6}:[a-z]{1,5}\\b", caseSensitive: false), label: "TICKER")
        #expect(loose.matches(in: text).map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } == [
            "NASDAQ:NRVL", "nyse:kmd",
        ])
    }

    @Test("Among rules the longest match wins; on equal spans a phrase beats a regular expression")
    func precedenceAmongRules() throws {
        var phrases = EntityPhraseMatcher()
        phrases.add(phrase: "Acme", target: .init(label: "ORG", canonical: nil), caseSensitive: true)
        phrases.add(phrase: "Kestrel", target: .init(label: "ORG", canonical: "Kestrel Micro"), caseSensitive: true)
        let regexes = [
            RegexRule(expression: try RegexRule.compile("Acme Widget", caseSensitive: true), label: "PRODUCT"),
            RegexRule(expression: try RegexRule.compile("Kestrel", caseSensitive: true), label: "BIRD"),
        ]
        var document = EntityTestSupport.document("Acme Widget and Kestrel won .")
        try EntityRulesStage(matcher: phrases, regexes: regexes).process(&document, context: StageContext())
        let entities = document.annotations(.entity)
        #expect(entities.map { document.text(in: $0.range) } == ["Acme Widget", "Kestrel"])
        #expect(entities.map(\.label) == ["PRODUCT", "ORG"])
        #expect(entities.last?.attributes["canonical"] == "Kestrel Micro")
    }

    @Test("A pattern needs exactly one of tokens or regex, and its regex must compile")
    func patternValidation() throws {
        func node(_ entries: [(String, String)]) -> ConfigNode {
            let file = "rules.yaml"
            return ConfigNode(
                .map(
                    entries.enumerated().map { index, entry in
                        ConfigNode.Entry(
                            key: entry.0, keyLocation: ConfigLocation(file: file, line: 10 + index),
                            value: ConfigNode(
                                .scalar(entry.1, quoted: true), at: ConfigLocation(file: file, line: 10 + index)))
                    }), at: ConfigLocation(file: file, line: 9))
        }
        let broken = #expect(throws: ConfigError.self) {
            _ = try ConfigDecoder().decode(
                EntityRulesStage.Pattern.self, from: node([("label", "TICKER"), ("regex", "[A-Z")]),
                keyPath: "stages[4].options.patterns[0]")
        }
        #expect(broken?.location.line == 11)
        #expect(broken?.message.contains("does not compile") == true)
        let neither = #expect(throws: ConfigError.self) {
            _ = try ConfigDecoder().decode(
                EntityRulesStage.Pattern.self, from: node([("label", "TICKER")]), keyPath: "stages[4].options.patterns[0]")
        }
        #expect(neither?.message.contains("exactly one of 'tokens'") == true)
    }

    @Test("A malformed gazetteer line is reported with its file and line")
    func badGazetteerLine() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("entity-rules-\(UUID().uuidString).tsv")
        try "# companies\nAcme\tORG\nno label here\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        var matcher = EntityPhraseMatcher()
        #expect {
            try matcher.load(tsv: url, caseSensitive: false)
        } throws: { error in
            "\(error)".contains(":3:")
        }
    }

    @Test("The stage is registered and needs only tokens")
    func registered() {
        let entry = StageRegistry.builtins.entry(named: "entity-rules")
        #expect(entry?.defaultRequires == [.token])
        #expect(entry?.defaultProduces == [.entity])
    }
}
