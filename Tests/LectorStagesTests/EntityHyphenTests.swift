import LectorCore
import LectorTestSupport
import Testing

@testable import LectorStages

/// The tokenizer splits hyphenated words (`Hewlett` `-` `Packard`); CoNLL-2003, the model's training data,
/// keeps them whole. The stage joins them again so the model sees the shapes it was trained on.
@Suite("Entities stage on hyphenated words")
struct EntityHyphenTests {
    /// A one-sentence document tokenized by the built-in tokenizer (which splits at hyphens).
    func tokenized(_ text: String) -> Document {
        var document = Document(id: "h", source: "h", format: "text", text: text)
        document.set([Annotation(0, text.utf8.count)], for: .sentence)
        document.set(
            Tokenizer().tokenize(text).map { Annotation($0.range.lowerBound, $0.range.upperBound, label: "word") },
            for: .token)
        return document
    }

    @Test("Hyphen tokens touching words on both sides are joined; spaced dashes are not")
    func joiningRule() {
        let text = "Jean-Pierre Raffarin - the prime minister - met Saint-Jean-de-Luz officials"
        let groups = [Tokenizer().tokenize(text).map { TextRange(start: $0.range.lowerBound, end: $0.range.upperBound) }]
        let words = EntitiesStage.joiningHyphens(groups, in: text)[0].map {
            String(decoding: Array(text.utf8)[$0.start..<$0.end], as: UTF8.self)
        }
        #expect(words.contains("Jean-Pierre"))
        #expect(words.contains("Saint-Jean-de-Luz"))
        #expect(words.filter { $0 == "-" }.count == 2)
    }

    @Test("An entity never starts or ends inside a hyphenated word", arguments: [
        "Hewlett-Packard cut 500 jobs in California on Monday .",
        "French Prime Minister Jean-Pierre Raffarin visited Berlin .",
        "The Anglo-Dutch group Unilever reported higher profits .",
    ])
    func wholeHyphenatedWords(text: String) throws {
        var document = tokenized(text)
        try EntitiesStage(recognizer: try EntityModelStore.shippedRecognizer(), numeric: false)
            .process(&document, context: StageContext())
        let bytes = Array(text.utf8)
        for entity in document.annotations(.entity) {
            let before = entity.start > 0 ? bytes[entity.start - 1] : 0x20
            let after = entity.end < bytes.count ? bytes[entity.end] : 0x20
            #expect(before != 0x2D && after != 0x2D, "\(document.text(in: entity.range)) cuts a hyphenated word")
        }
        #expect(!document.annotations(.entity).isEmpty)
    }

    @Test("A hyphenated company name is one entity")
    func companyName() throws {
        var document = tokenized("Hewlett-Packard said on Monday it would cut jobs .")
        try EntitiesStage(recognizer: try EntityModelStore.shippedRecognizer(), numeric: false)
            .process(&document, context: StageContext())
        let found = EntityTestSupport.entities(document)
        #expect(found.contains { $0.0 == "Hewlett-Packard" })
    }
}
