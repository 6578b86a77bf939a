import Foundation
import LectorCore
import Testing

@testable import LectorStages

/// Token conventions per language: UD's for each language's treebanks.
@Suite struct TokenConventionsTests {
    static func tokens(_ text: String, _ conventions: Tokenizer.Conventions) -> [String] {
        let bytes = Array(text.utf8)
        return Tokenizer(conventions: conventions).tokenize(text).map { String(decoding: bytes[$0.range], as: UTF8.self) }
    }

    @Test(arguments: [
        ("L'obscurité jusqu'alors", ["L'", "obscurité", "jusqu'", "alors"]),
        ("C’est l’île d'Avignon.", ["C’", "est", "l’", "île", "d'", "Avignon", "."]),
        ("dell'Onu e un'altra", ["dell'", "Onu", "e", "un'", "altra"]),
        ("aujourd'hui et quelqu'un", ["aujourd'hui", "et", "quelqu'un"]),
        ("Il dont parle", ["Il", "dont", "parle"]),
    ])
    func elidedArticlesEndTheirToken(_ text: String, _ expected: [String]) {
        #expect(Self.tokens(text, .elision) == expected)
    }

    @Test func plainConventionsKeepHyphenatedWordsAndDutchQuotes() {
        #expect(Self.tokens("de derde-rondepartij van de EU-Staaten", .plain)
            == ["de", "derde-rondepartij", "van", "de", "EU-Staaten"])
        #expect(Self.tokens("hij zei ,,nee'' tegen", .plain) == ["hij", "zei", ",,", "nee", "''", "tegen"])
        #expect(Self.tokens("Mit 3,5 Millionen", .plain) == ["Mit", "3,5", "Millionen"])
    }

    @Test func englishKeepsItsCliticsAndNoOtherLanguageGetsThem() {
        #expect(Self.tokens("I don't know John's dont", .english) == ["I", "do", "n't", "know", "John", "'s", "do", "nt"])
        #expect(Self.tokens("dont", .elision) == ["dont"])
        #expect(Self.tokens("Sens. Dupont", .plain) == ["Sens", ".", "Dupont"])
    }

    @Test(arguments: [("fr", Tokenizer.Conventions.elision), ("it-IT", .elision), ("de", .plain), ("nl", .plain),
                      ("es", .plain), ("en", .english), ("", .english), ("xx", .english)])
    func languageChoosesTheConventions(_ code: String, _ expected: Tokenizer.Conventions) {
        #expect(Tokenizer.Conventions.forLanguage(code) == expected)
    }

    @Test func theStageTokenizesEachDocumentInItsLanguage() throws {
        var french = Document(id: "fr", source: "t", format: "text", text: "L'homme parle.", metadata: ["lang": "fr"])
        french.set([Annotation(0, french.text.utf8.count)], for: .sentence)
        try TokenStage().process(&french, context: StageContext())
        #expect(french.annotations(.token).map { french.text(in: $0.range) } == ["L'", "homme", "parle", "."])
        var english = Document(id: "en", source: "t", format: "text", text: "L'homme parle.")
        english.set([Annotation(0, english.text.utf8.count)], for: .sentence)
        try TokenStage().process(&english, context: StageContext())
        #expect(english.annotations(.token).count == 3)
    }
}

/// Sentence ends that depend on European conventions: ordinal days and German ordinals, Dutch quotes.
@Suite struct EuropeanSentenceTests {
    static func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return SentenceSplitter().split(text).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test(arguments: [
        "Er kam am 3. Oktober 2024 nach Berlin.",
        "Am 25. April 2009 war es kalt.",
        "Der 2. Weltkrieg endete 1945.",
        "La fête a lieu le 1. mai.",
    ])
    func ordinalBeforeAMonthOrAfterAnArticleEndsNoSentence(_ text: String) {
        #expect(Self.sentences(text) == [text])
    }

    @Test func aNumberAtTheEndOfASentenceStillEndsIt() {
        #expect(Self.sentences("The score was 3. Then it rained.") == ["The score was 3.", "Then it rained."])
    }

    @Test func spacedDoubleApostropheClosesTheSentenceBeforeIt() {
        #expect(Self.sentences(",,Het is mooi. '' Daarna ging hij.") == [",,Het is mooi. ''", "Daarna ging hij."])
    }
}
