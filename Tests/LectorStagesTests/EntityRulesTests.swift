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
