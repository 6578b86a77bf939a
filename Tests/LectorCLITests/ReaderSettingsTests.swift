import Foundation
import LectorCore
import LectorMarkup
import Testing

@testable import LectorCLI

/// The reader settings a pipeline file carries in its top-level `reader:` section.
@Suite struct ReaderSettingsTests {
    /// The setup of a pipeline text with the built-in stages, and its temporary path.
    static func setup(_ yaml: String) throws -> (PipelineSetup, String) {
        let file = try pipelineFile(yaml)
        return (try PipelineSetup(path: file), file)
    }

    /// The error a pipeline text gives with the built-in stages, without the temporary path.
    static func error(_ yaml: String) throws -> String? {
        let file = try pipelineFile(yaml)
        defer { try? FileManager.default.removeItem(atPath: file) }
        do {
            _ = try PipelineSetup(path: file)
            return nil
        } catch let error as ConfigError {
            return String(error.description.dropFirst(file.count))
        }
    }

    /// Run `pipeline` over `input` and return the documents of `documents.jsonl`.
    static func documents(pipeline yaml: String, input: String) throws -> [[String: Any]] {
        let out = try temporaryDirectory("reader")
        defer { try? FileManager.default.removeItem(at: out) }
        let file = out.appendingPathComponent("pipeline.yaml")
        try Data(yaml.utf8).write(to: file)
        let report = out.appendingPathComponent("report")
        let code = LectorMain.run(arguments: ["run", file.path, input, "--report", report.path, "--quiet", "--no-cache"])
        #expect(code == 0)
        return try jsonLines(report.appendingPathComponent("documents.jsonl"))
    }

    @Test func defaultsAreArticleAndBalanced() throws {
        let (setup, file) = try Self.setup("stages:\n  - clean\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(setup.reader == ReaderSettings())
        let options = setup.reader.readerOptions(maxBytes: 1_000)
        #expect(options.htmlMode == .article && options.bias == .balanced && options.xmlProfile == nil)
        #expect(
            setup.resolvedConfig.contains(
                #""reader":{"bias":"balanced","extract":"article","jsonl":{"body":["html","content","text"],"date":"date","id":"id","title":"title","url":"url"},"xml":null}"#
            ))
    }

    @Test func readerSectionBecomesReaderOptions() throws {
        let (setup, file) = try Self.setup("""
            stages:
              - clean
            reader: { extract: full, bias: recall, jsonl: { body: text, url: link } }
            """)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let options = setup.reader.readerOptions(maxBytes: 1_000)
        #expect(options.htmlMode == .full && options.bias == .recall && options.maxBytes == 1_000)
        #expect(options.jsonLines.body == ["text"] && options.jsonLines.url == "link" && options.jsonLines.title == "title")
    }

