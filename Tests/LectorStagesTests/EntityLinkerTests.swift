import Testing

@testable import LectorStages

@Suite("Entity linking inside a document")
struct EntityLinkerTests {
    func canonical(_ mentions: [(String, String)]) -> [String] {
        EntityLinker().canonicalForms(
            mentions.map { EntityLinker.Mention(words: $0.0.split(separator: " ").map(String.init), label: $0.1) })
    }

    @Test("Short and titled person mentions take the full name")
    func personMentions() {
        let forms = canonical([("Vladimir Putin", "PER"), ("President Putin", "PER"), ("Putin", "PER")])
        #expect(forms == ["Vladimir Putin", "Vladimir Putin", "Vladimir Putin"])
    }

    @Test("A first name alone links to the full name when that is the only match")
    func givenNameLinks() {
        #expect(canonical([("Xi Jinping", "PER"), ("Xi", "PER")]) == ["Xi Jinping", "Xi Jinping"])
    }

    @Test("An acronym links to the mention its initials spell")
    func acronymLinks() {
        #expect(canonical([("United States", "LOC"), ("U.S.", "LOC")]) == ["United States", "United States"])
        #expect(canonical([("Bank of England", "ORG"), ("BE", "ORG")])[1] == "Bank of England")
    }

    @Test("Built-in aliases cover abbreviations whose long form is absent")
    func aliasWithoutLongForm() {
        #expect(canonical([("U.S.", "LOC")]) == ["United States"])
    }

    @Test("Different people sharing no words stay apart")
    func unrelatedMentionsStayApart() {
        #expect(canonical([("Angela Merkel", "PER"), ("Putin", "PER")]) == ["Angela Merkel", "Putin"])
    }
}
