import LectorCore
import LectorTestSupport
import Testing

@testable import LectorStages

@Suite("Entities stage")
struct EntityStageTests {
    func run(_ text: String, numeric: Bool = true) throws -> Document {
        var document = EntityTestSupport.document(text)
        let stage = try EntitiesStage(options: EntitiesStage.Options(numeric: numeric))
        try stage.process(&document, context: StageContext())
        return document
    }

    @Test("The stage requires sentences and tokens and produces entities")
    func layers() throws {
        let stage = try EntitiesStage(options: EntitiesStage.Options())
        #expect(stage.requires == [.sentence, .token])
        #expect(stage.produces == [.entity])
        #expect(StageRegistry.builtins.entry(named: "entities") != nil)
    }

    @Test("Documents declared in a language no model covers are left untagged, with a note")
    func otherLanguagesAreSkipped() throws {
        let stage = try EntitiesStage(options: EntitiesStage.Options())
        let text = "Angela Merkel met officials of Siemens in Berlin on Tuesday ."
        for (lang, tagged) in [("pt-BR", false), ("en-GB", true), ("EN", true), (nil, true)] as [(String?, Bool)] {
            var document = EntityTestSupport.document(text)
            if let lang { document.metadata["lang"] = lang }
            try stage.process(&document, context: StageContext())
            let names = document.annotations(.entity).filter { ["PER", "ORG", "LOC", "MISC"].contains($0.label) }
            #expect(names.isEmpty == !tagged, "lang \(lang ?? "none")")
            #expect(document.has(.entity))
            #expect(document.diagnostics.contains { $0.message.contains("not tagged") } == !tagged)
        }
        // Numbers and dates of an uncovered language are still found, with that language's rules.
        var german = EntityTestSupport.document("Angela Merkel kam am 3 . Oktober 2024 nach Berlin .")
        german.metadata["lang"] = "de"
        try EntitiesStage(options: EntitiesStage.Options(languageModels: false)).process(&german, context: StageContext())
        #expect(german.annotations(.entity).map(\.label) == ["DATE"])
        #expect(german.diagnostics.contains { $0.message.contains("not tagged") })
        var everything = EntityTestSupport.document(text)
        everything.metadata["lang"] = "de"
        try EntitiesStage(options: EntitiesStage.Options(languages: [])).process(&everything, context: StageContext())
        #expect(!everything.annotations(.entity).isEmpty)
    }

