import Foundation
import LectorCore
import LectorTestSupport
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

    func regex(_ source: String, _ label: String) throws -> EntityRegexRule {
        try EntityRegexRule(source, target: .init(label: label, canonical: nil))
    }

    func entities(_ text: String, matcher: EntityPhraseMatcher, regexes: [EntityRegexRule]) throws -> [String] {
        var document = EntityTestSupport.document(text)
        try EntityRulesStage(matcher: matcher, regexes: regexes).process(&document, context: StageContext())
        return document.annotations(.entity).map { "\(document.text(in: $0.range))/\($0.label)" }
    }

    @Test("A regular expression labels its matches over the whole text")
    func regexLabelsMatches() throws {
        let found = try entities(
            "Shares ( NASDAQ:NRVL ) and NYSE:KMD fell .", matcher: EntityPhraseMatcher(),
            regexes: [regex(#"\b[A-Z]{2,6}:[A-Z]{1,5}\b"#, "TICKER")])
        #expect(found == ["NASDAQ:NRVL/TICKER", "NYSE:KMD/TICKER"])
    }

    @Test("Regular-expression offsets are UTF-8 bytes after emoji and accents")
    func regexOffsetsAfterWideCharacters() throws {
        let text = "Café 🎉 ticket T-1234 and Zoë T-77"
        let found = try entities(text, matcher: EntityPhraseMatcher(), regexes: [regex(#"T-\d+"#, "CODE")])
        #expect(found == ["T-1234/CODE", "T-77/CODE"])
    }

    @Test("Among rules the longer match wins, whichever kind of rule made it")
    func longerRuleMatchWins() throws {
        var matcher = EntityPhraseMatcher()
        matcher.add(phrase: "Acme", target: .init(label: "ORG", canonical: nil), caseSensitive: true)
        matcher.add(phrase: "Widget Works Ltd", target: .init(label: "ORG", canonical: nil), caseSensitive: true)
        // The regex match "Acme Widget" is longer than the phrase "Acme" but shorter than the
        // overlapping "Widget Works Ltd", which therefore wins over it.
        let found = try entities(
            "Acme Widget Works Ltd and Acme Widget rose .", matcher: matcher,
            regexes: [regex("Acme Widget", "PRODUCT")])
        #expect(found == ["Acme/ORG", "Widget Works Ltd/ORG", "Acme Widget/PRODUCT"])
    }

    @Test("On an equal span a gazetteer phrase beats a token pattern, which beats a regular expression")
    func tiesGoToGazetteerThenTokensThenRegex() throws {
        var matcher = EntityPhraseMatcher()
        matcher.add(phrase: "Model 42", target: .init(label: "GAZ", canonical: nil), caseSensitive: true)
        matcher.add(pattern: [.init("Model"), .init("NUM")], target: .init(label: "TOKENS", canonical: nil))
        let rules = [try regex(#"Model \d+"#, "REGEX")]
        #expect(try entities("A Model 42 and a Model 7 and Model-9 .", matcher: matcher, regexes: rules)
            == ["Model 42/GAZ", "Model 7/TOKENS"])
        #expect(try entities("A Model 42 .", matcher: EntityPhraseMatcher(), regexes: rules) == ["Model 42/REGEX"])
    }

    @Test("A regular-expression match replaces an overlapping statistical entity")
    func regexOverwritesModelEntity() throws {
        var document = EntityTestSupport.document("Call NYSE:KMD today .")
        document.set([Annotation(5, 9, label: "ORG")], for: .entity)
        let stage = EntityRulesStage(matcher: EntityPhraseMatcher(), regexes: [try regex(#"NYSE:[A-Z]+"#, "TICKER")])
        try stage.process(&document, context: StageContext())
        #expect(document.annotations(.entity).map(\.label) == ["TICKER"])
    }

    @Test("An invalid regular expression is refused when the rule is compiled")
    func invalidRegexIsRefused() {
        #expect(throws: EntitiesStageError.self) { try regex("([A-Z]+", "BROKEN") }
    }
}
