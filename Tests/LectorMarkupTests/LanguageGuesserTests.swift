import Foundation
import LectorCore
import LectorMarkup
import Testing

@Suite struct LanguageGuesserTests {
    @Test(arguments: [
        ("en", "The minister said on Tuesday that the talks with the unions would resume after the holiday, and that he was confident of an agreement."),
        ("de", "Der Minister sagte am Dienstag, dass die Gespräche mit den Gewerkschaften nach den Feiertagen wieder aufgenommen werden und er zuversichtlich sei."),
        ("fr", "Le ministre a déclaré mardi que les discussions avec les syndicats reprendraient après les fêtes et qu'il était confiant dans un accord."),
        ("es", "El ministro dijo el martes que las conversaciones con los sindicatos se reanudarán después de las fiestas y que confía en un acuerdo."),
        ("it", "Il ministro ha detto martedì che i colloqui con i sindacati riprenderanno dopo le feste e che è fiducioso in un accordo."),
        ("nl", "De minister zei dinsdag dat de gesprekken met de vakbonden na de feestdagen worden hervat en dat hij vertrouwen heeft in een akkoord."),
        ("pt", "O ministro disse na terça-feira que as negociações com os sindicatos serão retomadas depois das festas e que está confiante num acordo."),
        ("pl", "Minister powiedział we wtorek, że rozmowy ze związkami zawodowymi zostaną wznowione po świętach i że jest pewien porozumienia."),
    ])
    func namesTheLanguageOfAParagraph(_ language: String, _ text: String) {
        #expect(LanguageGuesser.guess(text) == language)
    }

    @Test func namesAlonePointToNoLanguage() {
        // Capitalised words never vote: "Van", "De" and "Dan" are names here, not Dutch words.
        #expect(LanguageGuesser.guess("Van Morrison, De Niro, Dan Brown, Tim Henman 6-3 6-4") == nil)
        #expect(LanguageGuesser.guess("") == nil)
        #expect(LanguageGuesser.guess("12345 67890 !!! ???") == nil)
    }

    @Test func lookedAtBytesAreBoundedWhateverTheTextLength() {
        let long = String(repeating: "Der Hund und die Katze sind nicht im Haus. ", count: 5_000)
        #expect(LanguageGuesser.guess(long) == "de")
    }

    @Test func truncatedMultibyteLetterAtTheEndIsSafe() {
        var bytes = Array("Le chat est là et il a mangé".utf8)
        bytes.append(0xC3)  // a lead byte with nothing after it
        let guess = bytes.withUnsafeBufferPointer { LanguageGuesser.guess(bytes: $0) }
        #expect(guess == "fr")
    }
}

/// Every kind of document carries a `lang`: declared codes are normalised, others are guessed from the
/// text read.
@Suite struct DocumentLanguageTests {
    @Test func feedItemsGetTheirOwnLanguage() {
        let feed = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Mixed</title>
            <item><title>Streik</title><description>Der Minister sagte am Dienstag, dass die Gespräche mit den \
            Gewerkschaften nach den Feiertagen wieder aufgenommen werden.</description></item>
            <item><title>Grève</title><description>Le ministre a déclaré mardi que les discussions avec les \
            syndicats reprendraient après les fêtes.</description></item>
            </channel></rss>
            """
        let documents = readOutcomes(Array(feed.utf8), id: "feed.xml", hint: "xml").compactMap { outcome -> Document? in
            if case .processed(let document) = outcome { return document }
            return nil
        }
        #expect(documents.map { $0.metadata["lang"] } == ["de", "fr"])
        #expect(documents.allSatisfy { $0.metadata["lang_detected"] == "true" })
    }

    @Test func declaredCodesBecomeISOCodes() {
        let xml = """
            <?xml version="1.0"?><doc xml:lang="fr-FR"><title>T</title><body>The minister said on Tuesday \
            that the talks would resume.</body></doc>
            """
        let document = readDocument(xml, hint: "xml")
        #expect(document?.metadata["lang"] == "fr")
        #expect(document?.metadata["lang_detected"] == nil)
    }

    @Test func htmlPagesAreGuessedFromTheirExtractedText() {
        let page = """
            <html><head><title>Nieuws</title></head><body><nav>Home Contact</nav><article><p>De minister zei \
            dinsdag dat de gesprekken met de vakbonden na de feestdagen worden hervat en dat hij vertrouwen \
            heeft in een akkoord.</p></article></body></html>
            """
        let document = readDocument(page, hint: "html", options: .init())
        #expect(document?.metadata["lang"] == "nl")
        #expect(document?.metadata["lang_detected"] == "true")
    }
}