    @Test("A German document is tagged by the German model, loaded on first use; amounts stay MONEY")
    func germanModel() throws {
        let german = try #require(try EntityModelStore.recognizer(language: "de"))
        #expect(german.model.notes.contains("language: de"))
        #expect(try EntityModelStore.recognizer(language: "de")?.model.notes == german.model.notes)
        #expect(try EntityModelStore.recognizer(language: "pt") == nil)
        let stage = try EntitiesStage(options: EntitiesStage.Options())
        var document = EntityTestSupport.document(
            "Angela Merkel traf am 3 . Oktober 2024 in Berlin Vertreter von Siemens . Der Auftrag ist 1,5 Millionen Euro wert .")
        document.metadata["lang"] = "de"
        try stage.process(&document, context: StageContext())
        let found = EntityTestSupport.entities(document)
        #expect(found.contains { $0 == ("Angela Merkel", "PER") })
        #expect(found.contains { $0 == ("Berlin", "LOC") })
        #expect(found.contains { $0 == ("1,5 Millionen Euro", "MONEY") })
        #expect(!document.diagnostics.contains { $0.message.contains("not tagged") })
        // The same sentence tagged by the German model directly gives the same names.
        var direct = EntityTestSupport.document(
            "Angela Merkel traf am 3 . Oktober 2024 in Berlin Vertreter von Siemens . Der Auftrag ist 1,5 Millionen Euro wert .")
        try EntitiesStage(recognizer: german).process(&direct, context: StageContext())
        #expect(
            EntityTestSupport.entities(direct).filter { ["PER", "LOC", "ORG"].contains($0.1) }.map { "\($0)" }
                == found.filter { ["PER", "LOC", "ORG"].contains($0.1) }.map { "\($0)" })
    }

    @Test("A well-known pattern of names is tagged with the right types")
    func namesAreTagged() throws {
        let document = try run("Angela Merkel met officials of Siemens in Berlin on Tuesday .", numeric: false)
        let found = EntityTestSupport.entities(document)
        #expect(found.contains { $0 == ("Angela Merkel", "PER") })
        #expect(found.contains { $0 == ("Berlin", "LOC") })
    }

    @Test("Straight and curly possessives stay outside entities", arguments: ["'s", "\u{2019}s"])
    func possessivesExcluded(mark: String) throws {
        let document = try run("Chancellor Angela Merkel\(mark) government met in Berlin .")
        let texts = EntityTestSupport.entities(document).map(\.0)
        #expect(texts.contains("Angela Merkel"))
        #expect(!texts.contains { $0.hasSuffix("s") && $0.contains(mark.prefix(1)) })
    }

    @Test("A possessive inside a single token is trimmed from the entity", arguments: ["'s", "\u{2019}s"])
    func possessiveInsideToken(mark: String) throws {
        let text = "Chancellor Angela Merkel\(mark) plan was approved in Berlin"
        var document = Document(id: "t", source: "t", format: "text", text: text)
        document.set([Annotation(0, text.utf8.count)], for: .sentence)
        var tokens: [Annotation] = []
        var offset = 0
        for word in text.split(separator: " ") {
            tokens.append(Annotation(offset, offset + word.utf8.count, label: "word"))
            offset += word.utf8.count + 1
        }
        document.set(tokens, for: .token)
        let recognizer = try EntityModelStore.shippedRecognizer()
        try EntitiesStage(recognizer: recognizer).process(&document, context: StageContext())
        let found = EntityTestSupport.entities(document)
        #expect(found.contains { $0 == ("Angela Merkel", "PER") })
        #expect(!found.contains { $0.0.contains(mark) })
    }

    @Test("Numeric expressions come from the rule layer with their labels")
    func numericExpressions() throws {
        let document = try run("Shares rose 5 % to $ 3 billion on Monday .")
        let labels = Set(EntityTestSupport.entities(document).map(\.1))
        #expect(labels.isSuperset(of: ["PERCENT", "MONEY", "DATE"]))
    }

    @Test("Mentions of one person share a canonical form")
    func canonicalForms() throws {
        let document = try run("Angela Merkel spoke in Berlin .\nMerkel said the plan would work .")
        let canonical = document.annotations(.entity).filter { $0.label == "PER" }.compactMap { $0.attributes["canonical"] }
        #expect(canonical.count == 2)
        #expect(Set(canonical) == ["Angela Merkel"])
    }

    @Test("Entity scores are confidences between 0 and 1")
    func scoresAreProbabilities() throws {
        let document = try run("Angela Merkel met Siemens executives in Berlin .")
        for entity in document.annotations(.entity) {
            let score = try #require(entity.score)
            #expect(score >= 0 && score <= 1)
        }
    }

    @Test("A token outside the text fails the document with a clear error")
    func badTokenRange() throws {
        var document = Document(id: "bad", source: "bad", format: "text", text: "short")
        document.set([Annotation(0, 5)], for: .sentence)
        document.set([Annotation(0, 5, label: "word")], for: .token)
        var broken = document
        broken.text = "x"
        let stage = try EntitiesStage(options: EntitiesStage.Options())
        #expect(throws: EntitiesStageError.self) { try stage.process(&broken, context: StageContext()) }
    }

    @Test("An empty document gets an empty entity layer")
    func emptyDocument() throws {
        var document = Document(id: "empty", source: "empty", format: "text", text: "")
        document.set([], for: .sentence)
        document.set([], for: .token)
        try EntitiesStage(options: EntitiesStage.Options()).process(&document, context: StageContext())
        #expect(document.has(.entity))
        #expect(document.annotations(.entity).isEmpty)
    }
}

@Suite("Entity spans opening a sentence")
struct LeadingFunctionWordTests {
    @Test("A sentence-opening function word is trimmed from a longer name, nothing else is")
    func trimsOnlyLeadingFunctionWords() {
        #expect(EntitiesStage.startWithoutLeadingFunctionWord(0, end: 3, words: ["When", "Zoë", "Müller"]) == 1)
        #expect(EntitiesStage.startWithoutLeadingFunctionWord(0, end: 3, words: ["The", "Commerce", "Department"]) == 1)
        // After a dateline's dash, as at the sentence start; after an opening quote a title keeps it.
        let dateline = ["ŁÓDŹ", ",", "Poland", "—", "When", "Zoë", "Müller"]
        #expect(EntitiesStage.startWithoutLeadingFunctionWord(4, end: 7, words: dateline) == 5)
        #expect(EntitiesStage.startWithoutLeadingFunctionWord(1, end: 4, words: ["“", "The", "Crying", "Game"]) == 1)
        // Not at the sentence start, a one-word span, or a word that can begin a name: kept.
        #expect(EntitiesStage.startWithoutLeadingFunctionWord(2, end: 4, words: ["He", "met", "The", "Times"]) == 2)
        #expect(EntitiesStage.startWithoutLeadingFunctionWord(0, end: 1, words: ["The"]) == 0)
        #expect(EntitiesStage.startWithoutLeadingFunctionWord(0, end: 2, words: ["Saint", "Helena"]) == 0)
    }
}
