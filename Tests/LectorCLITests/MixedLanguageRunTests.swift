import Foundation
import LectorCore
import Testing

@testable import LectorCLI

/// `pipelines/news.yaml` over one folder of English, German and French documents: each document is
/// read, split, tokenised, tagged, summarised and given key phrases in its own language.
@Suite struct MixedLanguageRunTests {
    static let english = """
        <html lang="en"><head><title>Port strike ends</title></head><body><article>
        <p>Anna Kowalczyk, the union leader, said on Monday that the strike at the port of Rotterdam had ended. \
        Dock workers don't expect new talks before the spring.</p>
        <p>The port handled 14 million containers last year. The strike cost shipping lines about $ 5 million a day, \
        according to the port authority.</p>
        <p>Workers will return to the terminals on Tuesday morning. The union said the agreement raises wages by \
        4 percent over two years.</p>
        </article></body></html>
        """
    static let german = """
        Streik im Hafen beendet

        Am 3. Oktober 2024 haben die Hafenarbeiter in Hamburg ihren Streik beendet. Die Gewerkschaft erklärte, \
        die Verhandlungen mit den Hafenbetreibern seien erfolgreich gewesen.

        Der Streik kostete die Reedereien rund 1,5 Millionen Euro am Tag. Die Hafenbetreiber sprachen von einem \
        schwierigen Jahr für den Hafen und die Reedereien.

        Die Löhne der Hafenarbeiter steigen um 4 Prozent. Die Arbeit in den Terminals beginnt am Dienstag um \
        6 Uhr wieder.
        """
    static let french = """
        <html><head><title>Fin de la grève au port</title></head><body><article>
        <p>Le 1er janvier 2025, les dockers du port de Marseille ont mis fin à la grève. L'accord prévoit une \
        hausse des salaires de 4 pour cent sur deux ans.</p>
        <p>La grève a coûté aux armateurs environ 1,5 million d'euros par jour. Les dockers reprendront le travail \
        dans les terminaux du port mardi matin.</p>
        <p>Le syndicat des dockers a salué l'accord, qui met fin à un long conflit dans le port de Marseille.</p>
        </article></body></html>
        """

    @Test func everyDocumentIsProcessedInItsLanguage() throws {
        let folder = try temporaryDirectory("mixed-languages")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.english.utf8).write(to: folder.appendingPathComponent("en.html"))
        try Data(Self.german.utf8).write(to: folder.appendingPathComponent("de.txt"))
        try Data(Self.french.utf8).write(to: folder.appendingPathComponent("fr.html"))
        let pipeline = try LectorPipeline(contentsOf: path("pipelines/news.yaml"))
        var documents: [String: Document] = [:]
        _ = try pipeline.run(inputs: [folder.path], options: .init(jobs: 2)) { outcome in
            if case .processed(let document) = outcome { documents[document.id] = document }
        }
        let en = try #require(documents["en.html"])
        let de = try #require(documents["de.txt"])
        let fr = try #require(documents["fr.html"])
        #expect([en, de, fr].map { $0.metadata["lang"] } == ["en", "de", "fr"])
        #expect(fr.metadata["lang_detected"] == "true")

        func tokens(_ document: Document) -> [String] { document.annotations(.token).map { document.text(in: $0.range) } }
        func entities(_ document: Document) -> [String] {
            document.annotations(.entity).map { "\($0.label):" + document.text(in: $0.range) }
        }
        func sentences(_ document: Document) -> [String] {
            document.annotations(.sentence).map { document.text(in: $0.range) }
        }
        // Tokens: English clitics split, French elisions end their token.
        #expect(tokens(en).contains("n't"))
        #expect(tokens(fr).contains("L'") && tokens(fr).contains("d'"))
        #expect(!tokens(de).contains("n't"))
        // Sentences: "3." before a month ends no German sentence.
        #expect(sentences(de).contains { $0.hasPrefix("Am 3. Oktober 2024 haben") })
        // Entities: names by each language's model; numbers and dates by each language's rules.
        #expect(entities(en).contains("PER:Anna Kowalczyk"))
        #expect(entities(de).contains("DATE:3. Oktober 2024") && entities(de).contains("MONEY:1,5 Millionen Euro"))
        #expect(entities(de).contains("PERCENT:4 Prozent"))
        #expect(entities(fr).contains("DATE:1er janvier 2025") && entities(fr).contains("MONEY:1,5 million d'euros"))
        // Names: the German document's from the shipped German model; no French model ships, so the
        // French document gets numbers and dates only, and a note.
        #expect(entities(de).contains("LOC:Hamburg"))
        #expect(!de.diagnostics.contains { $0.message.contains("names not tagged") })
        #expect(!entities(fr).contains { $0.hasPrefix("PER:") || $0.hasPrefix("LOC:") || $0.hasPrefix("ORG:") })
        #expect(fr.diagnostics.contains { $0.message.contains("names not tagged") })
        // Summaries and key phrases in every language; no function word of the language is a key phrase.
        for document in [en, de, fr] {
            #expect(!document.annotations(.summary).isEmpty, "\(document.id)")
            let phrases = document.annotations(.keyphrase).map(\.label)
            #expect(!phrases.isEmpty, "\(document.id)")
            let words = Set(phrases.flatMap { $0.split(separator: " ").map(String.init) })
            #expect(words.isDisjoint(with: ["die", "der", "und", "le", "la", "les", "des", "the", "and"]), "\(document.id): \(phrases)")
        }
        #expect(de.annotations(.keyphrase).map(\.label).contains { $0.contains("hafen") })
    }
}