    @Test func extractUnderCleanSaysWhereItMoved() throws {
        let message = try Self.error("""
            stages:
              - stage: clean
                options:
                  extract: full
            """)
        #expect(
            message
                == ":4: stages[0].options.extract: 'extract' is no longer an option of the clean stage: it moved to the top-level reader section (reader: { extract: full })"
        )
    }

    @Test func biasUnderCleanSaysWhereItMoved() throws {
        let message = try Self.error("stages:\n  - stage: clean\n    options: { bias: recall }\n")
        #expect(message?.hasPrefix(":3: stages[0].options.bias: 'bias' is no longer an option of the clean stage") == true)
    }

    @Test func topLevelXMLSaysWhereItMoved() throws {
        let message = try Self.error("stages:\n  - clean\nxml: { body: //text }\n")
        #expect(message?.hasPrefix(":3: xml: the top-level 'xml' section moved into the 'reader' section") == true)
    }

    @Test func unknownExtractValueNamesLineAndChoices() throws {
        let message = try Self.error("""
            name: demo
            stages:
              - clean
            reader:
              extract: summary
            """)
        #expect(message == ":5: reader.extract: expected one of article, full, found 'summary'")
    }

    @Test func unknownBiasValueNamesLineAndChoices() throws {
        let message = try Self.error("""
            stages:
              - clean
            reader: { bias: greedy }
            """)
        #expect(message == ":3: reader.bias: expected one of precision, balanced, recall, found 'greedy'")
    }

    @Test func unknownCleanOptionIsRejected() throws {
        let message = try Self.error("""
            stages:
              - stage: clean
                options: { mode: full }
            """)
        #expect(message == ":3: stages[0].options.mode: unknown key 'mode'; allowed: none")
    }

    @Test func xpathThatDoesNotCompileNamesLineAndKey() throws {
        let message = try Self.error("""
            stages:
              - clean
            reader:
              xml:
                item: //story
                body: ./content[
            """)
        #expect(message == ":6: reader.xml.body: expected an XPath 1.0 expression, found './content[', which does not compile")
    }

    @Test func unknownXMLKeyIsRejected() throws {
        let message = try Self.error("""
            stages:
              - clean
            reader:
              xml:
                headline: //title
            """)
        #expect(message == ":5: reader.xml.headline: unknown key 'headline'; allowed: author, body, date, item, title")
    }

    @Test func readerSectionMustBeAMapping() throws {
        let message = try Self.error("stages:\n  - clean\nreader: full\n")
        #expect(message?.hasPrefix(":3: reader: expected a mapping") == true)
    }

    @Test func validateExitsWithConfigErrorCode() throws {
        let file = try pipelineFile("stages:\n  - clean\nreader: { extract: most }\n")
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(LectorMain.run(arguments: ["validate", file]) == 2)
    }

    @Test func readerSettingsChangeTheCacheFingerprint() throws {
        let (article, first) = try Self.setup("stages:\n  - clean\n")
        let (full, second) = try Self.setup("stages:\n  - clean\nreader: { extract: full }\n")
        let (profiled, third) = try Self.setup("stages:\n  - clean\nreader: { xml: { body: //text } }\n")
        defer { for file in [first, second, third] { try? FileManager.default.removeItem(atPath: file) } }
        #expect(Set([article.fingerprint, full.fingerprint, profiled.fingerprint]).count == 3)
        #expect(profiled.resolvedConfig.contains(#""xml":{"body":"//text"}"#))
    }

    @Test func shippedFullTextPipelineReadsWholePages() throws {
        let setup = try PipelineSetup(path: path("pipelines/full-text.yaml"))
        #expect(setup.reader.readerOptions(maxBytes: 1).htmlMode == .full)
    }

    @Test func fullKeepsWhatArticleDrops() throws {
        let page = path("examples/news/baltic-bank-cuts-rate.html")
        let article = try Self.documents(pipeline: "stages:\n  - clean\n", input: page)
        let full = try Self.documents(pipeline: "stages:\n  - clean\nreader: { extract: full }\n", input: page)
        let articleText = try #require(article.first?["text"] as? String)
        let fullText = try #require(full.first?["text"] as? String)
        #expect(fullText.contains("Related stories"))
        #expect(!articleText.contains("Related stories"))
        #expect(fullText.utf8.count > articleText.utf8.count)
    }

    @Test func xmlProfileReadsItemsEndToEnd() throws {
        let folder = try temporaryDirectory("xml-profile")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <archive>
              <menu>Home | Archive | Contact</menu>
              <story published="2024-03-05T09:30:00Z">
                <headline>Harbour reopens after repairs</headline>
                <byline>Ines Marlow</byline>
                <text><para>The harbour reopened on Tuesday.</para><para>Ferries resume on Friday.</para></text>
              </story>
              <story published="2024-03-06">
                <headline>Library keeps its Sunday hours</headline>
                <text><para>The council voted to keep the library open.</para></text>
              </story>
            </archive>
            """.utf8).write(to: folder.appendingPathComponent("archive.xml"))
        let documents = try Self.documents(
            pipeline: """
                stages:
                  - clean
                reader:
                  xml:
                    item: //story
                    body: ./text
                    title: ./headline
                    date: ./@published
                    author: ./byline
                """, input: folder.path)
        #expect(documents.compactMap { $0["id"] as? String } == ["archive.xml#1", "archive.xml#2"])
        #expect(documents.first?["text"] as? String == "The harbour reopened on Tuesday.\n\nFerries resume on Friday.")
        #expect(documents.first?["title"] as? String == "Harbour reopens after repairs")
        let metadata = try #require(documents.first?["metadata"] as? [String: Any])
        #expect(metadata["authors"] as? String == "Ines Marlow")
        #expect((metadata["date"] as? String)?.hasPrefix("2024-03-05") == true)
        #expect(documents.last?["text"] as? String == "The council voted to keep the library open.")
        #expect(!(documents.map { $0["text"] as? String ?? "" }.joined().contains("Contact")))
    }
}
