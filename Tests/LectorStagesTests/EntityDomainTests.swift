import LectorCore
import LectorTestSupport
import Testing

@testable import LectorStages

@Suite("Entities across domains: datelines, bylines, capitals, written forms, user names")
struct EntityDomainTests {
    func run(_ text: String) throws -> Document {
        var document = EntityTestSupport.document(text)
        try EntitiesStage(options: EntitiesStage.Options()).process(&document, context: StageContext())
        return document
    }

    @Test("A dateline's place in capitals is LOC and the agency in parentheses is ORG")
    func datelineSpans() {
        let words = ["COLUMBUS", ",", "Ohio", ",", "Oct.", "2", "(", "Lector", "Wire", ")", "—", "U.S.", "Sen."]
        #expect(
            EntitiesStage.datelineSpans(words) == [
                EntitySpan(start: 0, end: 1, label: "LOC"), EntitySpan(start: 7, end: 9, label: "ORG"),
            ])
        #expect(
            EntitiesStage.datelineSpans(["NEW", "YORK", ",", "March", "20", "—", "Shares", "fell"]) == [
                EntitySpan(start: 0, end: 2, label: "LOC")
            ])
        // Not datelines: no dash, a lower-case word before the dash, no comma after the capitals.
        #expect(EntitiesStage.datelineSpans(["LONDON", ",", "England", "is", "big"]).isEmpty)
        #expect(EntitiesStage.datelineSpans(["BREAKING", ",", "police", "say", "—", "x"]).isEmpty)
        #expect(EntitiesStage.datelineSpans(["LONDON", "1996-08-30"]).isEmpty)
        // Dateline spans replace the model's overlapping ones; the agency's name elsewhere becomes ORG.
        let other = ["Analysts", "polled", "by", "Lector", "Wire"]
        let replaced = EntitiesStage.applyingDatelines(
            [
                [EntitySpan(start: 7, end: 9, label: "PER"), EntitySpan(start: 11, end: 12, label: "LOC")],
                [EntitySpan(start: 3, end: 5, label: "PER")],
            ], words: [words, other])
        #expect(replaced[0].map(\.label) == ["LOC", "ORG", "LOC"])
        #expect(replaced[1] == [EntitySpan(start: 3, end: 5, label: "ORG")])
    }

    @Test("A person-tagged name opened by a venue word is a business")
    func venues() {
        let words = ["They", "ate", "at", "Café", "Brüggemann", "with", "Luc", "Brüggemann"]
        let spans = [EntitySpan(start: 3, end: 5, label: "PER"), EntitySpan(start: 6, end: 8, label: "PER")]
        #expect(EntitiesStage.applyingDatelines([spans], words: [words])[0].map(\.label) == ["ORG", "PER"])
    }

    @Test("A byline's name is PER, its agency ORG and a dateline place in capitals after it LOC")
    func bylineSpans() {
        let words = ["By", "Pieter", "Jansen", ",", "Lector", "Wire", "ROTTERDAM", ",", "Netherlands", ",", "Aug.", "5"]
        #expect(
            EntitiesStage.bylineSpans(words) == [
                EntitySpan(start: 1, end: 3, label: "PER"), EntitySpan(start: 4, end: 6, label: "ORG"),
                EntitySpan(start: 6, end: 7, label: "LOC"),
            ])
        #expect(EntitiesStage.bylineSpans(["By", "Jane", "Doe", ",", "Reuters"]).count == 2)
        #expect(EntitiesStage.bylineSpans(["By", "Jane", "Doe", ",", "AP"]).last == EntitySpan(start: 4, end: 5, label: "ORG"))
        #expect(EntitiesStage.bylineSpans(["By", "Monday", ",", "the", "council", "will"]).isEmpty)
        #expect(EntitiesStage.bylineSpans(["By", "John", "Smith", ",", "Chief", "Executive", "of", "Acme"]).isEmpty)
    }

    @Test("The stage tags a dateline's agency ORG and links the place in capitals to its mixed-case spelling")
    func datelineInStage() throws {
        let document = try run(
            "MILLBROOK , England , March 20 ( Lector Wire ) — The council met in Millbrook on Tuesday .")
        let entities = document.annotations(.entity)
        let agency = try #require(entities.first { document.text(in: $0.range) == "Lector Wire" })
        #expect(agency.label == "ORG")
        let place = try #require(entities.first { document.text(in: $0.range) == "MILLBROOK" })
        #expect(place.label == "LOC")
        #expect(place.attributes["canonical"] == "Millbrook")
    }

    @Test("Canonical forms are written as in the text, not as tokens joined by spaces")
    func canonicalFromText() {
        let mention = EntityLinker.Mention(
            words: ["People", "’s", "Republic", "of", "China"], label: "LOC", separators: ["", " ", "\n", " "])
        #expect(EntityLinker().canonicalForms([mention]) == ["People’s Republic of China"])
        let capitals = EntityLinker.Mention(words: ["NEW", "YORK"], label: "LOC")
        let mixed = EntityLinker.Mention(words: ["New", "York"], label: "LOC")
        #expect(EntityLinker().canonicalForms([capitals, mixed]) == ["New York", "New York"])
        #expect(EntityLinker().canonicalForms([capitals]) { ["new": "New", "york": "York"][$0] } == ["New York"])
        #expect(EntityLinker().canonicalForms([capitals]) == ["NEW YORK"])
    }

    @Test("User names are never entities")
    func mentionsAreNotEntities() throws {
        let document = try run("@BarackObama met Angela Merkel in Berlin .")
        #expect(!document.annotations(.entity).contains { document.text(in: $0.range).hasPrefix("@") })
    }
}
